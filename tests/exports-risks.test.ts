import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { flags } from "@/db/schema";
import { userActor } from "@/lib/auth/actor";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { runExport } from "@/lib/exports/run";
import { exportDocument } from "@/lib/exports/schemas";
import { acceptFlagRisk } from "@/lib/flags/service";
import { enumLabel } from "@/lib/labels";
import { addDays } from "@/lib/rules";
import { createUser } from "@/lib/users/service";
import type { ExportFormat, ExportLanguage } from "@/lib/exports/request";
import { describeOnDatabases } from "./databases";
import { bufferSink, readPdf, readXlsx } from "./exports-helpers";
import { makeActivity, makeEntity, makeProcessor, makeTransfer } from "./factories";

/*
 * The accepted risks export (issue 16): a flag the DPO accepted is listed with its rule, severity, subject by
 * name, facts, who accepted it, why, on which day and until when; a flag left open is not, in every format. An
 * acceptance whose end has passed (before the next evaluation reopens it) is marked expired; a flag on a
 * pending transfer is listed only with pending records included, marked so.
 */

const TODAY = "2026-03-02";
const JUSTIFICATION = "Plain HTTP inside the vendor's VPN until the tunnel is replaced (ticket 42).";
const UNTIL = "2026-06-30";
const squeezed = (text: string) => text.replace(/\s+/g, "");

describeOnDatabases("accepted risks export", (use) => {
  const ids = { accepted: "", open: "", draftFlag: "", transfer: "" };

  beforeAll(async () => {
    // The exports are taken on TODAY too: "expired" is judged on the report's day.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date(`${TODAY}T09:00:00Z`) });
    const { db } = use();
    const { record: user } = await createUser({ ctx: { db, actor: SYSTEM_ACTOR, today: TODAY }, input: { email: "dpo@risks.test", name: "Risk DPO", role: "dpo" } });
    const dpo = userActor({ ...user, role: "dpo" });
    const exporter = await makeEntity(db, { name: "Risk Exporter Inc.", country: "US" });
    const activity = await makeActivity(db, exporter.id, { name: "Device telemetry" });
    const vendor = await makeProcessor(db, { name: "Risky Vendor", country: "DE" });
    const base = { today: TODAY, exporterEntityId: exporter.id, activityId: activity.id, processorId: vendor.id, destinationCountry: "DE" };
    // Two findings on one transfer: no encryption in transit (accepted below), none at rest (left open).
    ids.transfer = (await makeTransfer(db, { ...base, encryptionInTransit: "none", encryptionAtRest: "none" })).transfer.id;
    const flagOf = async (subjectId: string, ruleId: string) =>
      (await db.select().from(flags).where(and(eq(flags.subjectId, subjectId), eq(flags.ruleId, ruleId))))[0]!;
    const inTransit = await flagOf(ids.transfer, "transfer.no-encryption-in-transit");
    ids.open = (await flagOf(ids.transfer, "transfer.no-encryption-at-rest")).id;
    await acceptFlagRisk({ ctx: { db, actor: dpo, today: TODAY }, input: { id: inTransit.id, changes: { version: inTransit.version, justification: JUSTIFICATION, acceptedUntil: UNTIL } } });
    ids.accepted = inTransit.id;
    // A draft transfer's accepted risk: pending, so out of the register of record.
    const draft = (await makeTransfer(db, { ...base, status: "draft", encryptionInTransit: "none" })).transfer.id;
    const draftFlag = await flagOf(draft, "transfer.no-encryption-in-transit");
    await acceptFlagRisk({ ctx: { db, actor: dpo, today: TODAY }, input: { id: draftFlag.id, changes: { version: draftFlag.version, justification: "Draft flow, decided later.", acceptedUntil: UNTIL } } });
    ids.draftFlag = draftFlag.id;
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  async function exportOf(format: ExportFormat, options: { includePending?: boolean; language?: ExportLanguage; asOf?: string } = {}) {
    const sink = bufferSink();
    const result = await runExport({ db: use().db, report: "risks", format, includePending: options.includePending ?? false, language: options.language, asOf: options.asOf, generatedBy: "Test DPO", out: sink.out });
    return { ...result, bytes: sink.buffer() };
  }

  async function csvOf(options: Parameters<typeof exportOf>[1] = {}) {
    const [header, ...rows] = parse((await exportOf("csv", options)).bytes, { bom: true }) as string[][];
    return { rows, cell: (row: string[], name: string) => row[header!.indexOf(name)]! };
  }

  it("CSV: the accepted flag with its rule, subject, facts, who, why, on which day and until when; the open flag absent", async () => {
    const { rows, cell } = await csvOf();
    expect(rows.map((row) => cell(row, "Flag ID"))).toEqual([ids.accepted]);
    const [risk] = rows;
    expect(cell(risk!, "Rule")).toBe(enumLabel("rule", "transfer.no-encryption-in-transit"));
    expect(cell(risk!, "Severity")).not.toBe("");
    expect(cell(risk!, "Subject type")).toBe(enumLabel("flagSubjectType", "transfer"));
    expect(cell(risk!, "Subject")).toBe("Risk Exporter Inc. → Risky Vendor (Germany), Device telemetry");
    expect(cell(risk!, "Processor")).toBe("Risky Vendor");
    expect(cell(risk!, "Facts")).not.toBe("");
    expect(cell(risk!, "Accepted by")).toBe("Risk DPO");
    expect(cell(risk!, "Justification")).toBe(JUSTIFICATION);
    expect(cell(risk!, "Accepted on")).toBe("2 Mar 2026");
    expect(cell(risk!, "Accepted until")).toBe("30 Jun 2026");
    expect(cell(risk!, "Acceptance expired")).toBe("No");
    expect(rows.flat()).not.toContain(ids.open);
  });

  it("CSV in French: French headings and words, the same risk", async () => {
    const { rows, cell } = await csvOf({ language: "fr" });
    expect(rows).toHaveLength(1);
    expect(cell(rows[0]!, "Règle")).toBe(enumLabel("rule", "transfer.no-encryption-in-transit", "fr"));
    expect(cell(rows[0]!, "Objet")).toBe("Risk Exporter Inc. → Risky Vendor (Allemagne), Device telemetry");
    expect(cell(rows[0]!, "Accepté jusqu'au")).toBe("30 juin 2026");
    expect(cell(rows[0]!, "Acceptation expirée")).toBe("Non");
  });

  it("XLSX: a cover and the risks sheet with the accepted flag only", async () => {
    const workbook = await readXlsx((await exportOf("xlsx")).bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Cover", "Accepted risks"]);
    const values: unknown[] = [];
    workbook.getWorksheet("Accepted risks")!.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain(ids.accepted);
    expect(values).toContain(JUSTIFICATION);
    expect(values).toContain("30 Jun 2026");
    expect(values).not.toContain(ids.open);
    expect(workbook.getWorksheet("Accepted risks")!.rowCount).toBe(2);
  });

  it("PDF: the rule, the justification and the end date; not the open flag's rule", async () => {
    const { bytes, rowCount } = await exportOf("pdf");
    expect(rowCount).toBe(1);
    const text = squeezed((await readPdf(bytes)).text);
    expect(text).toContain(squeezed("Accepted risks"));
    expect(text).toContain(squeezed(enumLabel("rule", "transfer.no-encryption-in-transit")));
    expect(text).toContain(squeezed(JUSTIFICATION));
    expect(text).toContain(squeezed("30 Jun 2026"));
    expect(text).not.toContain(squeezed(enumLabel("rule", "transfer.no-encryption-at-rest")));
  });

  it("JSON: codes and facts beside the labels, valid against the published schema", async () => {
    const document = JSON.parse((await exportOf("json")).bytes.toString("utf8")) as {
      language: string;
      rows: { id: string; ruleId: string; ruleTitle: string; justification: string; acceptedUntil: string; expired: boolean; facts: Record<string, unknown>; subject: { type: string; id: string } }[];
    };
    expect(document.language).toBe("en");
    expect(document.rows).toHaveLength(1);
    expect(document.rows[0]).toMatchObject({
      id: ids.accepted,
      ruleId: "transfer.no-encryption-in-transit",
      ruleTitle: enumLabel("rule", "transfer.no-encryption-in-transit"),
      justification: JUSTIFICATION,
      acceptedUntil: UNTIL,
      expired: false,
      subject: { type: "transfer", id: ids.transfer },
    });
    expect(exportDocument("risks").safeParse(document).success).toBe(true);
  });

  it("pending: a draft transfer's accepted risk only with pending records included, marked so", async () => {
    const { rows, cell } = await csvOf({ includePending: true });
    const draft = rows.find((row) => cell(row, "Flag ID") === ids.draftFlag)!;
    expect(cell(draft, "Review status")).toBe(`PENDING REVIEW — transfer ${enumLabel("transferStatus", "draft").toLowerCase()}`);
    expect(cell(rows.find((row) => cell(row, "Flag ID") === ids.accepted)!, "Review status")).toBe("Approved");
  });

  it("an acceptance whose end has passed is marked expired until the next evaluation reopens it", async () => {
    const { db } = use();
    await db.update(flags).set({ acceptedUntil: addDays(TODAY, -1) }).where(eq(flags.id, ids.accepted));
    try {
      const { rows, cell } = await csvOf();
      expect(cell(rows[0]!, "Acceptance expired")).toBe("Yes");
      const pdf = squeezed((await readPdf((await exportOf("pdf")).bytes)).text);
      expect(pdf).toContain(squeezed("1 Mar 2026 (expired)"));
    } finally {
      await db.update(flags).set({ acceptedUntil: UNTIL }).where(eq(flags.id, ids.accepted));
    }
  });

  it("as of the day before the acceptance, the flag was open: not listed", async () => {
    const { rows } = await csvOf({ asOf: addDays(TODAY, -1) });
    expect(rows).toEqual([]);
  });
});
