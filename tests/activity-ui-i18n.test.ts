
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { ActivityCategoriesTable } from "@/components/activities/activity-categories-table";
import { ActivityForm, type ActivityFormValues } from "@/components/forms/activity-form";
import { activityFormOptions } from "@/components/forms/activity-form-options";
import type { Locale } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en/activities.json";
import fr from "@/lib/i18n/messages/fr/activities.json";
import { renderInLocale as render } from "./render-in-locale";

/*
 * Issue 16, the activities area in English and in French: the activity form (with the CNIL checklist and the
 * UK ICO template's group) and the categories table render in the reader's language, with labels, never codes;
 * both languages have the same keys; the ICO group shows the breach record and the deviation reason only when
 * they apply.
 */

// The form opens the saved record with the App Router; a static render has none mounted.
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => undefined, refresh: () => undefined }) }));

const CONTROLLERS = [{ id: "00000000-0000-4000-8000-000000000001", name: "Acme Cameras GmbH", country: "DE" }];

const VALUES: ActivityFormValues & { version: number } = {
  version: 3,
  name: "Customer support",
  purpose: "Answer tickets",
  legalBasis: "legitimate_interests",
  legitimateInterest: "Help customers",
  art9Condition: null,
  disclosureType: "business_purpose",
  dataSubjectCategories: ["Customers", "Our own words"],
  retentionPeriod: "3 years",
  securityMeasures: "TLS",
  securityChecklist: ["encryption", "access_control"],
  applications: "Zendesk",
  source: "The customer",
  liaReference: "https://intranet.example.com/lia",
  consentRecordReference: null,
  breachOccurred: false,
  breachRecordReference: null,
  schedule1Condition: null,
  policyDocumentReference: null,
  retainedPerPolicy: null,
  policyDeviationReason: null,
};

function renderForm(locale: Locale, values: Partial<ActivityFormValues> = {}) {
  return render(
    locale,
    createElement(ActivityForm, {
      mode: "edit",
      recordId: "00000000-0000-4000-8000-000000000002",
      initial: { ...VALUES, ...values },
      save: async () => ({ ok: true, data: { id: "x", version: 4 } }) as never,
      preview: async () => ({ ok: true, data: { flags: [] } }) as never,
      currentFlags: [],
      options: activityFormOptions({ controllers: CONTROLLERS, current: VALUES.dataSubjectCategories, locale }),
    }),
  );
}

/** What a reader sees: the markup without its tags and attributes (option values, names and ids are codes by design). */
const visibleText = (html: string) => html.replace(/<[^>]*>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, " ");
const SNAKE_CASE = /\b[a-z0-9]+(?:_[a-z0-9]+)+\b/;

function keysOf(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === "object" ? keysOf(value as object, `${prefix}${key}.`) : [`${prefix}${key}`]));
}

describe("the activities area in English and in French", () => {
  it("has the same message keys in both languages", () => {
    expect(keysOf(fr).sort()).toEqual(keysOf(en).sort());
  });

  it("renders the form in English with today's labels, the CNIL checklist ticked as stored and the ICO group", async () => {
    const html = await renderForm("en");
    const text = visibleText(html);
    for (const label of ["Purpose and lawfulness", "Legal basis (GDPR Art. 6(1))", "Security measures", "Measures in place (CNIL checklist)", "UK ICO template", "Legitimate interests assessment (LIA)", "Save activity"]) {
      expect(text).toContain(label);
    }
    expect(text).toContain("Access control");
    expect(html).toContain('<input type="checkbox" name="securityChecklist" checked="" value="encryption"/>');
    expect(html).toContain('<input type="checkbox" name="securityChecklist" value="backup"/>');
    // The common categories of data subjects are named; the organisation's own stay as written.
    expect(text).toContain("Customers");
    expect(text).toContain("Our own words");
    expect(text).not.toMatch(SNAKE_CASE);
  });

  it("renders the form in French: labels, enum options and checklist from the catalogue, no code", async () => {
    const text = visibleText(await renderForm("fr"));
    for (const label of ["Finalité et licéité", "Base légale (art. 6.1 du RGPD)", "Mesures en place (liste de la CNIL)", "Modèle de registre de l’ICO (Royaume-Uni)", "Enregistrer l’activité", "Clients"]) {
      expect(text).toContain(label);
    }
    expect(text).toContain("Chiffrement des données");
    expect(text).not.toContain("Save activity");
    expect(text).not.toContain("Access control");
    expect(text).not.toMatch(SNAKE_CASE);
  });

  it("shows the breach record only with a breach, and the deviation reason only when the data is not retained per policy", async () => {
    const plain = visibleText(await renderForm("en"));
    expect(plain).not.toContain("Record of the breach");
    expect(plain).not.toContain("Reason for not following the policy document");
    const deviating = visibleText(await renderForm("en", { breachOccurred: true, breachRecordReference: "BR-1", retainedPerPolicy: false, policyDeviationReason: "Legal hold" }));
    expect(deviating).toContain("Record of the breach");
    expect(deviating).toContain("Reason for not following the policy document");
    // Retained per policy: still no reason to give.
    expect(visibleText(await renderForm("en", { retainedPerPolicy: true }))).not.toContain("Reason for not following the policy document");
  });

  it("names the data categories in the reader's language and links their key instead of printing it", async () => {
    const category = { key: "user.device.ip_address", name: "IP address", gdprSpecial: false, ccpaSensitive: false, piplSensitive: false, dojCategory: "none", transferCount: 2 };
    const format = { number: (value: number) => String(value) };
    const english = await render("en", createElement(ActivityCategoriesTable, { categories: [category], format }));
    expect(visibleText(english)).toContain("IP address");
    expect(english).toContain('href="/data-categories/user.device.ip_address"');
    const french = await render("fr", createElement(ActivityCategoriesTable, { categories: [category], format }));
    expect(visibleText(french)).toContain("Adresse IP");
    for (const html of [english, french]) expect(visibleText(html)).not.toMatch(SNAKE_CASE);
  });
});
