"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { setupBody } from "@/lib/setup/contract";

type FieldName = "code" | "name" | "email" | "password";
type Problem = { detail?: string; code?: string; errors?: { path: string; message: string }[]; setupComplete?: boolean };

/** Each field's label is setup.form.<name>, its hint (when `hint`) setup.form.<name>Hint. */
const FIELDS: { name: FieldName; type: string; autoComplete: string; hint?: true }[] = [
  { name: "code", type: "text", autoComplete: "one-time-code", hint: true },
  { name: "name", type: "text", autoComplete: "name" },
  { name: "email", type: "email", autoComplete: "username" },
  { name: "password", type: "password", autoComplete: "new-password", hint: true },
];

/**
 * The first DPO's account: validated with the server's own schema, sent to POST /api/setup, then signed in with
 * the same email and password and taken to the guided start. Should the automatic sign-in fail, the sign-in page
 * opens with the email filled in.
 */
export function SetupForm() {
  const t = useTranslations("setup");
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = Object.fromEntries(FIELDS.map(({ name }) => [name, String(form.get(name) ?? "")]));
    setError(null);
    const checked = setupBody.safeParse(input);
    if (!checked.success) {
      setFieldErrors(Object.fromEntries(checked.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const response = await fetch("/api/setup", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(input),
      });
      if (!response.ok) {
        const problem = (await response.json().catch(() => ({}))) as Problem;
        if (problem.setupComplete) {
          router.replace("/sign-in");
          return;
        }
        setFieldErrors(Object.fromEntries((problem.errors ?? []).map((issue) => [issue.path, issue.message])));
        setError(problem.detail ?? t("form.failed"));
        return;
      }
      const signedIn = await signIn("credentials", { email: checked.data.email, password: checked.data.password, redirect: false });
      if (!signedIn || signedIn.error) {
        router.replace(`/sign-in?email=${encodeURIComponent(checked.data.email)}&callbackUrl=${encodeURIComponent("/setup/start")}`);
        return;
      }
      router.replace("/setup/start");
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label={t("form.label")}>
      {FIELDS.map(({ name, type, autoComplete, hint }) => {
        const label = t(`form.${name}`);
        return (
          <div key={name} className="space-y-1">
            <label htmlFor={`setup-${name}`} className="block text-sm font-medium">
              {label}
            </label>
            <input
              id={`setup-${name}`}
              name={name}
              type={type}
              autoComplete={autoComplete}
              required
              aria-invalid={fieldErrors[name] ? true : undefined}
              aria-describedby={[hint ? `setup-${name}-hint` : "", fieldErrors[name] ? `setup-${name}-error` : ""].filter(Boolean).join(" ") || undefined}
              className={`block w-full rounded-md border px-3 py-2 text-sm ${fieldErrors[name] ? "border-red-600" : "border-slate-300"}`}
            />
            {hint && (
              <p id={`setup-${name}-hint`} className="text-xs text-slate-500">
                {t(`form.${name}Hint`)}
              </p>
            )}
            {fieldErrors[name] && (
              <p id={`setup-${name}-error`} className="text-xs text-red-700">
                {label}: {fieldErrors[name]}
              </p>
            )}
          </div>
        );
      })}
      {error && (
        <p role="alert" className="text-sm text-red-700" data-testid="setup-error">
          {error}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("form.pending") : t("form.submit")}
      </Button>
    </form>
  );
}
