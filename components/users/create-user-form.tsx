"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import { ROLE_OPTIONS, roleLabel } from "./labels";
import type { UserAdminActions, UserSummary } from "./user-action-types";

type Field = "email" | "name" | "role" | "password";

const FIELDS: readonly Field[] = ["email", "name", "role", "password"];

const inputClass = "block w-full rounded-md border px-2 py-1.5 text-sm";

/** The DPO's form to create an account: the server validates, and its field errors show next to the fields. */
export function CreateUserForm({ createUser }: { createUser: UserAdminActions["createUser"] }) {
  const t = useTranslations("users");
  const locale = useUiLocale();
  const baseId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<UserSummary | null>(null);
  const id = (field: Field) => `${baseId}-${field}`;
  const errorId = (field: Field) => `${baseId}-${field}-error`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const request = {
      email: String(form.get("email") ?? ""),
      name: String(form.get("name") ?? ""),
      role: String(form.get("role") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    setFormError(null);
    setFieldErrors({});
    setCreated(null);
    startTransition(async () => {
      const result = await createUser(request);
      if (result.ok) {
        setCreated(result.data);
        formRef.current?.reset();
        return;
      }
      const fields: Partial<Record<Field, string>> = {};
      for (const issue of result.error.fields ?? []) {
        const path = issue.path as Field;
        // The server's messages name the constraint ("must be at least 12 characters"); the field's name goes in front.
        if (FIELDS.includes(path) && !fields[path]) fields[path] = t("create.fieldError", { field: t(`create.fieldNames.${path}`), message: issue.message });
      }
      setFieldErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(result.error.message);
    });
  }

  const describedBy = (field: Field, hint?: string) => [hint, fieldErrors[field] ? errorId(field) : null].filter(Boolean).join(" ") || undefined;
  const fieldClass = (field: Field) => `${inputClass} ${fieldErrors[field] ? "border-red-600" : "border-slate-300"}`;
  const errorText = (field: Field) =>
    fieldErrors[field] && (
      <p id={errorId(field)} className="text-xs text-red-700" data-testid={`create-user-${field}-error`}>
        {fieldErrors[field]}
      </p>
    );

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-label={t("create.heading")}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-start"
      data-testid="create-user-form"
    >
      <div className="space-y-1">
        <label htmlFor={id("email")} className="block text-xs font-medium text-slate-700">
          {t("create.email")}
        </label>
        <input
          id={id("email")}
          name="email"
          type="email"
          autoComplete="off"
          required
          maxLength={320}
          aria-invalid={fieldErrors.email ? true : undefined}
          aria-describedby={describedBy("email")}
          className={fieldClass("email")}
        />
        {errorText("email")}
      </div>
      <div className="space-y-1">
        <label htmlFor={id("name")} className="block text-xs font-medium text-slate-700">
          {t("create.name")}
        </label>
        <input
          id={id("name")}
          name="name"
          autoComplete="off"
          required
          maxLength={200}
          aria-invalid={fieldErrors.name ? true : undefined}
          aria-describedby={describedBy("name")}
          className={fieldClass("name")}
        />
        {errorText("name")}
      </div>
      <div className="space-y-1">
        <label htmlFor={id("role")} className="block text-xs font-medium text-slate-700">
          {t("create.role")}
        </label>
        <select
          id={id("role")}
          name="role"
          defaultValue="engineer"
          aria-invalid={fieldErrors.role ? true : undefined}
          aria-describedby={describedBy("role")}
          className={`${fieldClass("role")} bg-white`}
        >
          {ROLE_OPTIONS.map((role) => (
            <option key={role} value={role}>
              {roleLabel(role, locale)}
            </option>
          ))}
        </select>
        {errorText("role")}
      </div>
      <div className="space-y-1">
        <label htmlFor={id("password")} className="block text-xs font-medium text-slate-700">
          {t("create.password")}
        </label>
        <input
          id={id("password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          maxLength={1024}
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-describedby={describedBy("password", `${baseId}-password-hint`)}
          className={fieldClass("password")}
        />
        <p id={`${baseId}-password-hint`} className="text-xs text-slate-600">
          {t("create.passwordHint")}
        </p>
        {errorText("password")}
      </div>
      <div className="space-y-1 lg:pt-5">
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? t("create.pending") : t("create.submit")}
        </Button>
      </div>
      <div aria-live="polite" className="text-sm sm:col-span-2 lg:col-span-5">
        {formError && (
          <p className="text-red-700" data-testid="create-user-error">
            {formError}
          </p>
        )}
        {created && (
          <p className="text-green-800" data-testid="create-user-success">
            {/* "Jane Doe <jane@…>": the account as the audit trail names it; the brackets are not message syntax. */}
            {t("create.created", { account: `${created.name} <${created.email}>`, role: roleLabel(created.role, locale) })}
          </p>
        )}
      </div>
    </form>
  );
}
