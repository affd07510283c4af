import { parse } from "csv-parse/sync";
import { and, inArray, like, ne } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { dataCategories, flags, transferDataCategories, transfers } from "@/db/schema";
import { DOJ_CATEGORIES, DOJ_EXEMPTIONS, DOJ_IDENTIFIER_KINDS } from "@/db/schema/enums";
import { todayIso } from "@/lib/clock";
import { runExport } from "@/lib/exports/run";
import { enumLabels } from "@/lib/labels";
import { runFullEvaluation } from "@/lib/flags/evaluation";
import { RULE_IDS } from "@/lib/rules";
import { describeOnDatabases } from "./databases";
import { bufferSink } from "./exports-helpers";
import { makeActivity, makeEntity, makeProcessor } from "./factories";

/*
 * The US DOJ data security report on a register built for it (issue #15): counts of U.S. persons only, human
 * genomic and other 'omic data apart, government-related data at any volume, the 202.212(b) exclusion of
 * contact data linked only to contact data, and exempt transfers listed with their section and justification;
 * every cell in words, and every DOJ flag the engine stored matched by a row that says so.
 */

const TODAY = todayIso();

/** Categories the taxonomy may not hold yet, classified as 28 CFR 202.224 and 202.222 define them. */
const TEST_CATEGORIES = [
  { key: "test.doj.genome", name: "Genome sequence", gdprSpecial: true, ccpaSensitive: true, piplSensitive: true, dojCategory: "genomic" },
  { key: "test.doj.proteome", name: "Proteome profile", gdprSpecial: true, ccpaSensitive: true, piplSensitive: true, dojCategory: "omic" },
  { key: "test.doj.government_site", name: "Location at a listed government site", dojCategory: "government_related" },
] as const;

/** Enum codes a person must never read in the report (words like "approved" are their own labels). */
const CODES = [...DOJ_CATEGORIES.filter((c) => c.includes("_")), ...DOJ_EXEMPTIONS, ...DOJ_IDENTIFIER_KINDS, ...RULE_IDS, "no-us-persons"];

describeOnDatabases("US DOJ data security report", (use) => {
  const ids: Record<string, string> = {};

  async function addTransfer(
    name: string,
    values: { exporterEntityId: string; activityId: string; processorId: string } & Partial<typeof transfers.$inferInsert>,
    categories: string[],
  ) {
    const [row] = await use()
      .db.insert(transfers)
      .values({ originCountry: "US", destinationCountry: "CN", subjectRegions: ["US"], encryptionInTransit: "tls1_3", encryptionAtRest: "customer_keys", mechanism: "scc", status: "approved", ...values })
      .returning();
    await use().db.insert(transferDataCategories).values(categories.map((categoryKey) => ({ transferId: row!.id, categoryKey })));
    ids[name] = row!.id;
  }

  async function csv(includePending = false, language: "en" | "fr" = "en") {
    const sink = bufferSink();
    await runExport({ db: use().db, report: "doj", format: "csv", includePending, language, generatedBy: "Test DPO", out: sink.out });
    const [header, ...rows] = parse(sink.buffer(), { bom: true }) as string[][];
    const cell = (row: string[], name: string) => {
      const index = header!.indexOf(name);
      if (index < 0) throw new Error(`no column "${name}": ${header!.join(" | ")}`);
      return row[index]!;
    };
    const find = (recipient: string, category: string) => rows.find((row) => cell(row, "Recipient") === recipient && cell(row, "DOJ category") === category);
    return { rows, cell, find };
  }

  beforeAll(async () => {
    const { db } = use();
    await db.insert(dataCategories).values([...TEST_CATEGORIES]);
    const exporter = await makeEntity(db, { name: "Acme US Inc." });
    const activity = await makeActivity(db, exporter.id, { name: "Research" });
    const lab = await makeProcessor(db, { name: "Shenzhen Omics Lab", country: "CN", service: "analytics" });
    const contacts = await makeProcessor(db, { name: "Beijing Contacts", country: "CN", service: "customer_support" });
    const adTech = await makeProcessor(db, { name: "Beijing AdTech", country: "CN", service: "advertising" });
    const pair = { exporterEntityId: exporter.id, activityId: activity.id };
    const toLab = { ...pair, processorId: lab.id };
    await addTransfer("genome", { ...toLab, estimatedSubjects: 101 }, ["test.doj.genome"]);
    await addTransfer("proteome", { ...toLab, estimatedSubjects: 1_000 }, ["test.doj.proteome"]);
    await addTransfer("facesUs", { ...toLab, estimatedSubjects: 800 }, ["user.biometric.face"]);
    await addTransfer("facesEu", { ...toLab, estimatedSubjects: 5_000, subjectRegions: ["EU"] }, ["user.biometric.face"]);
    await addTransfer(
      "facesExempt",
      { ...toLab, estimatedSubjects: 50_000, dojExemption: "corporate_group", dojExemptionJustification: "Payroll of the lab's own U.S. contractors (202.506(a)(2)(ii))" },
      ["user.biometric.face"],
    );
    await addTransfer("governmentSite", { ...toLab, estimatedSubjects: 3 }, ["test.doj.government_site"]);
    await addTransfer("emailPhone", { ...pair, processorId: contacts.id, estimatedSubjects: 200_000 }, ["user.contact.email", "user.contact.phone_number"]);
    await addTransfer("emailAdId", { ...pair, processorId: adTech.id, estimatedSubjects: 200_000 }, ["user.contact.email", "user.device.advertising_id"]);
    await runFullEvaluation({ db, today: TODAY });
  });

  it("counts U.S. persons only, and lists the EU-only and the exempt transfer as not counted", async () => {
    const { cell, find } = await csv();
    const faces = find("Shenzhen Omics Lab", "Biometric identifiers")!;
    expect(cell(faces, "12-month count")).toBe("800");
    expect(cell(faces, "Unit")).toBe("U.S. persons");
    expect(cell(faces, "Bulk")).toBe("No");
    expect(cell(faces, "Status")).toBe("Below the bulk threshold");
    expect(cell(faces, "Transfers")).toBe(ids.facesUs);
    expect(cell(faces, "Not counted").split("; ").sort()).toEqual(
      [`${ids.facesEu} (no U.S. persons (202.256))`, `${ids.facesExempt} (exempt (subpart E))`].sort(),
    );
  });

  it("shows human genomic data apart from the other 'omic data, at their thresholds", async () => {
    const { cell, find } = await csv();
    const genome = find("Shenzhen Omics Lab", "Human genomic data")!;
    expect([cell(genome, "12-month count"), cell(genome, "Threshold applied (more than)"), cell(genome, "Bulk")]).toEqual(["101", "100", "Yes"]);
    expect(cell(genome, "Status")).toBe("PROHIBITED: bulk human 'omic data (28 CFR 202.303)");
    expect(cell(genome, "Rules engine finding")).toBe("Yes");
    const proteome = find("Shenzhen Omics Lab", "Other human 'omic data")!;
    expect([cell(proteome, "12-month count"), cell(proteome, "Threshold applied (more than)"), cell(proteome, "Bulk")]).toEqual(["1000", "1000", "No"]);
    expect(cell(proteome, "Status")).toBe("Below the bulk threshold");
  });

  it("shows government-related data as covered at any volume, flagged", async () => {
    const { cell, find } = await csv();
    const site = find("Shenzhen Omics Lab", "Government-related data")!;
    expect([cell(site, "12-month count"), cell(site, "Threshold applied (more than)"), cell(site, "Bulk")]).toEqual(["3", "0", "Yes"]);
    expect(cell(site, "Status")).toBe("RESTRICTED — CISA security requirements NOT met");
    expect(cell(site, "Citation")).toBe("28 CFR 202.222, 202.401, 202.248");
    expect(cell(site, "DOJ flags (not resolved)")).toBe("Government-related data to a country of concern: open");
  });

  it("lists an exempt transfer on its own row, with the section and the justification, and flags nothing on it", async () => {
    const { rows, cell } = await csv();
    const exempt = rows.find((row) => cell(row, "Transfers") === ids.facesExempt)!;
    expect(cell(exempt, "Status")).toBe("Exempt (28 CFR part 202 subpart E)");
    expect(cell(exempt, "Exemption (subpart E)")).toBe("28 CFR 202.506 Corporate group transactions");
    expect(cell(exempt, "Exemption justification")).toBe("Payroll of the lab's own U.S. contractors (202.506(a)(2)(ii))");
    expect(cell(exempt, "DOJ category")).toBe("Biometric identifiers");
    expect(cell(exempt, "12-month count")).toBe("50000");
    expect(cell(exempt, "Rules engine finding")).toBe("No");
    const stored = await use().db.select().from(flags).where(inArray(flags.subjectId, [ids.facesExempt!, ids.facesEu!]));
    expect(stored.filter((flag) => flag.ruleId.startsWith("transfer.doj-"))).toEqual([]);
  });

  it("contact data linked only to contact data is no covered personal identifier (202.212(b)(1)); with an advertising id it is", async () => {
    const { cell, rows, find } = await csv();
    const contacts = rows.filter((row) => cell(row, "Recipient") === "Beijing Contacts");
    expect(contacts.map((row) => [cell(row, "DOJ category"), cell(row, "Status")])).toEqual([
      ["None", "Not covered: no sensitive personal data of a DOJ category"],
    ]);
    const adTech = find("Beijing AdTech", "Covered personal identifiers")!;
    expect([cell(adTech, "12-month count"), cell(adTech, "Bulk"), cell(adTech, "Status")]).toEqual([
      "200000",
      "Yes",
      "RESTRICTED — CISA security requirements NOT met",
    ]);
    expect(cell(adTech, "DOJ flags (not resolved)")).toBe("Bulk US sensitive data to a country of concern: open");
  });

  it("agrees with the stored flags both ways, and shows no enum code to a person", async () => {
    const { rows, cell } = await csv(true);
    const stored = await use()
      .db.select({ subjectId: flags.subjectId, ruleId: flags.ruleId })
      .from(flags)
      .where(and(like(flags.ruleId, "transfer.doj-%"), ne(flags.status, "resolved")));
    expect(stored.map((flag) => flag.subjectId).sort()).toEqual([ids.emailAdId, ids.genome, ids.governmentSite].sort());
    for (const flag of stored) {
      expect(rows.some((row) => cell(row, "Transfers").split("; ").includes(flag.subjectId) && cell(row, "Rules engine finding") === "Yes"), flag.ruleId).toBe(true);
    }
    for (const row of rows.filter((r) => cell(r, "Rules engine finding") === "Yes")) {
      expect(cell(row, "DOJ flags (not resolved)"), row.join(" | ")).not.toBe("");
    }
    for (const row of rows) for (const value of row) for (const code of CODES) expect(value, row.join(" | ")).not.toContain(code);
  });

  it("in French, says the statuses, units, reasons and CISA states in French, none of the English report's words", async () => {
    const { rows, cell } = await csv(true, "fr");
    const exempt = rows.find((row) => cell(row, "Transferts") === ids.facesExempt)!;
    expect(cell(exempt, "Statut")).toBe("Exempté (28 CFR partie 202, sous-partie E)");
    expect(cell(exempt, "Unité")).toBe("personnes américaines");
    const faces = rows.find((row) => cell(row, "Destinataire") === "Shenzhen Omics Lab" && cell(row, "Catégorie DOJ") === "Identifiants biométriques")!;
    expect(cell(faces, "Non comptés").split("; ").sort()).toEqual(
      [`${ids.facesEu} (aucune personne américaine (202.256))`, `${ids.facesExempt} (exempté (sous-partie E))`].sort(),
    );
    expect(cell(faces, "Exigences de sécurité de la CISA")).toBe("non respectées");
    const english = [
      ...Object.values(enumLabels("dojStatus", "en")),
      ...Object.values(enumLabels("dojLeftOutReason", "en")),
      ...Object.values(enumLabels("recordStatus", "en")),
      "U.S. persons",
      "U.S. devices",
      "all met",
      "partly met",
      "not met",
      "subpart",
      "part 202",
    ];
    for (const row of rows) for (const value of row) for (const words of english) expect(value, row.join(" | ")).not.toContain(words);
    // The English report says them in English (the check would fire on it).
    const { rows: englishRows } = await csv(true, "en");
    expect(englishRows.flat().some((value) => value.includes("subpart"))).toBe(true);
  });

  it("keeps the codes beside the labels in the JSON export", async () => {
    const sink = bufferSink();
    await runExport({ db: use().db, report: "doj", format: "json", includePending: false, out: sink.out });
    const document = JSON.parse(sink.buffer().toString("utf8")) as {
      rows: { transferIds: string[]; status: string; exemption: { code: string; section: string } | null; notCounted: { reason: string }[] }[];
    };
    const exempt = document.rows.find((row) => row.transferIds.includes(ids.facesExempt!))!;
    expect(exempt).toMatchObject({ status: "exempt", exemption: { code: "corporate_group", section: "202.506" } });
    expect(document.rows.flatMap((row) => row.notCounted.map((l) => l.reason)).sort()).toEqual(["exempt", "no-us-persons"]);
  });
});
