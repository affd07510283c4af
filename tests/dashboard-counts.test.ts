import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { readDashboardFigures, type DashboardFigures } from "@/db/queries/dashboard";
import { listFlagDetailsForProcessor } from "@/db/queries/flags";
import { listProcessors } from "@/db/queries/processors";
import { listTransfersByProcessor } from "@/db/queries/transfers";
import { flags, processors, transfers } from "@/db/schema";
import { RECORD_STATUSES, SEVERITIES } from "@/db/schema/enums";
import { dashboardLinks, DASHBOARD_POPULATIONS, type DashboardPopulation } from "@/components/dashboard/links";
import { SYSTEM_ACTOR } from "@/lib/audit/record";
import { todayIso } from "@/lib/clock";
import { EXPIRY_WINDOW_DAYS } from "@/lib/cache/dashboard";
import { runExport } from "@/lib/exports/run";
import { acceptFlagRisk } from "@/lib/flags/service";
import { runFullEvaluation } from "@/lib/flags/evaluation";
import { rejectProcessor } from "@/lib/review/service";
import { seedDemoData } from "@/lib/seed/demo";
import { createApiToken, createUser } from "@/lib/users/service";
import * as agreementCollection from "../app/api/v1/agreements/route";
import * as flagCollection from "../app/api/v1/flags/route";
import * as processorCollection from "../app/api/v1/processors/route";
import * as transferCollection from "../app/api/v1/transfers/route";
import { describeOnDatabases, useAsAppDatabase } from "./databases";
import { bufferSink } from "./exports-helpers";

/*
 * Issue 13, "counts that agree", on the demo company: every number of the dashboard equals the `total` of the
 * list endpoint its link points to (same path under /api/v1, same query), for both populations; the transfer
 * figures equal the transfer register export of the same population; the processors register's counts equal
 * each processor page's; a rejected vendor leaves the figures; the expiring-agreements card and its list keep
 * one definition after the agreement's flag is accepted.
 */

// The agreement list computes "expiring within" from the server's today: the demo is loaded for the same day.
const TODAY = todayIso();
const BASE = "http://localhost:3000";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const COLLECTIONS: Record<string, unknown> = {
  "/transfers": transferCollection.GET,
  "/flags": flagCollection.GET,
  "/agreements": agreementCollection.GET,
  "/processors": processorCollection.GET,
};

interface LinkedFigure {
  name: string;
  value: number;
  href: string;
}

/** Every number the dashboard shows for a population, with the link the page puts on it (components/dashboard/links.ts). */
function linkedFigures(figures: DashboardFigures, pending: DashboardPopulation): LinkedFigure[] {
  const counts = new Map(figures.byStatus.map((row) => [row.status, row.count]));
  return [
    ...SEVERITIES.map((severity) => ({ name: `open ${severity} flags`, value: figures.openFlags[severity], href: dashboardLinks.openFlags(pending, severity) })),
    { name: "transfers", value: figures.transferTotals.transfers, href: dashboardLinks.transfers(pending) },
    { name: "open flags on transfers", value: figures.transferTotals.openFlags, href: dashboardLinks.openTransferFlags(pending) },
    ...figures.destinations.map((row) => ({ name: `transfers to ${row.country}`, value: row.count, href: dashboardLinks.destination(pending, row.country) })),
    { name: "agreements expiring", value: figures.expiringAgreements, href: dashboardLinks.expiringAgreements(pending, EXPIRY_WINDOW_DAYS) },
    { name: "vendors awaiting review", value: figures.reviewQueue.total, href: dashboardLinks.awaitingReview() },
    ...RECORD_STATUSES.map((status) => ({ name: `processors ${status}`, value: counts.get(status) ?? 0, href: dashboardLinks.processorsWithStatus(status) })),
    ...figures.matrix.map((cell) => ({
      name: `matrix ${cell.destination} × ${cell.category}`,
      value: cell.transfers,
      href: dashboardLinks.cell(pending, cell.destination, cell.category),
    })),
    ...figures.flows.map((band) => ({
      name: `flow ${band.origin} → ${band.destination}`,
      value: band.transfers,
      href: dashboardLinks.flow(pending, band.origin, band.destination),
    })),
  ];
}

describeOnDatabases("dashboard figures and the lists they link to, on the demo", (use) => {
  useAsAppDatabase(use);
  let token = "";

  beforeAll(async () => {
    const { db } = use();
    await seedDemoData(db, { today: TODAY });
    await runFullEvaluation({ db, today: TODAY });
    const ctx = { db, actor: SYSTEM_ACTOR, today: TODAY };
    const { record: auditor } = await createUser({ ctx, input: { email: "auditor@dashboard-counts.test", name: "Counts auditor", role: "auditor" } });
    token = (await createApiToken({ ctx, input: { userId: auditor.id, name: "tests" } })).token;
  });

  /** The `total` of GET /api/v1<path>?<query> for a dashboard link `<path>?<query>`. */
  async function listTotal(href: string): Promise<number> {
    const url = new URL(href, BASE);
    const handler = COLLECTIONS[url.pathname];
    if (!handler) throw new Error(`no list endpoint for the dashboard link ${href}`);
    url.searchParams.set("pageSize", "1");
    const response = await (handler as Handler)(new Request(`${BASE}/api/v1${url.pathname}${url.search}`, { headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({}),
    });
    expect(response.status, href).toBe(200);
    return ((await response.json()) as { total: number }).total;
  }

  async function walk(pending: DashboardPopulation) {
    const figures = await readDashboardFigures({ db: use().db, today: TODAY, pending });
    const linked = linkedFigures(figures, pending);
    const walked = await Promise.all(linked.map(async (figure) => ({ ...figure, listed: await listTotal(figure.href) })));
    expect(walked.map(({ name, value, href }) => ({ name, value, href })), pending).toEqual(walked.map(({ name, listed, href }) => ({ name, value: listed, href })));
    return figures;
  }

  /** The transfer register CSV of a population: its row count and the sum of its "Open flags" column. */
  async function transferExport(pending: DashboardPopulation) {
    const sink = bufferSink();
    await runExport({ db: use().db, report: "transfers", format: "csv", includePending: pending === "include", generatedBy: "Test DPO", out: sink.out });
    const [header, ...rows] = parse(sink.buffer(), { bom: true }) as string[][];
    const openFlags = header!.indexOf("Open flags");
    expect(openFlags).toBeGreaterThan(0);
    return { transfers: rows.length, openFlags: rows.reduce((sum, row) => sum + Number(row[openFlags]), 0) };
  }

  it("the processors register shows each vendor's transfer and open-flag counts, as its page does", async () => {
    const { db } = use();
    const { rows, total } = await listProcessors({ db, page: 1, pageSize: 100 });
    expect(rows.length).toBe(total);
    for (const row of rows) {
      const page = await listTransfersByProcessor({ db, processorId: row.id, limit: 1 });
      const open = (await listFlagDetailsForProcessor({ db, processorId: row.id })).filter((flag) => flag.status === "open");
      expect({ name: row.name, transfers: row.transferCount, openFlags: row.openFlagCount }).toEqual({ name: row.name, transfers: page.total, openFlags: open.length });
    }
    // Not all zero, as they were while the sub-queries bound the wrong id.
    expect(rows.filter((row) => row.transferCount > 0).length).toBeGreaterThan(5);
    expect(rows.filter((row) => row.openFlagCount > 0).length).toBeGreaterThan(3);
  });

  it("every dashboard figure equals the total of the list its link opens, in both populations", async () => {
    for (const pending of DASHBOARD_POPULATIONS) await walk(pending);
    const approved = await readDashboardFigures({ db: use().db, today: TODAY, pending: "exclude" });
    const withPending = await readDashboardFigures({ db: use().db, today: TODAY, pending: "include" });
    // The demo's pending vendors (Supportly submitted, CrashTrace draft) make the two populations differ.
    expect(withPending.transferTotals.transfers).toBeGreaterThan(approved.transferTotals.transfers);
    expect(approved.expiringAgreements).toBeGreaterThan(0);
  });

  it("the transfer figures equal the transfer register export of the same population", async () => {
    for (const pending of DASHBOARD_POPULATIONS) {
      const figures = await readDashboardFigures({ db: use().db, today: TODAY, pending });
      expect(figures.transferTotals, pending).toEqual(await transferExport(pending));
    }
  });

  it("a rejected vendor's transfers and flags leave the figures; the lists follow", async () => {
    const { db } = use();
    const [supportly] = await db.select().from(processors).where(eq(processors.name, "Supportly"));
    const ownFlags = `/flags?status=open&processorId=${supportly!.id}&pending=include`;
    const before = await readDashboardFigures({ db, today: TODAY, pending: "include" });
    const ownTransfers = await db.select({ id: transfers.id }).from(transfers).where(eq(transfers.processorId, supportly!.id));
    expect(ownTransfers.length).toBeGreaterThan(0);
    const ownOpenFlags = await listTotal(ownFlags);
    await rejectProcessor({ ctx: { db, actor: SYSTEM_ACTOR, today: TODAY }, input: { id: supportly!.id, changes: { version: supportly!.version, comment: "No, thank you" } } });
    const after = await walk("include");
    expect(after.transferTotals.transfers).toBe(before.transferTotals.transfers - ownTransfers.length);
    const total = (figures: DashboardFigures) => SEVERITIES.reduce((sum, severity) => sum + figures.openFlags[severity], 0);
    // Whatever the engine keeps open on the rejected vendor's records, the dashboard and its lists leave out.
    expect(total(after)).toBe(total(before) - ownOpenFlags);
    expect(await listTotal(ownFlags)).toBe(0);
    expect(await listTotal(`/transfers?processorId=${supportly!.id}&pending=include`)).toBe(0);
    expect(await listTotal(`/transfers?processorId=${supportly!.id}`)).toBe(ownTransfers.length);
    // The export of the same population leaves them out too: the figures still equal it.
    expect((await readDashboardFigures({ db, today: TODAY, pending: "include" })).transferTotals).toEqual(await transferExport("include"));
  });

  it("the expiring-agreements card and its list keep counting the agreement after its flag is accepted", async () => {
    const { db } = use();
    const [flag] = await db.select().from(flags).where(and(eq(flags.ruleId, "agreement.expiring-soon"), eq(flags.status, "open")));
    expect(flag).toBeDefined();
    const before = await walk("include");
    await acceptFlagRisk({
      ctx: { db, actor: SYSTEM_ACTOR, today: TODAY },
      input: { id: flag!.id, changes: { version: flag!.version, justification: "Renewal signed, countersignature on its way", acceptedUntil: addDaysIso(TODAY, 30) } },
    });
    const after = await walk("include");
    expect(after.expiringAgreements).toBe(before.expiringAgreements);
    for (const pending of DASHBOARD_POPULATIONS) await walk(pending);
  });
});

function addDaysIso(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
