import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import {
  countOpenFlagsPerDay,
  countTransferFlows,
  countTransfersAndTheirOpenFlags,
  countTransfersByDestinationAndCategory,
  listReviewQueue,
} from "@/db/queries/dashboard";
import { countOpenFlagsBySeverity } from "@/db/queries/flags";
import { countTransfersByDestination } from "@/db/queries/transfers";
import { flags, processors, type Severity } from "@/db/schema";
import { SEVERITIES } from "@/db/schema/enums";
import type { Executor } from "@/db/client";
import { describeOnDatabases } from "./databases";
import { makeEntity, makeProcessor, makeTransfer } from "./factories";

const TODAY = "2026-11-24";

/** The worst open flag of the given transfers, computed here from the rows the rules wrote. */
async function worstOpenSeverity(db: Executor, transferIds: string[]): Promise<Severity | null> {
  const open = await db
    .select({ severity: flags.severity })
    .from(flags)
    .where(and(eq(flags.subjectType, "transfer"), eq(flags.status, "open"), inArray(flags.subjectId, transferIds)));
  if (open.length === 0) return null;
  return SEVERITIES[Math.max(...open.map((flag) => SEVERITIES.indexOf(flag.severity)))]!;
}

async function buildRegister(db: Executor) {
  const usExporter = await makeEntity(db, { country: "US" });
  const hkExporter = await makeEntity(db, { country: "HK" });
  const cnVendor = await makeProcessor(db, { country: "CN", status: "submitted", submittedAt: new Date("2026-11-20T08:00:00Z") });
  const { transfer: deviceToCn } = await makeTransfer(db, {
    today: TODAY,
    exporterEntityId: usExporter.id,
    processorId: cnVendor.id,
    destinationCountry: "CN",
    dataCategories: ["user.device.imei", "user.device.device_id"],
  });
  const { transfer: emailToCn } = await makeTransfer(db, {
    today: TODAY,
    exporterEntityId: usExporter.id,
    processorId: cnVendor.id,
    destinationCountry: "CN",
    encryptionInTransit: "none",
    dataCategories: ["user.contact.email"],
  });
  const { transfer: hkToUs } = await makeTransfer(db, {
    today: TODAY,
    exporterEntityId: hkExporter.id,
    destinationCountry: "US",
    dataCategories: ["user.contact.email", "user.device.imei"],
  });
  return { cnVendor, deviceToCn, emailToCn, hkToUs };
}

describeOnDatabases("dashboard aggregates", (use) => {
  // One register per database for the whole suite; the per-day test rewrites flag dates, so it runs last.
  let register: Awaited<ReturnType<typeof buildRegister>>;
  beforeAll(async () => {
    register = await buildRegister(use().db);
  });

  it("counts transfers per destination × category group, once per transfer, with the worst open flag", async () => {
    const { db } = use();
    const { deviceToCn, emailToCn, hkToUs } = register;
    const cells = await countTransfersByDestinationAndCategory({ db });
    expect(cells).toEqual([
      { destination: "CN", category: "user.contact", transfers: 1, worstOpenSeverity: await worstOpenSeverity(db, [emailToCn.id]) },
      { destination: "CN", category: "user.device", transfers: 1, worstOpenSeverity: await worstOpenSeverity(db, [deviceToCn.id]) },
      { destination: "US", category: "user.contact", transfers: 1, worstOpenSeverity: await worstOpenSeverity(db, [hkToUs.id]) },
      { destination: "US", category: "user.device", transfers: 1, worstOpenSeverity: await worstOpenSeverity(db, [hkToUs.id]) },
    ]);
    // No encryption in transit is at least a high flag (DOMAIN.md §4), so the cell cannot look clean.
    expect(["high", "critical"]).toContain(cells[0]!.worstOpenSeverity);
  });

  it("counts flows from the exporting entity's country to each destination", async () => {
    const { db } = use();
    const { deviceToCn, emailToCn, hkToUs } = register;
    expect(await countTransferFlows({ db })).toEqual([
      { origin: "US", destination: "CN", transfers: 2, worstOpenSeverity: await worstOpenSeverity(db, [deviceToCn.id, emailToCn.id]) },
      { origin: "HK", destination: "US", transfers: 1, worstOpenSeverity: await worstOpenSeverity(db, [hkToUs.id]) },
    ]);
  });

  it("lists submitted vendors, latest first, with their open flag count and the queue's size", async () => {
    const { db } = use();
    const { cnVendor } = register;
    const later = await makeProcessor(db, { name: "Later Vendor", status: "submitted", submittedAt: new Date("2026-11-23T08:00:00Z") });
    await makeProcessor(db, { status: "draft" });
    const openOfCnVendor = await db
      .select({ id: flags.id })
      .from(flags)
      .where(and(eq(flags.processorId, cnVendor.id), eq(flags.status, "open")));
    const queue = await listReviewQueue({ db, limit: 1 });
    expect(queue.total).toBe(2);
    expect(queue.items).toEqual([{ id: later.id, name: "Later Vendor", submittedBy: null, submittedAt: later.submittedAt, openFlags: 0 }]);
    const full = await listReviewQueue({ db, limit: 5 });
    expect(full.items[1]).toMatchObject({ id: cnVendor.id, openFlags: openOfCnVendor.length });
    expect(openOfCnVendor.length).toBeGreaterThan(0);
    expect((await db.select().from(processors).where(eq(processors.status, "submitted"))).length).toBe(2);
  });

  it("counts the flags open at the end of each day from their opened, resolved and accepted dates", async () => {
    const { db } = use();
    await db.update(flags).set({ firstSeenAt: new Date("2026-11-20T10:00:00Z") });
    const all = await db.select({ id: flags.id }).from(flags).orderBy(flags.id);
    expect(all.length).toBeGreaterThanOrEqual(2);
    await db.update(flags).set({ status: "resolved", resolvedAt: new Date("2026-11-22T09:00:00Z") }).where(eq(flags.id, all[0]!.id));
    await db
      .update(flags)
      .set({ status: "accepted", acceptedAt: new Date("2026-11-23T12:00:00Z"), acceptedUntil: "2026-12-31" })
      .where(eq(flags.id, all[1]!.id));
    const total = all.length;
    expect(await countOpenFlagsPerDay({ db, today: TODAY, days: 6 })).toEqual([
      { day: "2026-11-19", open: 0 },
      { day: "2026-11-20", open: total },
      { day: "2026-11-21", open: total },
      { day: "2026-11-22", open: total - 1 },
      { day: "2026-11-23", open: total - 2 },
      { day: "2026-11-24", open: total - 2 },
    ]);
  });
});

describeOnDatabases("dashboard populations", (use) => {
  it("counts approved records, or with those awaiting review; never a rejected or offboarded vendor's", async () => {
    const { db } = use();
    const exporter = await makeEntity(db, { country: "US" });
    const transferOf = async (vendorStatus: "approved" | "submitted" | "rejected" | "offboarded", transferStatus: "approved" | "submitted" | "draft") => {
      const vendor = await makeProcessor(db, { country: "CN", status: vendorStatus });
      // No encryption in transit: every transfer carries at least one open flag.
      const { transfer } = await makeTransfer(db, { today: TODAY, exporterEntityId: exporter.id, processorId: vendor.id, destinationCountry: "CN", encryptionInTransit: "none", status: transferStatus });
      return { ...transfer, vendorId: vendor.id };
    };
    const ofRecord = await transferOf("approved", "approved");
    const pendingTransfer = await transferOf("approved", "draft");
    const pendingVendor = await transferOf("submitted", "submitted");
    await transferOf("rejected", "submitted");
    await transferOf("offboarded", "approved");
    const openOn = async (ids: string[]) =>
      (await db.select({ id: flags.id }).from(flags).where(and(eq(flags.subjectType, "transfer"), eq(flags.status, "open"), inArray(flags.subjectId, ids)))).length;

    expect(await countTransfersAndTheirOpenFlags({ db, pending: "exclude" })).toEqual({ transfers: 1, openFlags: await openOn([ofRecord.id]) });
    const included = [ofRecord.id, pendingTransfer.id, pendingVendor.id];
    expect(await countTransfersAndTheirOpenFlags({ db, pending: "include" })).toEqual({ transfers: 3, openFlags: await openOn(included) });
    expect(await countTransfersByDestination({ db, pending: "include" })).toEqual([{ country: "CN", count: 3 }]);
    expect((await countTransferFlows({ db, pending: "exclude" })).map((band) => band.transfers)).toEqual([1]);
    // Every open flag of the included vendors (their own, their transfers'), none of the others.
    const bySeverity = await countOpenFlagsBySeverity({ db, pending: "include" });
    const vendorIds = [ofRecord.vendorId, pendingTransfer.vendorId, pendingVendor.vendorId];
    const openOfVendors = await db.select({ id: flags.id }).from(flags).where(and(eq(flags.status, "open"), inArray(flags.processorId, vendorIds)));
    expect(SEVERITIES.reduce((sum, severity) => sum + bySeverity[severity], 0)).toBe(openOfVendors.length);
    // Without a population, every record, as before the switch.
    expect((await countTransfersAndTheirOpenFlags({ db })).transfers).toBe(5);
  });
});
