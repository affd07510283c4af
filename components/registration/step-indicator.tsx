import { clsx } from "clsx";
import { WIZARD_STEPS, type WizardStepNumber } from "@/lib/registration/schemas";

/** The wizard's steps as an ordered list; the current one carries aria-current="step". */
export function StepIndicator({ current }: { current: WizardStepNumber }) {
  return (
    <nav aria-label="Registration steps">
      <ol className="flex flex-wrap gap-2 text-sm" data-testid="wizard-steps">
        {WIZARD_STEPS.map((step) => {
          const state = step.number === current ? "current" : step.number < current ? "done" : "todo";
          return (
            <li
              key={step.number}
              aria-current={state === "current" ? "step" : undefined}
              className={clsx(
                "rounded-full border px-3 py-1",
                state === "current" && "border-brand-600 bg-brand-50 font-semibold text-brand-700",
                state === "done" && "border-slate-300 bg-white text-slate-800",
                state === "todo" && "border-slate-200 bg-white text-slate-600",
              )}
            >
              <span className="sr-only">{state === "done" ? "Done: " : state === "todo" ? "Next: " : ""}</span>
              {step.number}. {step.title}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
