import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { iterateRopa, type RopaRow } from "@/db/queries/exports-ropa";
import { listControllerContacts, type ControllerContact } from "@/db/queries/export-common";
import { auditEvents, entities, processingActivities } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { parseManifest, sha256OfBytes, verifyExportBytes, type ExportManifest } from "@/lib/exports/manifest";
import {
  MISSING,
  MISSING_FR,
  NONE,
  NOT_APPLICABLE,
  NOT_APPLICABLE_FR,
  ROPA_CNIL_COLUMNS,
  ROPA_GENERIC_COLUMNS,
  ROPA_ICO_COLUMNS,
  ropaReport,
} from "@/lib/exports/ropa";
import { runExport } from "@/lib/exports/run";
import type { ExportFormat, ExportReport } from "@/lib/exports/request";
import type { RopaTemplate } from "@/lib/exports/ropa";
import { countryName, enumLabel, formatDate } from "@/lib/labels";
import { createUser } from "@/lib/users/service";
import { describeOnDatabases, useAsAppDatabase } from "./databases";
import { bufferSink, collect, readPdf, readXlsx } from "./exports-helpers";
import { makeActivity, makeAgreement, makeEntity, makeProcessor, makeTransfer } from "./factories";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => session.current),
}));

const TODAY = "2026-03-01";
const HYPERLINK = '=HYPERLINK("http://x","y")';
const CHINESE = "深圳测试有限公司";
const ACCENTS = "Réclame Numérique";

/**
 * The UK ICO's "Documentation template for controllers", sheet "Template", columns A to AD, word for word
 * (see lib/exports/ropa.ts for the sources): written out here, not read from the code under test.
 */
const ICO_TEMPLATE_30 = [
  "Business function",
  "Purpose of processing",
  "Name and contact details of joint controller (if applicable)",
  "Categories of individuals",
  "Categories of personal data",
  "Categories of recipients",
  "Link to contract with processor",
  "Names of third countries or international organisations that personal data are transferred to (if applicable)",
  "Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)",
  "Retention schedule (if possible)",
  "General description of technical and organisational security measures (if possible)",
  "Article 6 lawful basis for processing personal data",
  "Article 9 condition for processing special category data",
  "Legitimate interests for the processing (if applicable)",
  "Link to record of legitimate interests assessment (if applicable)",
  "Rights available to individuals",
  "Existence of automated decision-making, including profiling (if applicable)",
  "The source of the personal data (if applicable)",
  "Link to record of consent",
  "Location of personal data",
  "Data Protection Impact Assessment required?",
  "Data Protection Impact Assessment progress",
  "Link to Data Protection Impact Assessment",
  "Has a personal data breach occurred?",
  "Link to record of personal data breach",
  "Data Protection Act 2018 Schedule 1 Condition for processing",
  "GDPR Article 6 lawful basis for processing",
  "Link to retention and erasure policy document",
  "Is personal data retained and erased in accordance with the policy document?",
  "Reasons for not adhering to policy document (if applicable)",
];

const CNIL_HEADINGS = [
  "Date de création de la fiche",
  "Date de dernière mise à jour de la fiche",
  "Logiciels et applications",
  "Finalités",
  "Base légale (art. 6 RGPD)",
  "Catégories de personnes concernées",
  "Catégories de données",
  "Données sensibles",
  "Condition de l'art. 9 RGPD",
  "Durées de conservation",
  "Destinataires — sous-traitants",
  "Transferts hors UE — pays",
  "Transferts hors UE — garanties",
  "Mesures de sécurité",
];

/** A sheet's rows as arrays of cell values (exceljs's row.values is 1-based). */
function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** What the organisation typed (its own words, written as typed whatever the language). */
const TYPED = {
  purpose: "Answer customers' questions",
  subjects: ["customers", "prospects"],
  retention: "3 years after the last contact",
  security: "Access control; logging",
  jointController: "Partner SA",
  applications: "Zendesk",
  lia: "LIA-2026-04",
  breach: "BR-7",
  schedule1: "Equality of opportunity or treatment (Sch. 1 para 8)",
  policy: "APD-1",
  deviation: "Archive migration pending",
};

/**
 * Words and phrases our code writes in English (marks, connecting words, labels of the catalogue, English
 * country names): none may appear in the CNIL register. Whole words, so that "Non" is not "No".
 */
const ENGLISH_WORDS = [
  "MISSING",
  "not recorded",
  "None",
  "Not applicable",
  "Yes",
  "No",
  "mechanisms",
  "agreements",
  "encryption",
  "in transit",
  "at rest",
  "activity",
  "vendor",
  "transfer",
  "unapproved",
  "included",
  "EU",
  "UK",
  "Approved",
  "Awaiting review",
  "Processor",
  "Hosting",
  "Technical support",
  "Consent",
  "Contract",
  "Legitimate interests",
  "Substantial public interest",
  "Racial or ethnic origin",
  "Email address",
  "China",
  "India",
  "Access control",
  "Traceability",
  "Control of processors",
  "Staff awareness",
  "Provider-managed keys",
  "SCCs",
  "PIPL standard contract",
  "Recorded",
  "Not required",
  "Representative",
  "Controller",
  "Data Protection Officer",
];
const SNAKE_CASE = /\b[a-z0-9]+(?:_[a-z0-9]+)+\b/;

/** The English words and snake_case tokens in a text, once the organisation's own words are taken out. */
function englishIn(text: string, typed: readonly string[]): string[] {
  let ours = text;
  for (const value of typed) ours = ours.split(value).join(" ");
  const found = ENGLISH_WORDS.filter((word) => new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, "u").test(ours));
  const snake = ours.match(SNAKE_CASE);
  return snake ? [...found, snake[0]] : found;
}

describeOnDatabases("Art. 30(1) record exports", (use) => {
  const ids = { support: "", china: "", bare: "", hyperlink: "", pending: "" };
  const controllers: ControllerContact[] = [];

  async function exportBytes(report: ExportReport, format: ExportFormat, template: RopaTemplate = "generic", includePending = false) {
    const sink = bufferSink();
    const { rowCount: count } = await runExport({
      db: use().db,
      report,
      format,
      template,
      includePending,
      out: sink.out,
      generatedAt: new Date(`${TODAY}T10:00:00Z`),
      generatedBy: "test",
    });
    return { count, bytes: sink.buffer() };
  }

  /**
   * A CSV export's table: the rows from the header on (the ICO and CNIL layouts may put the organisation's
   * block above it), and the rows above the header.
   */
  async function csvRecords(template: RopaTemplate, includePending = false) {
    const { bytes } = await exportBytes("ropa", "csv", template, includePending);
    const records = parse(bytes, { bom: true, relax_column_count: true }) as string[][];
    const first = ropaReport(template).columns[0]!.header;
    const start = records.findIndex((record) => record[0] === first);
    const [header, ...rows] = records.slice(start);
    return { above: records.slice(0, start), header: header!, rows, cell: (row: string[], name: string) => row[header!.indexOf(name)] };
  }

  /** The processor names and the organisation's texts: theirs, not our code's. */
  const typedValues = () => [
    ...Object.values(TYPED).flat(),
    CHINESE,
    ACCENTS,
    HYPERLINK,
    `'${HYPERLINK}`,
    "Pending Vendor",
    "Bare activity",
    "Customer support",
    "Hosting activity",
    "Consent activity",
    "EU Rep GmbH",
    "1 rue de l'Économie, Paris",
    "Acme Inc",
    "Support",
    "Provide the service",
    "24 months",
    "ISO 27001",
    "Vendor ",
    "CN-001",
    "Délégué, dpo@example.fr",
    "UK Rep Ltd",
    "uk-rep@example.co.uk",
    // A law's name, as French DPOs cite it.
    "UK GDPR",
  ];

  beforeAll(async () => {
    const { db } = use();
    const controller = await makeEntity(db, {
      name: ACCENTS,
      country: "FR",
      address: "1 rue de l'Économie, Paris",
      phone: "+33 1 23 45 67 89",
      dpoContact: "Délégué, dpo@example.fr",
      representativeContact: "EU Rep GmbH",
      ukRepresentativeContact: "UK Rep Ltd, uk-rep@example.co.uk",
    });
    const support = await makeActivity(db, controller.id, {
      name: "Customer support",
      businessFunction: "Support",
      purpose: TYPED.purpose,
      legalBasis: "legitimate_interests",
      legitimateInterest: "Keeping customers informed",
      liaReference: TYPED.lia,
      art9Condition: "substantial_public_interest",
      dataSubjectCategories: TYPED.subjects,
      retentionPeriod: TYPED.retention,
      securityMeasures: TYPED.security,
      securityChecklist: ["access_control", "encryption", "subprocessor_control", "staff_awareness"],
      applications: TYPED.applications,
      jointController: TYPED.jointController,
      breachOccurred: true,
      breachRecordReference: TYPED.breach,
      schedule1Condition: TYPED.schedule1,
      policyDocumentReference: TYPED.policy,
      retainedPerPolicy: false,
      policyDeviationReason: TYPED.deviation,
      createdAt: new Date("2025-01-15T10:00:00Z"),
      updatedAt: new Date("2026-02-20T10:00:00Z"),
    });
    ids.support = support.id;
    const china = await makeProcessor(db, { name: CHINESE, country: "CN", service: "technical_support" });
    await makeAgreement(db, china.id, { type: "pipl_standard_contract", documentRef: "CN-001" });
    await makeTransfer(db, {
      today: TODAY,
      exporterEntityId: controller.id,
      activityId: support.id,
      processorId: china.id,
      originCountry: "FR",
      destinationCountry: "CN",
      mechanism: "scc",
      dataCategories: ["user.contact.email", "user.demographic.race_ethnicity"],
    });
    const pendingVendor = await makeProcessor(db, { name: "Pending Vendor", country: "IN", status: "submitted" });
    await makeTransfer(db, {
      today: TODAY,
      exporterEntityId: controller.id,
      activityId: support.id,
      processorId: pendingVendor.id,
      originCountry: "FR",
      destinationCountry: "IN",
    });

    // Art. 30(1)(f), (g) not recorded: the record says so.
    const bare = await makeActivity(db, controller.id, { name: "Bare activity", retentionPeriod: null, securityMeasures: null });
    ids.bare = bare.id;

    const us = await makeEntity(db, { name: "Acme Inc", country: "US" });
    const hyperlinkActivity = await makeActivity(db, us.id, { name: "Hosting activity", securityMeasures: "ISO 27001" });
    ids.hyperlink = hyperlinkActivity.id;
    const hyperlink = await makeProcessor(db, { name: HYPERLINK });
    await makeTransfer(db, { today: TODAY, exporterEntityId: us.id, activityId: hyperlinkActivity.id, processorId: hyperlink.id });
    controllers.push(...(await listControllerContacts({ db })));
  });

  it("lists every processing activity with every Art. 30(1) item, or the MISSING mark, in labels", async () => {
    const { db } = use();
    const rows = await collect(iterateRopa({ db, includePending: false }));
    expect(rows.map((row) => row.id).sort()).toEqual([ids.support, ids.bare, ids.hyperlink].sort());

    const { header, rows: records, cell } = await csvRecords("generic");
    expect(header).toEqual(ROPA_GENERIC_COLUMNS.map((column) => column.header));
    expect(records).toHaveLength(3);
    for (const record of records) {
      for (const value of record) expect(value, `${record[1]}`).not.toBe("");
    }
    const byId = new Map(records.map((record) => [cell(record, "Activity ID")!, record]));
    const bare = byId.get(ids.bare)!;
    expect(cell(bare, "Erasure time limits")).toBe(MISSING);
    expect(cell(bare, "Security measures")).toBe(MISSING);
    expect(cell(bare, "Lawful basis (Art. 6(1))")).toBe("Contract");
    expect(cell(bare, "Art. 9(2) condition")).toBe("Not applicable");

    const support = byId.get(ids.support)!;
    expect(cell(support, "Controller")).toBe(`${ACCENTS}; France; 1 rue de l'Économie, Paris; +33 1 23 45 67 89`);
    expect(cell(support, "Joint controller")).toBe(TYPED.jointController);
    expect(cell(support, "Representative (Art. 27)")).toBe("EU: EU Rep GmbH; UK: UK Rep Ltd, uk-rep@example.co.uk");
    expect(cell(support, "Data protection officer")).toBe("Délégué, dpo@example.fr");
    expect(cell(support, "Lawful basis (Art. 6(1))")).toBe(enumLabel("legalBasis", "legitimate_interests"));
    expect(cell(support, "Categories of data subjects")).toBe("customers; prospects");
    expect(cell(support, "Categories of personal data")).toBe("Email address; Racial or ethnic origin");
    expect(cell(support, "Special categories (Art. 9)")).toBe("Racial or ethnic origin");
    expect(cell(support, "Art. 9(2) condition")).toBe(enumLabel("art9Condition", "substantial_public_interest"));
    expect(cell(support, "Recipients")).toBe(CHINESE);
    expect(cell(support, "Recipients in third countries")).toBe("Technical support (Processor)");
    expect(cell(support, "Third countries")).toBe(countryName("CN", "en"));
    expect(cell(support, "Safeguards")).toBe("mechanisms: SCCs; agreements: PIPL standard contract");
    expect(cell(support, "Erasure time limits")).toBe(TYPED.retention);
    expect(cell(support, "Security measures")).toBe(
      "Access control; Encryption; Staff awareness; Access control; logging; encryption in transit: TLS 1.3; encryption at rest: Provider-managed keys; Control of processors: CN-001",
    );
    // No code and no key of the taxonomy in a cell a person reads (the JSON record keeps them).
    for (const record of records) for (const value of record) expect(value, value).not.toMatch(SNAKE_CASE);
  });

  it("the generic layout in French: French headings, labels, countries and category names", async () => {
    const { db } = use();
    const definition = ropaReport("generic", "fr");
    expect(definition.language).toBe("fr");
    const row = (await collect(iterateRopa({ db, includePending: false }))).find((candidate) => candidate.id === ids.support)!;
    const cells = new Map(definition.columns.map((column) => [column.header, column.value(row)]));
    expect(cells.get("Base légale (art. 6, paragraphe 1)")).toBe("Intérêts légitimes");
    expect(cells.get("Pays tiers")).toBe(countryName("CN", "fr"));
    expect(cells.get("Catégories particulières de données (art. 9)")).toBe("Origine raciale ou ethnique");
    expect(cells.get("Garanties appropriées")).toBe("outils de transfert : Clauses contractuelles types (CCT) ; contrats : Contrat type PIPL");
    const text = [...cells.values()].join("\n");
    expect(englishIn(text, typedValues())).toEqual([]);
  });

  it("leaves pending transfers out of the aggregates unless asked", async () => {
    const { db } = use();
    const find = (rows: RopaRow[]) => rows.find((row) => row.id === ids.support)!;
    expect(find(await collect(iterateRopa({ db, includePending: false }))).thirdCountryCodes).toBe("CN");
    const all = find(await collect(iterateRopa({ db, includePending: true })));
    expect(all.thirdCountryCodes).toBe("CN,IN");
    expect(all.recipientNames!.split("; ").sort()).toEqual([CHINESE, "Pending Vendor"].sort());
    expect(all.pendingRecipients).toEqual([{ name: "Pending Vendor", processorStatus: "submitted", transferStatus: "approved" }]);
  });

  it("keyset paging returns every activity once, whatever the batch size", async () => {
    const { db } = use();
    const expected = (await collect(iterateRopa({ db, includePending: true }))).map((row) => row.id);
    for (const batchSize of [1, 2]) {
      expect((await collect(iterateRopa({ db, includePending: true, batchSize }))).map((row) => row.id)).toEqual(expected);
    }
  });

  it("ICO template: exactly the template's 30 headings in its order, our identifiers left out", async () => {
    const { header, rows } = await csvRecords("ico");
    expect(header).toEqual(ICO_TEMPLATE_30);
    expect(ROPA_ICO_COLUMNS.map((column) => column.header)).toEqual(ICO_TEMPLATE_30);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).not.toContain(ids.support);
    for (const row of rows) for (const value of row) expect(value, value).not.toBe("");
  });

  it("ICO template: the LIA, consent, breach and DPA 2018 Schedule 1 columns fire where they apply and say Not applicable elsewhere", async () => {
    const { rows, cell } = await csvRecords("ico");
    const support = rows.find((row) => cell(row, "Business function") === "Support")!;
    const bare = rows.find((row) => cell(row, "Purpose of processing") === "Provide the service" && cell(row, "Retention schedule (if possible)") === MISSING)!;
    expect(cell(support, "Link to contract with processor")).toBe("CN-001");
    expect(cell(support, "Categories of recipients")).toBe("Technical support (Processor)");
    expect(cell(support, "Article 6 lawful basis for processing personal data")).toBe("Legitimate interests");
    expect(cell(support, "Article 9 condition for processing special category data")).toBe("Substantial public interest (Art. 9(2)(g))");
    expect(cell(support, "Link to record of legitimate interests assessment (if applicable)")).toBe(TYPED.lia);
    expect(cell(support, "Link to record of consent")).toBe(NOT_APPLICABLE);
    expect(cell(support, "Has a personal data breach occurred?")).toBe("Yes");
    expect(cell(support, "Link to record of personal data breach")).toBe(TYPED.breach);
    expect(cell(support, "Data Protection Act 2018 Schedule 1 Condition for processing")).toBe(TYPED.schedule1);
    expect(cell(support, "GDPR Article 6 lawful basis for processing")).toBe("Legitimate interests");
    expect(cell(support, "Link to retention and erasure policy document")).toBe(TYPED.policy);
    expect(cell(support, "Is personal data retained and erased in accordance with the policy document?")).toBe("No");
    expect(cell(support, "Reasons for not adhering to policy document (if applicable)")).toBe(TYPED.deviation);
    expect(cell(support, "Location of personal data")).toBe(`${countryName("CN", "en")}; France`);

    expect(cell(bare, "Retention schedule (if possible)")).toBe(MISSING);
    expect(cell(bare, "Article 6 lawful basis for processing personal data")).toBe("Contract");
    expect(cell(bare, "Link to record of legitimate interests assessment (if applicable)")).toBe(NOT_APPLICABLE);
    expect(cell(bare, "Has a personal data breach occurred?")).toBe("No");
    expect(cell(bare, "Link to record of personal data breach")).toBe(NOT_APPLICABLE);
    for (const heading of ICO_TEMPLATE_30.slice(25)) expect(cell(bare, heading), heading).toBe(NOT_APPLICABLE);
  });

  it("ICO template: a consent-based activity without its consent record shows the gap; a special category without a condition too", async () => {
    const { db } = use();
    const entity = await makeEntity(db, { name: "Consent Ltd", country: "GB" });
    const activity = await makeActivity(db, entity.id, { name: "Consent activity", legalBasis: "consent", art9Condition: "health_or_social_care" });
    const row = (await collect(iterateRopa({ db, includePending: false }))).find((candidate) => candidate.id === activity.id)!;
    const cells = new Map(ROPA_ICO_COLUMNS.map((column) => [column.header, column.value(row)]));
    expect(cells.get("Link to record of consent")).toBe(MISSING);
    // Art. 9(2)(h) needs a condition of DPA 2018 Schedule 1 Part 1 (s. 10(2)): the block is required.
    expect(cells.get("Data Protection Act 2018 Schedule 1 Condition for processing")).toBe(MISSING);
    expect(cells.get("Is personal data retained and erased in accordance with the policy document?")).toBe(MISSING);
    expect(cells.get("GDPR Article 6 lawful basis for processing")).toBe("Consent");
    await db.delete(processingActivities).where(eq(processingActivities.id, activity.id));
    await db.delete(entities).where(eq(entities.id, entity.id));
  });

  it("ICO and CNIL: the organisation block above the table, the controller, its DPO and its representative", () => {
    const ico = ropaReport("ico").preamble!({ controllers });
    expect(ico[0]).toEqual(["Name and contact details", "Name", "Address", "Email", "Telephone"]);
    const accents = ico.findIndex((row) => row[1] === ACCENTS);
    expect(ico[accents]).toEqual(["Controller", ACCENTS, "1 rue de l'Économie, Paris", "", "+33 1 23 45 67 89"]);
    expect(ico[accents + 1]).toEqual(["Data Protection Officer", "Délégué", "", "dpo@example.fr", ""]);
    // The ICO's representative is the UK one (UK GDPR Art. 27).
    expect(ico[accents + 2]).toEqual(["Representative", "UK Rep Ltd", "", "uk-rep@example.co.uk", ""]);
    const acme = ico.findIndex((row) => row[1] === "Acme Inc");
    expect(ico[acme + 1]).toEqual(["Data Protection Officer", NONE, "", "", ""]);
    expect(ico[acme]![2]).toBe(MISSING);

    const cnil = ropaReport("cnil").preamble!({ controllers });
    expect(cnil[0]).toEqual(["Coordonnées", "Nom", "Adresse", "Pays", "Adresse de messagerie", "Téléphone"]);
    const accentsFr = cnil.findIndex((row) => row[1] === ACCENTS);
    expect(cnil[accentsFr]).toEqual(["Responsable du traitement", ACCENTS, "1 rue de l'Économie, Paris", "France", "", "+33 1 23 45 67 89"]);
    expect(cnil[accentsFr + 2]).toEqual(["Représentant dans l'Union (art. 27)", "EU Rep GmbH", "", "", "", ""]);
    const acmeFr = cnil.findIndex((row) => row[1] === "Acme Inc");
    expect(cnil[acmeFr]![3]).toBe(countryName("US", "fr"));
    expect(englishIn(cnil.flat().join("\n"), typedValues())).toEqual([]);
    // The generic layout names the controller on every row: no block.
    expect(ropaReport("generic").preamble).toBeUndefined();
  });

  it("CNIL template: French headings, and every value our code writes in French", async () => {
    const { header, rows, cell } = await csvRecords("cnil");
    expect(header).toEqual(ROPA_CNIL_COLUMNS.map((column) => column.header));
    for (const heading of CNIL_HEADINGS) expect(header).toContain(heading);
    const support = rows.find((row) => row.includes(ids.support))!;
    expect(cell(support, "Destinataires — sous-traitants")).toBe(CHINESE);
    expect(cell(support, "Date de création de la fiche")).toBe(formatDate("2025-01-15", "fr"));
    expect(cell(support, "Date de dernière mise à jour de la fiche")).toBe(formatDate("2026-02-20", "fr"));
    expect(cell(support, "Logiciels et applications")).toBe(TYPED.applications);
    expect(cell(support, "Base légale (art. 6 RGPD)")).toBe("Intérêts légitimes");
    expect(cell(support, "Condition de l'art. 9 RGPD")).toBe(enumLabel("art9Condition", "substantial_public_interest", "fr"));
    expect(cell(support, "Catégories de données")).toBe("État civil, identité, données d'identification, images : Adresse électronique");
    expect(cell(support, "Données sensibles")).toBe("Origine raciale ou ethnique");
    expect(cell(support, "Transferts hors UE — pays")).toBe(countryName("CN", "fr"));
    expect(cell(support, "Transferts hors UE — garanties")).toBe("outils de transfert : Clauses contractuelles types (CCT) ; contrats : Contrat type PIPL");
    expect(cell(support, "Responsable du traitement")).toContain(" ; France ; ");
    expect(cell(support, "Représentant")).toBe("UE : EU Rep GmbH ; Royaume-Uni : UK Rep Ltd, uk-rep@example.co.uk");
    expect(cell(support, "Mesures de sécurité")).toBe(
      "Contrôle d'accès des utilisateurs ; Chiffrement des données ; Sensibilisation des utilisateurs ; Access control; logging ; chiffrement en transit : TLS 1.3 ; chiffrement au repos : Clés gérées par le prestataire ; Contrôle des sous-traitants : CN-001",
    );
    const bare = rows.find((row) => row.includes(ids.bare))!;
    expect(cell(bare, "Mesures de sécurité")).toBe(MISSING_FR);
    expect(cell(bare, "Condition de l'art. 9 RGPD")).toBe(NOT_APPLICABLE_FR);
    expect(cell(bare, "Logiciels et applications")).toBe(NOT_APPLICABLE_FR);
    for (const row of rows) expect(englishIn(row.join("\n"), typedValues()), row[1]).toEqual([]);
    // The same scan finds our English where it belongs: the generic layout's marks and labels.
    const generic = await csvRecords("generic");
    const genericBare = generic.rows.find((row) => row.includes(ids.bare))!;
    expect(englishIn(genericBare.join("\n"), typedValues())).toEqual(expect.arrayContaining(["MISSING", "Contract"]));
  });

  it("CNIL template with pending records: the review status and what is pending, in French", async () => {
    const { rows, cell } = await csvRecords("cnil", true);
    const support = rows.find((row) => row.includes(ids.support))!;
    expect(cell(support, "Statut de validation")).toBe(
      "EN ATTENTE DE VALIDATION — 1 transfert non validé inclus : Pending Vendor (prestataire : En attente de validation, transfert : Validé)",
    );
    expect(cell(support, "Transferts hors UE — pays")).toBe(`${countryName("CN", "fr")} ; ${countryName("IN", "fr")}`);
    for (const row of rows) expect(englishIn(row.join("\n"), typedValues()), row[1]).toEqual([]);
  });

  it("CNIL workbook and PDF: the fiche's checklist of security measures, nothing our code writes in English", async () => {
    const { bytes } = await exportBytes("ropa", "xlsx", "cnil");
    const workbook = await readXlsx(bytes);
    const fiche = workbook.worksheets.find((sheet) => sheet.name.includes("Customer support"))!;
    const items = new Map(sheetRows(fiche).map((row) => [row[0], row[1]]));
    expect(items.get("Mesures de sécurité — Contrôle d'accès des utilisateurs")).toBe("Oui");
    expect(items.get("Mesures de sécurité — Sauvegarde des données")).toBe("Non");
    expect(items.get("Mesures de sécurité — Chiffrement des données")).toBe("Oui : en transit : TLS 1.3 ; au repos : Clés gérées par le prestataire");
    expect(items.get("Mesures de sécurité — Contrôle des sous-traitants")).toBe("Oui : contrats : CN-001");
    expect(items.get("Mesures de sécurité — Autres mesures")).toBe(`Sensibilisation des utilisateurs ; ${TYPED.security}`);
    expect(items.get("Données sensibles")).toBe("Oui : Origine raciale ou ethnique");
    expect(items.get("Catégories de données — Données de connexion")).toBe("Non");
    const bare = workbook.worksheets.find((sheet) => sheet.name.includes("Bare activity"))!;
    expect(new Map(sheetRows(bare).map((row) => [row[0], row[1]])).get("Mesures de sécurité — Autres mesures")).toBe(MISSING_FR);
    for (const sheet of workbook.worksheets) {
      for (const row of sheetRows(sheet)) expect(englishIn(row.join("\n"), typedValues()), `${sheet.name}: ${row.join(" | ")}`).toEqual([]);
    }

    const pdf = await readPdf((await exportBytes("ropa", "pdf", "cnil")).bytes);
    expect(pdf.text).toContain("Contrôle d'accès des utilisateurs");
    expect(englishIn(pdf.text, typedValues())).toEqual([]);
  });

  it("CSV and XLSX: a formula-like processor name is inert; Chinese and accents survive", async () => {
    const { rows, cell } = await csvRecords("generic");
    const hosting = rows.find((row) => row.includes(ids.hyperlink))!;
    expect(cell(hosting, "Recipients")).toBe(`'${HYPERLINK}`);
    const support = rows.find((row) => row.includes(ids.support))!;
    expect(cell(support, "Controller")).toContain(ACCENTS);

    for (const template of ["generic", "cnil"] as const) {
      const { count, bytes } = await exportBytes("ropa", "xlsx", template);
      expect(count).toBe(3);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[1]!;
      const values: unknown[] = [];
      sheet.eachRow((row) => row.eachCell((c) => values.push(c.value)));
      expect(values).toContain(`'${HYPERLINK}`);
      expect(values).not.toContain(HYPERLINK);
      expect(values).toContain(CHINESE);
      expect(values.some((value) => typeof value === "string" && value.includes(ACCENTS))).toBe(true);
      expect(sheet.rowCount).toBe(4);
    }
  });

  it("JSON: a versioned document with every row, for both reports", async () => {
    for (const report of ["ropa", "transfers"] as const) {
      const { count, bytes } = await exportBytes(report, "json");
      const document = JSON.parse(bytes.toString("utf8")) as { schema: string; schemaVersion: number; report: string; asOf: string; rows: unknown[] };
      expect(document.schema).toBe(`urn:transfer-governance:export:${report}:v1`);
      expect(document.schemaVersion).toBe(1);
      expect(document.report).toBe(report);
      expect(document.asOf).toBe(TODAY);
      expect(document.rows).toHaveLength(count);
    }
    const { bytes } = await exportBytes("ropa", "json");
    const rows = (JSON.parse(bytes.toString("utf8")) as { rows: { id: string; recipients: { names: string[] }; warnings: string[] }[] }).rows;
    expect(rows.find((row) => row.id === ids.hyperlink)!.recipients.names).toEqual([HYPERLINK]);
    expect(rows.find((row) => row.id === ids.bare)!.warnings).toHaveLength(2);
    // Codes stay codes in the JSON record, their labels beside them.
    const support = (JSON.parse(bytes.toString("utf8")) as { rows: Record<string, unknown>[] }).rows.find((row) => row.id === ids.support)!;
    expect(support).toMatchObject({
      legalBasis: "legitimate_interests",
      legalBasisLabel: "Legitimate interests",
      art9Condition: "substantial_public_interest",
      securityChecklist: ["access_control", "encryption", "subprocessor_control", "staff_awareness"],
      safeguards: { mechanisms: ["scc"], agreements: ["pipl_standard_contract"] },
      recipients: { inThirdCountries: ["technical_support (processor)"] },
      breach: { occurred: true, reference: TYPED.breach },
      dpa2018Schedule1: { condition: TYPED.schedule1, policyDocumentReference: TYPED.policy, retainedPerPolicy: false, deviationReason: TYPED.deviation },
      createdAt: "2025-01-15T10:00:00.000Z",
    });
  });

  it("manifest verification detects a changed byte", async () => {
    const { count, bytes } = await exportBytes("ropa", "json");
    const manifest: ExportManifest = {
      report: "ropa",
      format: "json",
      template: "generic",
      generatedAt: "2026-03-01T10:00:00.000Z",
      generatedBy: "test",
      asOf: TODAY,
      rowCount: count,
      auditChainHead: null,
      byteLength: bytes.length,
      sha256: sha256OfBytes(bytes),
    };
    expect(verifyExportBytes(bytes, manifest)).toEqual({ ok: true });
    const changed = Buffer.from(bytes);
    changed[changed.length - 5] = changed[changed.length - 5]! ^ 1;
    const result = verifyExportBytes(changed, manifest);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toMatch(/SHA-256 mismatch/);
    expect(verifyExportBytes(bytes, { ...manifest, rowCount: count + 1 })).toMatchObject({ ok: false });
    expect(parseManifest("{}").ok).toBe(false);
  });

  describeRoute(use);
});

/** The route: ropa in every format, and a manifest whose hash matches a CSV download of the same data. */
function describeRoute(use: () => DatabaseHandle) {
  let dpoId = "";
  useAsAppDatabase(use);

  beforeAll(async () => {
    const { record: dpo } = await createUser({
      ctx: { db: use().db, actor: SYSTEM_ACTOR, today: "2026-01-01" },
      input: { email: "dpo@ropa.test", name: "Dana DPO", role: "dpo", password: "a-long-password-1" },
    });
    dpoId = dpo.id;
  });
  afterAll(() => {
    session.current = null;
  });

  async function get(report: string, query = "") {
    const { GET } = await import("@/app/api/v1/exports/[report]/route");
    session.current = { user: { id: dpoId } };
    return GET(new Request(`http://localhost:3000/api/v1/exports/${report}${query}`), { params: Promise.resolve({ report }) });
  }

  it("route: the ICO CSV as an attachment; an unknown template is 422", async () => {
    const response = await get("ropa", "?template=ico");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="ropa-ico-\d{4}-\d{2}-\d{2}\.csv"$/);
    const records = parse(Buffer.from(await response.arrayBuffer()), { bom: true, relax_column_count: true }) as string[][];
    const header = records.findIndex((record) => record[0] === ICO_TEMPLATE_30[0]);
    expect(records[header]).toEqual(ICO_TEMPLATE_30);
    expect(records.slice(header + 1)).toHaveLength(3);
    expect((await get("ropa", "?template=pdf")).status).toBe(422);
  });

  it("route: manifest=1 returns a manifest whose sha256 matches the CSV download, and the download's audit event", async () => {
    const response = await get("ropa", "?format=csv&template=cnil&manifest=1");
    expect(response.status).toBe(200);
    const parsed = parseManifest(await response.text());
    expect(parsed.ok).toBe(true);
    const manifest = (parsed as { manifest: ExportManifest }).manifest;
    expect(manifest).toMatchObject({ report: "ropa", format: "csv", template: "cnil", rowCount: 3, generatedBy: "Dana DPO" });
    expect(manifest.auditChainHead).toMatch(/^[0-9a-f]{64}$/);

    // CSV bytes carry no timestamp: the same data exports to the same bytes.
    const file = Buffer.from(await (await get("ropa", "?format=csv&template=cnil")).arrayBuffer());
    expect(sha256OfBytes(file)).toBe(manifest.sha256);
    expect(verifyExportBytes(file, manifest)).toEqual({ ok: true });
    const events = await use().db.select().from(auditEvents).where(eq(auditEvents.action, "export"));
    expect(events.at(-1)).toMatchObject({ recordId: "ropa", after: { format: "csv", template: "cnil", rows: 3, sha256: manifest.sha256 } });
  });

  it("route: JSON for the transfer register", async () => {
    const response = await get("transfers", "?format=json&pending=include");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const document = (await response.json()) as { schema: string; rows: unknown[] };
    expect(document.schema).toBe("urn:transfer-governance:export:transfers:v1");
    expect(document.rows).toHaveLength(3);
  });
}
