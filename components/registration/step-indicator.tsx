import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { WIZARD_STEPS, type WizardStepNumber } from "@/lib/registration/schemas";

/** The wizard's steps as an ordered list; the current one carries aria-current="step". Titles: registration.steps.<n>. */
export function StepIndicator({ current }: { current: WizardStepNumber }) {
  const t = useTranslations("registration");
  return (
    <nav aria-label={t("stepsLabel")}>
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
              {state !== "current" && <span className="sr-only">{state === "done" ? t("stepDone") : t("stepTodo")} </span>}
              {t("stepItem", { number: step.number, title: t(`steps.${step.number}`) })}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
