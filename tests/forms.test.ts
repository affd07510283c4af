import { zodResolver } from "@hookform/resolvers/zod";
import { NextIntlClientProvider } from "next-intl";
import { createElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FormProvider, useForm, type FieldErrors } from "react-hook-form";
import { describe, expect, it, vi } from "vitest";
import { CategoryMultiSelect } from "@/components/forms/category-multi-select";
import { DateField } from "@/components/forms/date-field";
import { PredictedFlagsPanel } from "@/components/forms/predicted-flags-panel";
import { applyServerErrors } from "@/components/forms/server-errors";
import { TextField } from "@/components/forms/text-field";
import { createActivityBody } from "@/lib/api/contracts/activities";
import { conflictMessage } from "@/lib/services/conflict";
import { createAgreementBody } from "@/lib/api/contracts/agreements";
import { updateTransferBody } from "@/lib/api/contracts/transfers";
import { loadMessages } from "@/lib/i18n/messages";
import { enumLabel } from "@/lib/labels";

// The shared form components speak through next-intl (issue 16): rendered, as in the app, inside its provider,
// in English, the wording these tests read.
const messages = await loadMessages("en");

function renderInEnglish(element: ReactElement): string {
  return renderToStaticMarkup(createElement(NextIntlClientProvider, { locale: "en", messages, timeZone: "UTC", children: element }));
}

/** Renders fields inside a react-hook-form with the given errors (as the server's fields[] map onto them). */
function renderInForm(children: ReactNode, { values = {}, errors }: { values?: Record<string, unknown>; errors?: FieldErrors } = {}) {
  function Harness() {
    const methods = useForm({ defaultValues: values, errors });
    return createElement(FormProvider, { ...methods, children });
  }
  return renderInEnglish(createElement(Harness));
}

function attribute(html: string, element: RegExp, name: string) {
  const tag = html.match(element)?.[0] ?? "";
  return tag.match(new RegExp(`${name}="([^"]*)"`))?.[1];
}

describe("form fields", () => {
  it("ties a field's error to its input with aria-invalid and aria-describedby, and names the field", () => {
    const html = renderInForm(createElement(TextField, { name: "legalName", label: "Legal name" }), {
      errors: { legalName: { type: "server", message: "must be at most 300 characters" } },
    });
    expect(attribute(html, /<input[^>]*>/, "aria-invalid")).toBe("true");
    const describedBy = attribute(html, /<input[^>]*>/, "aria-describedby");
    expect(html).toContain(`id="${describedBy}"`);
    expect(html).toMatch(new RegExp(`id="${describedBy}"[^>]*>Legal name: must be at most 300 characters<`));
  });

  it("leaves a valid field unmarked and links only its hint", () => {
    const html = renderInForm(createElement(DateField, { name: "tiaDate", label: "TIA date", hint: "Date of the transfer impact assessment" }));
    expect(attribute(html, /<input[^>]*>/, "aria-invalid")).toBeUndefined();
    const describedBy = attribute(html, /<input[^>]*>/, "aria-describedby");
    expect(html).toMatch(new RegExp(`id="${describedBy}"[^>]*>Date of the transfer impact assessment<`));
  });

  it("explains a sensitive category in one line and escapes user text", () => {
    const html = renderInForm(
      createElement(CategoryMultiSelect, {
        name: "dataCategories",
        label: "Data categories",
        options: [
          { key: "user.biometric.face", label: "Face <geometry>", sensitive: "GDPR Art. 9 special category; DOJ biometric" },
          { key: "user.contact.email", label: "Email" },
        ],
      }),
      { values: { dataCategories: ["user.biometric.face"] } },
    );
    expect(html).toContain("Sensitive: GDPR Art. 9 special category; DOJ biometric");
    expect(html).toContain("Face &lt;geometry&gt;");
    expect(html).toContain("1 selected");
    expect(html.match(/Sensitive:/g)).toHaveLength(1);
  });

  it("validates in the browser with the server's own zod schema, naming the field", async () => {
    const resolve = zodResolver(updateTransferBody);
    const result = await resolve({ version: 1, encryptionInTransit: "tls9" } as never, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(Object.keys(result.errors)).toEqual(["encryptionInTransit"]);
  });
});

describe("server errors in the forms", () => {
  it("puts each field error on its field (a list item on its list) and keeps the message for the form", () => {
    const setError = vi.fn();
    const outcome = applyServerErrors({ setError } as never, {
      code: "validation_failed",
      message: "website: must be an http or https URL; transferIds.2: is not a transfer to this agreement's processor",
      fields: [
        { path: "website", message: "must be an http or https URL" },
        { path: "transferIds.2", message: "is not a transfer to this agreement's processor" },
      ],
    });
    expect(setError.mock.calls).toEqual([
      ["website", { type: "server", message: "must be an http or https URL" }],
      ["transferIds", { type: "server", message: "is not a transfer to this agreement's processor" }],
    ]);
    expect(outcome.conflict).toBe(false);
  });

  it("offers the reload only for a stale version", () => {
    const outcome = applyServerErrors({ setError: vi.fn() } as never, { code: "version_conflict", message: "This agreement was changed by Ana at 2026-11-24 09:15 UTC" });
    expect(outcome).toEqual({ message: "This agreement was changed by Ana at 2026-11-24 09:15 UTC", conflict: true });
  });

  it("names who changed the record and when, to the minute, in UTC", () => {
    expect(conflictMessage({ what: "processing activity", changedBy: "Ana DPO <ana@example.test>", changedAt: new Date("2026-11-24T09:15:42.123Z") })).toBe(
      "This processing activity was changed by Ana DPO <ana@example.test> at 2026-11-24 09:15 UTC while you were editing. Reload it to see their change, then apply yours again.",
    );
  });
});

describe("the create forms' schemas", () => {
  it("refuses in the browser, on its field, an agreement that expires before it was signed", async () => {
    const resolve = zodResolver(createAgreementBody);
    const result = await resolve(
      { processorId: "00000000-0000-4000-8000-000000000000", type: "dpa", signedDate: "2026-03-01", expiryDate: "2026-02-01" } as never,
      undefined,
      { fields: {}, shouldUseNativeValidation: false },
    );
    expect(Object.keys(result.errors)).toEqual(["expiryDate"]);
  });

  it("requires what a new processing activity needs and nothing the server would refuse", async () => {
    const missing = createActivityBody.safeParse({ name: "Support", purpose: "", legalBasis: "contract" });
    expect(missing.success ? [] : missing.error.issues.map((issue) => issue.path.join("."))).toEqual(["purpose", "controllerEntityId"]);
    const unknown = createActivityBody.safeParse({ name: "Support", purpose: "Answer tickets", legalBasis: "contract", controllerEntityId: "00000000-0000-4000-8000-000000000000", typo: 1 });
    expect(unknown.success).toBe(false);
  });
});

describe("the predicted flags panel", () => {
  const flag = (subjectId: string, ruleId: string, severity = "high") => ({
    key: `transfer:${subjectId}:${ruleId}`,
    ruleId,
    subjectType: "transfer",
    severity,
    message: `${ruleId} on ${subjectId}`,
    messageFr: "",
    status: "open",
  });

  it("marks the flags a change raises as new and lists those it resolves, one rule on one subject at a time", () => {
    const html = renderInEnglish(
      createElement(PredictedFlagsPanel, {
        current: [flag("t1", "transfer.no-contract"), flag("t2", "transfer.no-contract")],
        prediction: { predicted: [flag("t2", "transfer.no-contract"), flag("t1", "transfer.tia-missing", "medium")], error: null },
        emptyText: "nothing",
      }),
    );
    const open = html.slice(html.indexOf('data-testid="predicted-open"'), html.indexOf('data-testid="predicted-resolved"'));
    const resolved = html.slice(html.indexOf('data-testid="predicted-resolved"'));
    expect(open.match(/data-new="true"/g)).toHaveLength(1);
    expect(open).toMatch(/data-rule-id="transfer.tia-missing" data-new="true"/);
    expect(open).toContain("transfer.no-contract on t2");
    // Each flag reads by its rule's title, the rule id following as code, then why.
    expect(resolved).toContain(`<code class="text-xs text-slate-500">transfer.no-contract</code>`);
    expect(resolved.replace(/<[^>]*>/g, "")).toContain(`${enumLabel("rule", "transfer.no-contract")} transfer.no-contract: transfer.no-contract on t1`);
    expect(resolved).not.toContain("on t2");
  });

  it("asks for valid values rather than predicting from a form the server would refuse", () => {
    const html = renderInEnglish(
      createElement(PredictedFlagsPanel, { current: [flag("t1", "transfer.no-contract")], prediction: { predicted: null, error: null, incomplete: true }, emptyText: "nothing" }),
    );
    expect(html).toContain("Complete the required fields");
    expect(html).not.toContain("Resolved by this change");
  });
});
