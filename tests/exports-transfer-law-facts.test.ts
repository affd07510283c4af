import { parse } from "csv-parse/sync";
import { beforeAll, expect, it } from "vitest";
import { iterateTransferRegister } from "@/db/queries/exports";
import { writeTransferRegisterCsv } from "@/lib/exports/csv";
import { TRANSFER_REGISTER_COLUMNS, TRANSFER_REGISTER_REPORT, transferJsonRecord, transferRecordSchema } from "@/lib/exports/transfer-register";
import { describeOnDatabases } from "./databases";
import { bufferSink, collect } from "./exports-helpers";
import { makeActivity, makeEntity, makeProcessor, makeTransfer } from "./factories";

/*
 * The transfer register's columns for issue 15's facts: the PIPL separate consent and PIPIA date of an export
 * from China, and the US DOJ exemption claimed, written in words (never a code) in the CSV, the PDF's merged
 * cell and the JSON record's label.
 */

const TODAY = "2026-03-01";
const HEADERS = TRANSFER_REGISTER_COLUMNS.map((column) => column.header);
const LAW_FACTS_PDF_HEADER = "PIPL consent / PIPIA; DOJ exemption";

describeOnDatabases("transfer register: PIPL consent, PIPIA date and DOJ exemption", (use) => {
  const ids = { china: "", chinaWithout: "", exempt: "", plain: "" };

  beforeAll(async () => {
    const { db } = use();
    const shenzhen = await makeEntity(db, { name: "Shenzhen R&D", country: "CN" });
    const us = await makeEntity(db, { name: "US Parent", country: "US" });
    const activity = await makeActivity(db, us.id, { name: "Device telemetry" });
    const vendor = await makeProcessor(db, { name: "Register Law Vendor", country: "US" });
    const base = { today: TODAY, activityId: activity.id, processorId: vendor.id };
    const fromChina = { ...base, exporterEntityId: shenzhen.id, originCountry: "CN", subjectRegions: ["CN"], mechanism: "pipl_standard_contract" as const };
    ids.china = (await makeTransfer(db, { ...fromChina, piplSeparateConsent: true, pipiaDate: "2026-01-20" })).transfer.id;
    ids.chinaWithout = (await makeTransfer(db, { ...fromChina, destinationCountry: "SG" })).transfer.id;
    ids.exempt = (
      await makeTransfer(db, {
        ...base,
        exporterEntityId: us.id,
        destinationCountry: "HK",
        dojExemption: "corporate_group",
        dojExemptionJustification: "Support by our own Hong Kong affiliate, ancillary to business operations.",
      })
    ).transfer.id;
    ids.plain = (await makeTransfer(db, { ...base, exporterEntityId: us.id, destinationCountry: "DE" })).transfer.id;
  });

  async function csvRows() {
    const sink = bufferSink();
    await writeTransferRegisterCsv(iterateTransferRegister({ db: use().db, includePending: false }), sink.out);
    const [header, ...rows] = parse(sink.buffer(), { bom: true }) as string[][];
    expect(header).toEqual(HEADERS);
    const cell = (id: string, name: string) => rows.find((row) => row[HEADERS.indexOf("Transfer ID")] === id)![HEADERS.indexOf(name)];
    return cell;
  }

  it("CSV: consent and PIPIA for an export from China, the exemption by its label and section, never a code", async () => {
    const cell = await csvRows();
    expect(cell(ids.china, "PIPL separate consent")).toBe("Obtained");
    expect(cell(ids.china, "PIPIA date")).toBe("20 Jan 2026");
    expect(cell(ids.chinaWithout, "PIPL separate consent")).toBe("Not recorded");
    expect(cell(ids.chinaWithout, "PIPIA date")).toBe("");
    // Not an export from China: consent is not a gap there.
    expect(cell(ids.plain, "PIPL separate consent")).toBe("Not applicable");
    expect(cell(ids.exempt, "DOJ exemption")).toBe("Corporate group transaction (28 CFR 202.506)");
    expect(cell(ids.plain, "DOJ exemption")).toBe("None claimed");
  });

  it("PDF: one cell with the PIPL facts of a China export and the exemption claimed", async () => {
    const rows = await collect(iterateTransferRegister({ db: use().db, includePending: false }));
    const lawFacts = TRANSFER_REGISTER_REPORT.pdfColumns!.find((column) => column.header === LAW_FACTS_PDF_HEADER)!;
    const byId = new Map(rows.map((row) => [row.id, lawFacts.value(row)]));
    expect(byId.get(ids.china)).toBe("PIPL consent: obtained; PIPIA: 20 Jan 2026");
    expect(byId.get(ids.chinaWithout)).toBe("PIPL consent: not recorded; PIPIA: none");
    expect(byId.get(ids.exempt)).toBe("DOJ exempt: Corporate group transaction (28 CFR 202.506)");
    expect(byId.get(ids.plain)).toBe("—");
  });

  it("JSON: the PIPL facts and the exemption with its code and label, valid against the published schema", async () => {
    const rows = await collect(iterateTransferRegister({ db: use().db, includePending: false }));
    const records = new Map(rows.map((row) => [row.id, transferJsonRecord(row)]));
    expect(records.get(ids.china)).toMatchObject({ pipl: { separateConsent: true, pipiaDate: "2026-01-20" }, dojExemption: null });
    expect(records.get(ids.exempt)).toMatchObject({
      pipl: { separateConsent: false, pipiaDate: null },
      dojExemption: { exemption: "corporate_group", label: "Corporate group transaction (28 CFR 202.506)" },
    });
    for (const record of records.values()) expect(transferRecordSchema.safeParse(record).success).toBe(true);
  });
});
