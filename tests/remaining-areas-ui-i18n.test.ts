
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { readUploadedImport } from "@/app/(dashboard)/import/import-file";
import { ApiReference, type OpenApiDocument } from "@/components/api-reference/api-reference";
import { AuditEventsTable } from "@/components/audit/audit-events-table";
import { RecordHistory } from "@/components/audit/record-history";
import { SensitivityMarkers } from "@/components/categories/sensitivity-markers";
import { EntityForm } from "@/components/entities/entity-form";
import { entityFormOptions } from "@/components/entities/entity-form-options";
import { ImportForm } from "@/components/import/import-form";
import type { AuditEventRow } from "@/db/queries/audit";
import { AppError } from "@/lib/errors";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import type { Locale } from "@/lib/i18n/locales";
import { renderInLocale as render, visibleText } from "./render-in-locale";

/*
 * Issue 16, the data categories, the organisation's entities, the import page, the audit trail and the API
 * reference in English and in French, rendered as the reader gets them: the English wording the e2e journeys
 * read is kept, the French is complete, and codes (enum values, audit actions, snake_case keys) reach the page
 * as words, identifiers only inside <code>.
 */

// The entity form holds the App Router; a static render has none mounted.
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => undefined, refresh: () => undefined, replace: () => undefined }) }));

const SNAKE_CASE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;

const snakeCaseIn = (text: string) => [...text.matchAll(SNAKE_CASE)].map((match) => match[0]);

const AT = new Date("2026-03-17T14:05:00Z");
const event = (id: number, fields: Partial<AuditEventRow>): AuditEventRow => ({
  id,
  occurredAt: AT,
  actorUserId: null,
  actorTokenId: null,
  actorLabel: "Hélène Marchand <dpo@example.test>",
  action: "update",
  recordType: "transfer",
  recordId: "00000000-0000-4000-8000-000000000001",
  before: null,
  after: null,
  ...fields,
});

const EVENTS: AuditEventRow[] = [
  event(4, {
    action: "change_role",
    recordType: "user",
    before: { role: "engineer", sessionVersion: 1, email: "wei@example.test" },
    after: { role: "auditor", sessionVersion: 2, email: "wei@example.test" },
  }),
  event(3, {
    before: { encryptionInTransit: "none", dataCategories: ["user.contact.email"], destinationCountry: "US", tiaDate: null },
    after: { encryptionInTransit: "tls1_3", dataCategories: ["user.contact.email", "user.contact.phone_number"], destinationCountry: "CN", tiaDate: "2026-03-17" },
  }),
  event(2, { action: "save_step_3", recordType: "registration_draft", before: { step: 3 }, after: { step: 4, flows: [] } }),
  event(1, { action: "export_started", recordType: "export", recordId: "ropa", actorLabel: "system", after: { format: "pdf", legacyMode: "old_value" } }),
];

describe("the audit trail", () => {
  it("names actions, record types, fields and values in words, in English as before and in French", async () => {
    const english = visibleText(await render("en", createElement(AuditEventsTable, { rows: EVENTS })));
    expect(english).toContain("Role changed");
    expect(english).toContain("Engineer");
    expect(english).toContain("Auditor");
    expect(english).toContain("Session version");
    expect(english).toContain("Registration step 3 saved");
    expect(english).toContain("Show changes");
    expect(english).toContain("17 Mar 2026 14:05 UTC");

    const french = visibleText(await render("fr", createElement(AuditEventsTable, { rows: EVENTS })));
    expect(french).toContain("Changement de rôle");
    expect(french).toContain("Ingénieur");
    expect(french).toContain("Auditeur");
    expect(french).toContain("Chiffrement en transit");
    expect(french).toContain("TLS 1.3");
    expect(french).toContain("Adresse électronique");
    expect(french).toContain("Chine");
    expect(french).toContain("17 mars 2026");
    expect(french).toContain("Début d’exportation");
    expect(french).toContain("Système");
    expect(french).toContain("Afficher les modifications");
    expect(french).not.toContain("Show changes");
  });

  it("shows no snake_case code outside <code>, in either language, but keeps the unknown ones as code", async () => {
    for (const locale of ["en", "fr"] as const) {
      const html = await render(locale, createElement(AuditEventsTable, { rows: EVENTS }));
      expect(snakeCaseIn(visibleText(html)), locale).toEqual([]);
      // A value no label knows is an identifier: shown, as code, rather than dropped or written out.
      expect(html).toContain("<code>old_value</code>");
    }
    // The check itself finds a code left in the text.
    expect(snakeCaseIn(visibleText("<td>change_role</td><td><code>tls1_3</code></td>"))).toEqual(["change_role"]);
  });

  it("tells a record's history in the reader's language, and uses the page's own words when it has none", async () => {
    const french = visibleText(await render("fr", createElement(RecordHistory, { events: EVENTS.slice(0, 2), limit: 2, trailHref: "/audit" })));
    expect(french).toContain("par Hélène Marchand");
    expect(french).toContain("Les 2 derniers événements.");
    expect(french).toContain("Tous les événements dans le journal d’audit");
    const english = visibleText(await render("en", createElement(RecordHistory, { events: [], emptyText: "No change to this entity is recorded in the audit trail." })));
    expect(english).toContain("No change to this entity is recorded in the audit trail.");
    expect(visibleText(await render("fr", createElement(RecordHistory, { events: [] })))).toContain("Aucune modification de cet enregistrement");
  });
});

describe("the data categories", () => {
  const biometric = { gdprSpecial: true, ccpaSensitive: true, piplSensitive: true, dojCategory: "biometric" };

  it("mark the regimes a category is sensitive under, the DOJ category by its label", async () => {
    expect(visibleText(await render("en", createElement(SensitivityMarkers, { category: biometric })))).toBe(" GDPR Art. 9 CCPA sensitive PIPL sensitive DOJ: Biometric identifier ");
    const french = visibleText(await render("fr", createElement(SensitivityMarkers, { category: biometric })));
    expect(french).toContain("RGPD, art. 9");
    expect(french).toContain("DOJ : Identifiant biométrique");
    const none = { gdprSpecial: false, ccpaSensitive: false, piplSensitive: false, dojCategory: "none" };
    expect(visibleText(await render("fr", createElement(SensitivityMarkers, { category: none })))).toBe(" Aucune ");
  });
});

describe("the entity form", () => {
  const initial = {
    name: "",
    legalName: null,
    country: "",
    role: "controller",
    address: null,
    phone: null,
    dpoContact: null,
    representativeContact: null,
    ukRepresentativeContact: null,
    ciio: false,
  };
  const form = (locale: Locale) =>
    render(
      locale,
      createElement(EntityForm, {
        mode: "create",
        initial,
        currentFlags: [],
        options: entityFormOptions(locale),
        save: async () => ({ ok: true, data: { id: "x", version: 1 } }) as never,
        preview: async () => ({ ok: true, data: { flags: [] } }) as never,
      }),
    );

  it("keeps the English the journeys read, and asks in French with French roles and countries", async () => {
    const english = visibleText(await form("en"));
    for (const text of ["Create entity", "Representative in the UK (UK GDPR Art. 27)", "CAC security assessment", "Controller", "Germany"]) expect(english).toContain(text);
    const french = visibleText(await form("fr"));
    for (const text of ["Créer l’entité", "Représentant au Royaume-Uni", "évaluation de sécurité de la CAC", "Responsable du traitement", "Allemagne"]) {
      expect(french).toContain(text);
    }
    expect(french).not.toContain("Create entity");
  });
});

describe("the import page", () => {
  const form = (locale: Locale) =>
    render(locale, createElement(ImportForm, { check: async () => ({ ok: false, error: {} }) as never, commit: async () => ({ ok: false, error: {} }) as never }));

  it("keeps its English labels and offers the kinds of file in French", async () => {
    const english = visibleText(await form("en"));
    for (const text of ["File (CSV or XLSX)", "A CSV file holds", "Check file", "Processors template (CSV)", "Entities of the organisation (DPO only)"]) expect(english).toContain(text);
    const french = visibleText(await form("fr"));
    for (const text of ["Fichier (CSV ou XLSX)", "Vérifier le fichier", "Modèle des sous-traitants (CSV)", "(réservé au DPO)"]) expect(french).toContain(text);
    expect(french).not.toContain("Check file");
  });

  it("refuses a missing file in the uploader's language, English without one", async () => {
    const refusal = (locale?: Locale) =>
      readUploadedImport(new FormData(), undefined, locale).then(
        () => expect.unreachable("a missing file is refused"),
        (error: unknown) => (error instanceof AppError ? error.details.fields : error),
      );
    expect(await refusal()).toEqual([{ path: "file", message: "choose a CSV or XLSX file" }]);
    expect(await refusal("fr")).toEqual([{ path: "file", message: "choisissez un fichier CSV ou XLSX" }]);
  });
});

describe("the API reference", () => {
  const document = buildOpenApiDocument() as unknown as OpenApiDocument;

  it("frames the (English) OpenAPI document in the reader's language, its quoted codes as code", async () => {
    const englishHtml = await render("en", createElement(ApiReference, { document, baseUrl: "https://app.example" }));
    const english = visibleText(englishHtml);
    expect(english).toContain("Authentication");
    expect(english).toContain("Create a personal API token under Settings → API tokens and send it on every request as");
    expect(englishHtml).toContain("<code>Authorization: Bearer &lt;token&gt;</code>");
    expect(snakeCaseIn(english)).toEqual([]);

    const frenchHtml = await render("fr", createElement(ApiReference, { document, baseUrl: "https://app.example" }));
    const french = visibleText(frenchHtml);
    expect(french).toContain("Authentification");
    expect(french).toContain("Corps de la requête");
    expect(french).not.toContain("Request body");
    // The document's own text stays English, marked as such.
    expect(frenchHtml).toMatch(/<p class="[^"]*" lang="en">/);
    expect(snakeCaseIn(french)).toEqual([]);
  });
});
