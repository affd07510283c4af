import bcrypt from "bcryptjs";
import { parse } from "csv-parse/sync";
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import {
  agreementTransfers,
  dataCategories,
  entities,
  processingActivities,
  processors,
  safeguardAgreements,
  transferDataCategories,
  transfers,
  users,
} from "@/db/schema";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { loadRegisterSnapshot } from "@/lib/flags/register-snapshot";
import { normalizeProcessorName } from "@/lib/processors/normalize-name";
import { evaluateRegister } from "@/lib/rules/snapshot";
import { DATA_CATEGORY_TAXONOMY, type DataCategoryKey } from "@/lib/taxonomy/data-categories";
import { seedDemoData } from "@/lib/seed/demo";
import { seedReferenceData } from "@/lib/seed/reference";
import { countOpenFlagsPerDay } from "@/db/queries/dashboard";
import { auditEvents, flags } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit/verify";
import { runExport } from "@/lib/exports/run";
import { runFullEvaluation } from "@/lib/flags/evaluation";
import { createTestDatabase } from "./databases";
import { bufferSink } from "./exports-helpers";

/** A fixed day, so that the date-relative demo agreements are checked against known dates. */
const TODAY = "2026-11-15";

/** Every category the demo company's privacy policy names (English part and California appendix). */
const POLICY_CATEGORIES: Record<string, readonly DataCategoryKey[]> = {
  "account: username, email, region": ["user.account.username", "user.contact.email", "user.contact.address.country"],
  "after-sales: order, address, phone": ["user.behavior.purchase_history", "user.contact.address", "user.contact.phone_number"],
  "device: model, OS, screen, device id, IMEI, MAC": [
    "user.device.attributes",
    "user.device.device_id",
    "user.device.imei",
    "user.device.mac_address",
  ],
  "device application list": ["user.device.installed_apps"],
  "location: GPS, Wi-Fi, Bluetooth": [
    "user.location.precise.gps",
    "user.location.precise.wifi",
    "user.location.precise.bluetooth",
  ],
  "usage and crash logs, IP address": ["user.behavior.usage_log", "user.behavior.crash_log", "user.device.ip_address"],
  "camera images of homes: layout, people, faces, pets": [
    "user.sensor.camera_footage",
    "user.sensor.home_map",
    "user.biometric.face",
  ],
  voice: ["user.sensor.audio", "user.biometric.voice"],
  "third-party login: username, phone, email, gender, photo, birth date, domicile, age, city, statement": [
    "user.account.third_party_profile",
    "user.demographic.gender",
    "user.content.self_image",
    "user.demographic.date_of_birth",
    "user.demographic.age_range",
    "user.contact.address.city",
  ],
  "Amazon: platform username, order number, mailing address, payment amount and time": [
    "user.account.username",
    "user.behavior.purchase_history",
    "user.contact.address",
    "user.payment",
  ],
  "push codes": ["user.device.push_token"],
  "advertising id": ["user.device.advertising_id"],
  "unique application number(s), the account": ["user.unique_id", "user.unique_id.pseudonymous"],
  "cookies and similar technologies": ["user.device.cookie", "user.device.cookie_id"],
  "app feedback, customer-service requests": ["user.content.private"],
  "device operation (back-office support for smart devices)": ["user.telemetry"],
  "children's information": ["user.childrens"],
};

// The taxonomy's own checks (structure, fideslang keys, every regime's classification) are unit tests:
// lib/taxonomy/data-categories.test.ts. Here: what the seed stores.

describe("seeds on an in-memory database", () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = openDatabase({ driver: "pglite" });
    await runMigrations(handle);
  });

  afterAll(async () => {
    await handle?.close();
  });

  async function countRows(table: PgTable): Promise<number> {
    const rows = await handle.db.select({ n: count() }).from(table);
    return rows[0]?.n ?? 0;
  }

  describe("seedReferenceData", () => {
    it("is idempotent and leaves unchanged rows untouched", async () => {
      await seedReferenceData(handle.db);
      expect(await countRows(dataCategories)).toBe(DATA_CATEGORY_TAXONOMY.length);
      const before = await handle.db.select().from(dataCategories);

      await seedReferenceData(handle.db);
      const after = await handle.db.select().from(dataCategories);
      expect(after).toHaveLength(DATA_CATEGORY_TAXONOMY.length);
      // No row rewritten: same version and updated_at.
      expect(after.map((r) => [r.key, r.version, r.updatedAt.getTime()]).sort()).toEqual(
        before.map((r) => [r.key, r.version, r.updatedAt.getTime()]).sort(),
      );
    });

    it("restores a classification edited in the database, bumping the version", async () => {
      await handle.db
        .update(dataCategories)
        .set({ gdprSpecial: false, ccpaCategory: null })
        .where(eq(dataCategories.key, "user.biometric.face"));
      await seedReferenceData(handle.db);
      const [face] = await handle.db.select().from(dataCategories).where(eq(dataCategories.key, "user.biometric.face"));
      expect(face).toMatchObject({ gdprSpecial: true, ccpaCategory: "E", version: 2 });
      const [email] = await handle.db.select().from(dataCategories).where(eq(dataCategories.key, "user.contact.email"));
      expect(email?.version).toBe(1);
    });

    it("stores every category the privacy policy names", async () => {
      const keys = new Set((await handle.db.select({ key: dataCategories.key }).from(dataCategories)).map((r) => r.key));
      for (const [term, expected] of Object.entries(POLICY_CATEGORIES)) {
        for (const key of expected) expect(keys.has(key), `${term}: ${key}`).toBe(true);
      }
    });
  });

  describe("seedDemoData", () => {
    const tables = {
      entities,
      processors,
      processingActivities,
      transfers,
      transferDataCategories,
      safeguardAgreements,
      agreementTransfers,
      users,
    };
    let firstCounts: Record<string, number>;

    beforeAll(async () => {
      await seedReferenceData(handle.db);
      const first = await seedDemoData(handle.db, { today: TODAY });
      expect(first).toEqual({ seeded: true });
      firstCounts = Object.fromEntries(
        await Promise.all(Object.entries(tables).map(async ([name, table]) => [name, await countRows(table)] as const)),
      );
    });

    it("loads once: a second run does nothing", async () => {
      expect(firstCounts.entities).toBe(3);
      expect(firstCounts.transfers).toBeGreaterThanOrEqual(15);
      const second = await seedDemoData(handle.db, { today: TODAY });
      expect(second).toEqual({ seeded: false });
      for (const [name, table] of Object.entries(tables)) {
        expect(await countRows(table), name).toBe(firstCounts[name]);
      }
    });

    it("gives every transfer at least one category, all from the taxonomy", async () => {
      const rows = await handle.db
        .select({ id: transfers.id, n: sql<number>`count(${dataCategories.key})::int` })
        .from(transfers)
        .leftJoin(transferDataCategories, eq(transferDataCategories.transferId, transfers.id))
        .leftJoin(dataCategories, eq(dataCategories.key, transferDataCategories.categoryKey))
        .groupBy(transfers.id);
      expect(rows.length).toBe(firstCounts.transfers);
      for (const row of rows) expect(row.n, row.id).toBeGreaterThan(0);
      const taxonomyKeys = new Set(DATA_CATEGORY_TAXONOMY.map((c) => c.key));
      const used = await handle.db.selectDistinct({ key: transferDataCategories.categoryKey }).from(transferDataCategories);
      for (const { key } of used) expect(taxonomyKeys.has(key), key).toBe(true);
    });

    it("has US -> CN and US -> HK transfers, by storage and by remote access", async () => {
      const rows = await handle.db
        .select({ destination: transfers.destinationCountry, accessType: transfers.accessType })
        .from(transfers)
        .where(eq(transfers.originCountry, "US"));
      const pairs = new Set(rows.map((r) => `${r.destination}/${r.accessType}`));
      for (const pair of ["US/storage", "CN/storage", "CN/remote_access", "HK/storage", "HK/remote_access"]) {
        expect(pairs.has(pair), pair).toBe(true);
      }
      const [cnFaces] = await handle.db
        .select({ n: transfers.estimatedSubjects, cisa: transfers.cisaRequirementsMet })
        .from(transfers)
        .innerJoin(transferDataCategories, eq(transferDataCategories.transferId, transfers.id))
        .where(and(eq(transfers.destinationCountry, "CN"), eq(transferDataCategories.categoryKey, "user.biometric.face")));
      expect(cnFaces).toEqual({ n: 1_240, cisa: false });
    });

    it("creates the three demo users with working bcrypt passwords", async () => {
      const rows = await handle.db.select().from(users);
      expect(rows).toHaveLength(3);
      for (const demo of DEMO_USERS) {
        const user = rows.find((r) => r.email === demo.email);
        expect(user, demo.email).toMatchObject({ role: demo.role, isDemo: true, disabledAt: null });
        expect(user!.passwordHash).toMatch(/^\$2[aby]\$10\$/);
        expect(await bcrypt.compare(demo.password, user!.passwordHash!)).toBe(true);
        expect(await bcrypt.compare("wrong-password", user!.passwordHash!)).toBe(false);
      }
    });

    it("stores normalised names, Chinese and accented names included", async () => {
      const rows = await handle.db.select().from(processors);
      for (const row of rows) expect(row.normalizedName).toBe(normalizeProcessorName(row.name));
      expect(rows.some((r) => /\p{Script=Han}/u.test(r.name))).toBe(true);
      expect(rows.some((r) => /[\u00C0-\u00FF]/.test(r.name))).toBe(true);
      const statuses = rows.map((r) => r.status);
      expect(statuses.filter((s) => s === "submitted")).toHaveLength(1);
      expect(statuses.filter((s) => s === "draft")).toHaveLength(1);
      expect(rows.filter((r) => r.ownerUserId === null)).toHaveLength(1);
      const sub = rows.find((r) => r.parentProcessorId !== null);
      expect(sub?.role).toBe("sub_processor");
    });

    it("dates the agreements relative to today: one expired, one expiring within 60 days", async () => {
      const rows = await handle.db.select().from(safeguardAgreements);
      const expired = rows.filter((r) => r.expiryDate !== null && r.expiryDate < TODAY);
      const soon = rows.filter((r) => r.expiryDate !== null && r.expiryDate >= TODAY && r.expiryDate <= "2027-01-14");
      expect(expired.map((r) => r.expiryDate)).toEqual(["2026-10-26"]);
      expect(soon.map((r) => r.expiryDate)).toEqual(["2026-12-30"]);
      expect(new Set(rows.map((r) => r.type))).toEqual(
        new Set(["dpa", "scc", "pipl_standard_contract", "hk_model_clauses", "confidentiality", "ccpa_service_provider", "other"]),
      );
    });

    it("leaves one activity without retention and one with special categories but no Art. 9 condition", async () => {
      const rows = await handle.db.select().from(processingActivities);
      expect(rows.filter((r) => r.retentionPeriod === null)).toHaveLength(1);
      expect(rows.some((r) => r.art9Condition === "explicit_consent")).toBe(true);
      expect(rows.some((r) => r.dataSubjectCategories.some((c) => c.startsWith("Bystanders")))).toBe(true);
    });

    it("gives the rules engine findings of every severity, and leaves compliant transfers", async () => {
      const { snapshot } = await loadRegisterSnapshot({ db: handle.db, processorIds: null, today: TODAY });
      const findings = evaluateRegister(snapshot);
      expect(new Set(findings.map((f) => f.severity))).toEqual(new Set(["critical", "high", "medium", "low"]));
      const ruleIds = new Set(findings.map((f) => f.ruleId));
      for (const id of [
        "transfer.no-encryption-in-transit",
        "transfer.no-encryption-at-rest",
        "transfer.no-contract",
        "transfer.no-mechanism",
        "transfer.tia-missing",
        "transfer.art49-systematic",
        "transfer.doj-bulk-restricted",
        "transfer.special-category-no-condition",
        "transfer.retention-missing",
        "agreement.expired",
        "agreement.expiring-soon",
        "processor.dpf-lapsed",
        "processor.onward-uncovered",
        "processor.no-owner",
        // Issue 15: the China beta's crash reports leave without separate consent or PIPIA (PIPL 39, 55).
        "transfer.pipl-consent-or-pipia-missing",
      ] as const) {
        expect(ruleIds.has(id), id).toBe(true);
      }
      // Exactly one flow over a DOJ threshold without the CISA requirements.
      expect(findings.filter((f) => f.ruleId === "transfer.doj-bulk-restricted")).toHaveLength(1);
      const flagged = new Set(findings.filter((f) => f.subjectType === "transfer").map((f) => f.subjectId));
      const clean = snapshot.transfers.filter((t) => !flagged.has(t.id));
      expect(clean.length).toBeGreaterThanOrEqual(6);
    });

    // Issue 15: the facts the law turns on, set as the privacy policy and the law have them.
    describe("the law's facts", () => {
      const processorByName = async (name: string) => (await handle.db.select().from(processors).where(eq(processors.name, name)))[0]!;

      it("records the Shenzhen affiliate as no CIIO", async () => {
        const rows = await handle.db.select({ country: entities.country, ciio: entities.ciio }).from(entities);
        expect(rows.filter((row) => row.country === "CN")).toEqual([{ country: "CN", ciio: false }]);
        expect(rows.every((row) => !row.ciio)).toBe(true);
      });

      it("gives the UK Extension to every US importer of UK data but one, which the engine flags", async () => {
        const rows = await handle.db
          .selectDistinct({ id: processors.id, name: processors.name, dpfCertified: processors.dpfCertified, uk: processors.dpfUkExtension })
          .from(transfers)
          .innerJoin(processors, eq(processors.id, transfers.processorId))
          .where(and(eq(transfers.destinationCountry, "US"), sql`'UK' = any(${transfers.subjectRegions})`));
        expect(rows.length).toBeGreaterThanOrEqual(5);
        expect(rows.every((row) => row.dpfCertified)).toBe(true);
        expect(rows.filter((row) => !row.uk).map((row) => row.name)).toEqual(["CodeCourier"]);

        const { snapshot } = await loadRegisterSnapshot({ db: handle.db, processorIds: null, today: TODAY });
        const codeCourier = await processorByName("CodeCourier");
        const cloudflare = await processorByName("Cloudflare");
        const noMechanism = evaluateRegister(snapshot).filter((f) => f.ruleId === "transfer.no-mechanism");
        const onVendor = (processorId: string) =>
          noMechanism.filter((f) => snapshot.transfers.find((t) => t.id === f.subjectId)?.processorId === processorId);
        expect(onVendor(codeCourier.id)).toHaveLength(1);
        expect(onVendor(cloudflare.id)).toHaveLength(0);
      });

      it("records separate consent and the PIPIA on the China beta export, and leaves the crash reports without", async () => {
        const rows = await handle.db
          .select({ processor: processors.name, consent: transfers.piplSeparateConsent, pipia: transfers.pipiaDate, tia: transfers.tiaDate, important: transfers.importantData, exemption: transfers.piplExemption })
          .from(transfers)
          .innerJoin(processors, eq(processors.id, transfers.processorId))
          .where(eq(transfers.originCountry, "CN"))
          .orderBy(asc(processors.name));
        expect(rows).toEqual([
          { processor: "CrashTrace", consent: false, pipia: null, tia: null, important: false, exemption: null },
          { processor: "GNCC Inc. (US parent)", consent: true, pipia: "2026-02-28", tia: null, important: false, exemption: null },
        ]);
      });

      it("claims a DOJ exemption only for the Hong Kong affiliate's customer support (28 CFR 202.506)", async () => {
        const rows = await handle.db
          .select({ processor: processors.name, role: processors.role, activity: processingActivities.name, exemption: transfers.dojExemption, why: transfers.dojExemptionJustification })
          .from(transfers)
          .innerJoin(processors, eq(processors.id, transfers.processorId))
          .innerJoin(processingActivities, eq(processingActivities.id, transfers.activityId))
          .where(sql`${transfers.dojExemption} is not null`);
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ processor: "GNCC Hong Kong (affiliate)", role: "affiliate", activity: "After-sales and warranty service", exemption: "corporate_group" });
        expect(rows[0]!.why).toContain("202.506");
        expect(rows[0]!.why).toContain("customer support");
      });

      it("tags the flows with the new categories where the policy has them", async () => {
        const used = new Set((await handle.db.selectDistinct({ key: transferDataCategories.categoryKey }).from(transferDataCategories)).map((row) => row.key));
        for (const key of ["user.childrens", "user.telemetry", "user.unique_id", "user.unique_id.pseudonymous", "user.device.cookie", "user.content.private"]) {
          expect(used.has(key), key).toBe(true);
        }
        // A camera maker holds no genomic, 'omic, government-related, Art. 9 belief or Art. 10 criminal data.
        for (const key of ["user.health_and_medical.genetic", "user.health_and_medical.omic", "user.government_related", "user.demographic.political_opinion", "user.criminal_history"]) {
          expect(used.has(key), key).toBe(false);
        }
      });
    });
  });
});

/*
 * What only a real server shows: two app instances starting together on one PostgreSQL. The demo seed
 * takes an advisory lock, so exactly one of them loads the company. Skipped when no server is reachable.
 */
describe.skipIf(!process.env.TEST_POSTGRES_URL)("seeds on PostgreSQL, two instances starting at once", () => {
  let handle: DatabaseHandle | undefined;

  beforeAll(async () => {
    handle = await createTestDatabase("postgres");
  });

  afterAll(async () => {
    await handle?.close();
  });

  it("loads the taxonomy and the demo company exactly once", async () => {
    const db = handle!.db;
    await Promise.all([seedReferenceData(db), seedReferenceData(db)]);
    const [categories] = await db.select({ n: count() }).from(dataCategories);
    expect(categories?.n).toBe(DATA_CATEGORY_TAXONOMY.length);

    const results = await Promise.all([seedDemoData(db, { today: TODAY }), seedDemoData(db, { today: TODAY })]);
    expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
    const [entityCount] = await db.select({ n: count() }).from(entities);
    const [userCount] = await db.select({ n: count() }).from(users);
    expect([entityCount?.n, userCount?.n]).toEqual([3, 3]);
  });
});

/*
 * Issue 13: the demo arrives with a backdated history. The audit trail holds months of events in time order
 * (a valid chain), the flags' dates tell when each finding opened, was resolved or accepted, so the 90-day
 * trend moves and an export as of an earlier day differs from today's. All of it from the seed's `today`.
 */
describe("the demo's history", () => {
  let handle: DatabaseHandle | undefined;
  const daysBefore = (days: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

  beforeAll(async () => {
    handle = await createTestDatabase("pglite");
    await seedDemoData(handle.db, { today: TODAY });
    // What start-up does next: a full evaluation, which must keep the history's dates.
    await runFullEvaluation({ db: handle.db, today: TODAY });
  });

  afterAll(async () => {
    await handle?.close();
  });

  it("appends months of audit events in time order, on a valid chain", async () => {
    const events = await handle!.db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    expect(await verifyAuditChain({ db: handle!.db })).toMatchObject({ ok: true, checked: events.length });
    for (let index = 1; index < events.length; index++) {
      expect(events[index]!.occurredAt.getTime(), `event ${events[index]!.id}`).toBeGreaterThanOrEqual(events[index - 1]!.occurredAt.getTime());
    }
    const days = new Set(events.map((event) => event.occurredAt.toISOString().slice(0, 10)));
    expect(events[0]!.occurredAt.toISOString().slice(0, 10)).toBe(daysBefore(152));
    expect(days.size).toBeGreaterThanOrEqual(5);
    const actions = new Set(events.map((event) => `${event.recordType}:${event.action}`));
    for (const action of ["processor:create", "transfer:create", "transfer:update", "agreement:create", "flag:accept_risk"]) expect(actions.has(action), action).toBe(true);
    // Two runs of the seed on the same day write the same dates.
    const [fix] = events.filter((event) => event.action === "update");
    expect(fix!.occurredAt.toISOString()).toBe(`${daysBefore(45)}T09:00:00.000Z`);
  });

  it("dates the flags: opened on entry or when the calendar made them true, one resolved, one accepted", async () => {
    const rows = await handle!.db.select().from(flags);
    const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;
    const resolved = rows.filter((flag) => flag.status === "resolved");
    expect(resolved.map((flag) => [flag.ruleId, day(flag.firstSeenAt), day(flag.resolvedAt)])).toEqual([
      ["transfer.no-encryption-in-transit", daysBefore(150), daysBefore(45)],
    ]);
    const accepted = rows.filter((flag) => flag.status === "accepted");
    expect(accepted.map((flag) => [flag.ruleId, day(flag.acceptedAt)])).toEqual([["processor.onward-uncovered", daysBefore(30)]]);
    const opened = (ruleId: string) => rows.filter((flag) => flag.ruleId === ruleId).map((flag) => day(flag.firstSeenAt));
    expect(opened("agreement.expired")).toEqual([daysBefore(19)]);
    // PushWave's certification lapsed 40 days ago; CodeCourier's never included the UK Extension (since entry).
    expect(opened("processor.dpf-lapsed").sort()).toEqual([daysBefore(150), daysBefore(39)]);
    expect(new Set(rows.map((flag) => day(flag.firstSeenAt))).size).toBeGreaterThanOrEqual(5);
  });

  it("moves the 90-day trend of open flags", async () => {
    const trend = await countOpenFlagsPerDay({ db: handle!.db, today: TODAY, days: 90 });
    const levels = trend.map((point) => point.open);
    expect(new Set(levels).size).toBeGreaterThanOrEqual(5);
    // The China and Hong Kong vendors entered 75 days ago: more open flags after than before.
    expect(trend.find((point) => point.day === daysBefore(74))!.open).toBeGreaterThan(trend.find((point) => point.day === daysBefore(76))!.open);
  });

  it("exports as of an earlier day what the register held then", async () => {
    const exportOn = async (asOf: string | null) => {
      const sink = bufferSink();
      const result = await runExport({ db: handle!.db, report: "transfers", format: "csv", includePending: true, asOf, generatedAt: new Date(`${TODAY}T10:00:00Z`), out: sink.out });
      const [header, ...records] = parse(sink.buffer(), { bom: true }) as string[][];
      return { rows: result.rowCount, text: sink.buffer().toString("utf8"), header: header!, records };
    };
    const now = await exportOn(null);
    const before = await exportOn(daysBefore(100));
    expect(before.rows).toBeLessThan(now.rows);
    expect(before.text).not.toContain("Hengtong");
    expect(now.text).toContain("Hengtong");
    // Before the fix the Cloudflare flow went over plain HTTP. The column reads by its header: the export
    // names the value ("None", "TLS 1.3"), a word other columns use too.
    const inTransit = ({ header, records }: Awaited<ReturnType<typeof exportOn>>) => {
      const cloudflare = records.find((cells) => cells.some((cell) => cell.includes("Cloudflare")))!;
      return cloudflare[header.indexOf("Encryption in transit")];
    };
    expect(inTransit(before)).toBe("None");
    expect(inTransit(now)).toBe("TLS 1.3");
  });
});
