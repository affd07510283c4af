import { sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditActionLabel as pageActionLabel, auditFieldLabel as pageFieldLabel, auditValueParts, type AuditTranslator } from "@/components/audit/labels";
import type { DatabaseHandle } from "@/db/client";
import type { AuditTrailRow } from "@/db/queries/export-audit";
import { chainBreakReason } from "@/lib/audit/chain-break";
import { todayIso } from "@/lib/clock";
import en from "@/lib/i18n/messages/en/audit.json";
import fr from "@/lib/i18n/messages/fr/audit.json";
import { auditTrailReport } from "@/lib/exports/audit-trail";
import { auditActionLabel, auditFieldLabel, auditValueText } from "@/lib/exports/audit-words";
import type { ReportLanguage } from "@/lib/exports/report";
import { createTestDatabase } from "./databases";
import { makeTransfer } from "./factories";

/*
 * Issue 16: the audit trail export names what an event changed as the audit pages do (one mapping,
 * lib/audit/labels.ts): countries and other coded values by their names in the export's language, never the
 * code ("Country: — → US" was the bug); the exact before/after stays in the JSON export.
 */

const EVENT: AuditTrailRow = {
  id: 7,
  occurredAt: new Date("2026-11-24T09:30:00Z"),
  actorLabel: "system (demo data)",
  action: "create",
  recordType: "entity",
  recordId: "3f0c9a1e-2b4d-4c6e-8f10-123456789abc",
  before: null,
  after: { name: "GNCC Inc.", country: "US", role: "controller" },
  prevHash: "0".repeat(64),
  hash: "a".repeat(64),
};

/** A CSV/XLSX cell of the audit trail, by its English or French header. */
function cell(row: AuditTrailRow, language: ReportLanguage, header: string): unknown {
  const column = auditTrailReport(language).columns.find((candidate) => candidate.header === header);
  if (!column) throw new Error(`no column ${header}`);
  return column.value(row);
}

const pages: Record<ReportLanguage, AuditTranslator> = {
  en: createTranslator({ locale: "en", messages: en }) as unknown as AuditTranslator,
  fr: createTranslator({ locale: "fr", messages: fr }) as unknown as AuditTranslator,
};

describe("the audit trail export's changes", () => {
  it("names a country, not its code, in the export's language", () => {
    const en = String(cell(EVENT, "en", "Changes (before → after)"));
    expect(en).toContain("Country: — → United States of America");
    expect(en).toContain("Role: — → Controller");
    expect(en).not.toMatch(/→ US\b/);
    const fr = String(cell(EVENT, "fr", "Modifications (avant → après)"));
    expect(fr).toContain("Pays\u00a0: — → États-Unis d'Amérique");
    expect(fr).toContain("Rôle\u00a0: — → Responsable du traitement");
  });

  it("labels codes, categories, numbers and dates, and leaves ids and plain text as they are", () => {
    expect(auditValueText("transfer", "encryptionInTransit", "tls1_3", "fr")).toBe("TLS 1.3");
    expect(auditValueText("transfer", "mechanism", "scc", "fr")).toBe("Clauses contractuelles types (CCT)");
    expect(auditValueText("transfer", "dataCategories", ["user.contact.email"], "en")).toMatch(/^[A-Z][a-z]/);
    expect(auditValueText("transfer", "subjectRegions", ["US", "EU"], "fr")).toBe("États-Unis d'Amérique, EU");
    expect(auditValueText("transfer", "estimatedSubjects", 12345, "fr")).toBe("12\u00a0345");
    expect(auditValueText("transfer", "tiaDate", "2026-03-17", "fr")).toBe("17 mars 2026");
    // Not a code: shown as recorded.
    expect(auditValueText("transfer", "activityId", EVENT.recordId, "en")).toBe(EVENT.recordId);
    expect(auditValueText("processor", "name", "Acme US", "en")).toBe("Acme US");
    expect(auditValueText("processor", "notes", "GB office", "en")).toBe("GB office");
    // A code nobody knows (an old snapshot's) is written out, never printed raw.
    expect(auditValueText("transfer", "mechanism", "retired_mechanism", "en")).toBe("Retired mechanism");
    expect(auditValueText("transfer", "encryptionAtRest", null, "en")).toBe("—");
  });

  it("names the product's own actors in words, a person as recorded", () => {
    expect(cell(EVENT, "en", "Actor")).toBe("System (demo data)");
    expect(cell(EVENT, "fr", "Auteur")).toBe("Système (données de démonstration)");
    expect(cell({ ...EVENT, actorLabel: "Dana DPO <dpo@example.com>" }, "fr", "Auteur")).toBe("Dana DPO <dpo@example.com>");
  });

  it("says what the audit pages say: the same words for every action, field and value", () => {
    for (const language of ["en", "fr"] as const) {
      for (const action of [...Object.keys(en.actions), "save_step_2"]) {
        expect(auditActionLabel(action, language), action).toBe(pageActionLabel(pages[language], action));
      }
      for (const [recordType, key] of [["entity", "country"], ["export", "fileName"], ["transfer", "encryptionAtRest"], ["user", "sessionVersion"], ["setup", "version"]]) {
        expect(auditFieldLabel(recordType!, key!, language), key).toBe(pageFieldLabel(pages[language], recordType!, key!, language));
      }
      const page = (value: unknown) => auditValueParts(pages[language], "entity", "country", value, language).map((part) => part.text).join("");
      expect(auditValueText("entity", "country", "CN", language)).toBe(page("CN"));
    }
    expect(auditFieldLabel("setup", "version", "fr")).toBe("Version");
    expect(auditFieldLabel("export", "fileName", "fr")).toBe("Nom du fichier");
  });
});

describe("the audit trail export's chain verification", () => {
  let handle: DatabaseHandle | undefined;
  const today = todayIso();

  beforeAll(async () => {
    handle = await createTestDatabase("pglite");
    await makeTransfer(handle.db, { today });
  });
  afterAll(async () => {
    await handle?.close();
  });

  const verification = async (language: ReportLanguage) => {
    const context = { db: handle!.db, today, includePending: false, period: { from: today, to: today } };
    const notes = new Map(await auditTrailReport(language).notes!(context));
    return notes.get(language === "fr" ? "Vérification de la chaîne à l'export" : "Chain verification at export")!;
  };

  it("says why a broken chain broke in the export's language, the code never", async () => {
    expect(await verification("fr")).toMatch(/^Intacte/);
    await handle!.db.execute(sql`update audit_events set actor_label = 'someone else' where id = (select min(id) from audit_events)`);
    const french = await verification("fr");
    expect(french).toContain(chainBreakReason("content_altered", "fr"));
    expect(french).not.toContain(chainBreakReason("content_altered", "en"));
    expect(await verification("en")).toContain(chainBreakReason("content_altered", "en"));
    for (const text of [french, await verification("en")]) expect(text).not.toContain("content_altered");
  });
});
