import { zodResolver } from "@hookform/resolvers/zod";
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FormProvider, useForm, type FieldErrors } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { CategoryMultiSelect } from "@/components/forms/category-multi-select";
import { DateField } from "@/components/forms/date-field";
import { TextField } from "@/components/forms/text-field";
import { updateTransferInput } from "@/lib/validation/transfer";

/** Renders fields inside a react-hook-form with the given errors (as the server's fields[] map onto them). */
function renderInForm(children: ReactNode, { values = {}, errors }: { values?: Record<string, unknown>; errors?: FieldErrors } = {}) {
  function Harness() {
    const methods = useForm({ defaultValues: values, errors });
    return createElement(FormProvider, { ...methods, children });
  }
  return renderToStaticMarkup(createElement(Harness));
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
    const resolve = zodResolver(updateTransferInput);
    const result = await resolve({ version: 1, encryptionInTransit: "tls9" } as never, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(Object.keys(result.errors)).toEqual(["encryptionInTransit"]);
  });
});
