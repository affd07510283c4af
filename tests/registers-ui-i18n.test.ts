import { type UseQueryResult } from "@tanstack/react-query";
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { PredictedFlagsPanel } from "@/components/forms/predicted-flags-panel";
import { ProcessorForm, type ProcessorFormValues } from "@/components/forms/processor-form";
import { processorFormOptions } from "@/components/forms/processor-form-options";
import { RecordStatusBadge } from "@/components/processors/status-badge";
import { DeleteRecordButton } from "@/components/registers/delete-record-button";
import { RegisterFetchError } from "@/components/registers/fetch-page";
import { RegisterStatus } from "@/components/registers/register-status";
import { yesNo } from "@/components/transfers/details-list";
import { Pagination } from "@/components/ui/pagination";
import type { Locale } from "@/lib/i18n/locales";
import { renderInLocale as render, visibleText } from "./render-in-locale";

/*
 * Issue 16, the registers and record forms in English and in French, rendered as the reader gets them: the
 * English wording the e2e journeys read is kept, the French is the reader's language (grammar included), and
 * enum values reach the page as labels, never as codes.
 */

// The forms and the delete button hold the App Router; a static render has none mounted.
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => undefined, refresh: () => undefined, replace: () => undefined }) }));

const SNAKE_CASE = /\b[a-z0-9]+(?:_[a-z0-9]+)+\b/;

const pager = { page: 2, pageSize: 50, total: 1230, basePath: "/transfers", searchParams: { q: "cloud" } };

describe("the shared register parts", () => {
  it("page in the reader's language, numbers grouped as the locale groups them", async () => {
    const english = visibleText(await render("en", createElement(Pagination, pager)));
    expect(english).toContain("51–100 of 1,230");
    expect(english).toContain("Page 2 of 25");
    expect(english).toContain("Previous");
    const french = visibleText(await render("fr", createElement(Pagination, pager)));
    expect(french).toContain("51–100 sur 1\u00a0230");
    expect(french).toContain("Page 2 sur 25");
    expect(french).toContain("Précédent");
    expect(french).not.toContain("Previous");
  });

  it("name a record's status with its label, not its code", async () => {
    expect(visibleText(await render("en", createElement(RecordStatusBadge, { status: "draft" })))).toBe(" Draft ");
    expect(visibleText(await render("fr", createElement(RecordStatusBadge, { status: "draft" })))).toBe(" Brouillon ");
  });

  it("ask before deleting in French grammar for a known noun, and in a neutral sentence for another", async () => {
    const props = { endpoint: "/api/v1/transfers/x", version: 1, afterPath: "/transfers" };
    expect(visibleText(await render("en", createElement(DeleteRecordButton, { ...props, noun: "processing activity" })))).toContain("Delete processing activity");
    expect(visibleText(await render("fr", createElement(DeleteRecordButton, { ...props, noun: "processing activity" })))).toContain(
      "Supprimer l’activité de traitement",
    );
    expect(visibleText(await render("fr", createElement(DeleteRecordButton, { ...props, noun: "entity" })))).toContain("Supprimer l’entité");
    expect(visibleText(await render("en", createElement(DeleteRecordButton, { ...props, noun: "webhook" })))).toContain("Delete webhook");
    expect(visibleText(await render("fr", createElement(DeleteRecordButton, { ...props, noun: "webhook" })))).toContain("Supprimer\u00a0: webhook");
  });

  it("say why a register could not be read, in the reader's language, for a failure it knows and not for another", async () => {
    const failed = (error: Error) =>
      ({ isError: true, error, data: undefined, isPending: false, isPlaceholderData: false, refetch: async () => undefined }) as unknown as UseQueryResult<unknown>;
    const forbidden = failed(new RegisterFetchError({ kind: "forbidden" }));
    expect(visibleText(await render("en", createElement(RegisterStatus, { query: forbidden, noun: "transfers" })))).toContain(
      "Your role does not allow you to see this register.",
    );
    expect(visibleText(await render("fr", createElement(RegisterStatus, { query: forbidden, noun: "transfers" })))).toContain(
      "Votre rôle ne vous permet pas de consulter ce registre.",
    );
    // Another error keeps its own words: the status does not pretend to know why.
    expect(visibleText(await render("fr", createElement(RegisterStatus, { query: failed(new Error("Boom")), noun: "transfers" })))).toContain("Boom");
    const loading = { isError: false, isPending: true, isPlaceholderData: false } as unknown as UseQueryResult<unknown>;
    expect(visibleText(await render("fr", createElement(RegisterStatus, { query: loading, noun: "data categories" })))).toContain(
      "Chargement des catégories de données…",
    );
  });

  it("answer yes or no in the language asked, English by default", () => {
    expect(yesNo(true)).toBe("Yes");
    expect(yesNo(false, "fr")).toBe("Non");
  });
});

const PROCESSOR: ProcessorFormValues & { version: number } = {
  version: 2,
  name: "Hengtong Cloud",
  legalName: null,
  website: "https://hengtong.example",
  role: "sub_processor",
  service: "push_messaging",
  country: "CN",
  parentProcessorId: null,
  dpfCertified: false,
  dpfExpiry: null,
  dpfUkExtension: false,
  coveredPerson: true,
  ownerUserId: null,
  notes: null,
};

function renderProcessorForm(locale: Locale) {
  return render(
    locale,
    createElement(ProcessorForm, {
      mode: "edit",
      recordId: "00000000-0000-4000-8000-000000000002",
      initial: PROCESSOR,
      save: async () => ({ ok: true, data: { id: "x", version: 3 } }) as never,
      preview: async () => ({ ok: true, data: { flags: [] } }) as never,
      currentFlags: [],
      options: processorFormOptions({ parents: [], owners: [], locale }),
    }),
  );
}

describe("the record forms", () => {
  it("keep the English wording and name every option by its label", async () => {
    const text = visibleText(await renderProcessorForm("en"));
    for (const label of ["Who they are", "Country of establishment", "Sub-processor", "Push messaging", "Save processor"]) expect(text).toContain(label);
    expect(text).not.toMatch(SNAKE_CASE);
  });

  it("speak French: labels, options from the catalogue and countries by their French names, no code", async () => {
    const text = visibleText(await renderProcessorForm("fr"));
    for (const label of ["Identité", "Pays d’établissement", "Sous-traitant ultérieur", "Enregistrer le sous-traitant", "Chine"]) expect(text).toContain(label);
    expect(text).not.toContain("Country of establishment");
    expect(text).not.toMatch(SNAKE_CASE);
  });

  it("title a predicted flag by its rule in the reader's language, the rule id kept as code", async () => {
    const flag = { key: "transfer:t1:transfer.no-contract", ruleId: "transfer.no-contract", subjectType: "transfer", severity: "high", message: "No DPA.", messageFr: "", status: "open" };
    const props = { current: [], prediction: { predicted: [flag], error: null }, emptyText: "None", showSubject: true };
    const english = await render("en", createElement(PredictedFlagsPanel, props));
    expect(visibleText(english)).toContain("Transfer · No processing agreement");
    expect(english).toContain("<code");
    const french = visibleText(await render("fr", createElement(PredictedFlagsPanel, props)));
    expect(french).toContain("Alertes après cette modification");
    expect(french).toContain("Absence de contrat de sous-traitance");
    expect(french).not.toContain("No processing agreement");
  });
});
