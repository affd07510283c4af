import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { countTransferFlows } from "@/db/queries/dashboard";
import { flags, type Severity } from "@/db/schema";
import type { Executor } from "@/db/client";
import { layoutFlowMap } from "@/lib/dashboard/flow-map";
import { projectedWorld } from "@/components/dashboard/world-atlas";
import { describeOnDatabases } from "./databases";
import { makeEntity, makeProcessor, makeTransfer } from "./factories";

const TODAY = "2026-11-24";

/** Gives every open flag of a transfer one severity, or closes them all (null): the route's worst is then known. */
async function setOpenFlags(db: Executor, transferId: string, severity: Severity | null) {
  const ofTransfer = and(eq(flags.subjectType, "transfer"), eq(flags.subjectId, transferId), eq(flags.status, "open"));
  if (severity === null) await db.update(flags).set({ status: "resolved", resolvedAt: new Date(`${TODAY}T09:00:00Z`) }).where(ofTransfer);
  else await db.update(flags).set({ severity }).where(ofTransfer);
}

async function buildRoutes(db: Executor) {
  const us = await makeEntity(db, { country: "US" });
  const hk = await makeEntity(db, { country: "HK" });
  const vendor = await makeProcessor(db, { country: "CN" });
  const transfer = async (exporterEntityId: string, destinationCountry: string, status: "approved" | "draft" = "approved") =>
    (await makeTransfer(db, { today: TODAY, exporterEntityId, processorId: vendor.id, destinationCountry, encryptionInTransit: "none", status })).transfer;
  // Every transfer first: each creation re-evaluates the vendor's flags and would undo the settings below.
  const [cnMedium, cnHigh, hkClean, usLow, sgDraft] = [
    await transfer(us.id, "CN"),
    await transfer(us.id, "CN"),
    await transfer(us.id, "HK"),
    await transfer(hk.id, "US"),
    await transfer(us.id, "SG", "draft"),
  ];
  // United States → China: a medium and a high flag. The enum's order makes it high; the alphabet would say medium.
  await setOpenFlags(db, cnMedium.id, "medium");
  await setOpenFlags(db, cnHigh.id, "high");
  // United States → Hong Kong: every flag resolved, so no open flag on the route.
  await setOpenFlags(db, hkClean.id, null);
  // Hong Kong → United States: low.
  await setOpenFlags(db, usLow.id, "low");
  // A draft to Singapore, critical: counted with the records awaiting review only.
  await setOpenFlags(db, sgDraft.id, "critical");
}

describeOnDatabases("dashboard map routes", (use) => {
  beforeAll(async () => {
    await buildRoutes(use().db);
  });

  it("aggregates the routes in SQL: transfers per origin and destination, worst open flag in the catalogue's order", async () => {
    const { db } = use();
    const routes = await countTransferFlows({ db, pending: "include" });
    expect(routes).toEqual([
      { origin: "US", destination: "CN", transfers: 2, worstOpenSeverity: "high" },
      { origin: "HK", destination: "US", transfers: 1, worstOpenSeverity: "low" },
      { origin: "US", destination: "HK", transfers: 1, worstOpenSeverity: null },
      { origin: "US", destination: "SG", transfers: 1, worstOpenSeverity: "critical" },
    ]);
    // The register of record leaves the draft's route out.
    expect((await countTransferFlows({ db, pending: "exclude" })).map((route) => route.destination)).toEqual(["CN", "US", "HK"]);
  });

  it("draws every route on the world map, coloured by its worst open flag, Hong Kong and Singapore included", async () => {
    const { db } = use();
    const world = projectedWorld();
    const layout = layoutFlowMap(await countTransferFlows({ db, pending: "include" }), world.anchor);
    expect(layout.unplaced).toEqual([]);
    // Drawn least worrying first, so the critical route is on top.
    expect(layout.arcs.map((arc) => [arc.key, arc.tone, arc.dashed])).toEqual([
      ["US-HK", "none", false],
      ["HK-US", "low", false],
      ["US-CN", "high", true],
      ["US-SG", "critical", true],
    ]);
    expect(layout.arcs.find((arc) => arc.key === "US-CN")!.strokeWidth).toBeGreaterThan(layout.arcs.find((arc) => arc.key === "US-HK")!.strokeWidth);
    expect(layout.points.map((point) => [point.code, point.tone])).toEqual([
      ["CN", "high"],
      ["HK", "low"],
      ["SG", "critical"],
      ["US", "critical"],
    ]);
  });

  it("projects the atlas: more than a hundred country shapes, each end where its country is", () => {
    const world = projectedWorld();
    expect(world.shapes.length).toBeGreaterThanOrEqual(100);
    expect(world.shapes.every((shape) => shape.d.startsWith("M"))).toBe(true);
    expect(world.shapes.filter((shape) => shape.code === "CN")).toHaveLength(1);
    const [usX, usY] = world.anchor("US")!;
    const [cnX, cnY] = world.anchor("CN")!;
    const [hkX, hkY] = world.anchor("HK")!;
    // The United States' point is its mainland (Alaska and Hawaii would pull it north-west, into Canada).
    expect(usX).toBeLessThan(cnX);
    expect(usY).toBeGreaterThan(world.height * 0.2);
    // Hong Kong: south-east of China's centre and close to it.
    expect(hkX).toBeGreaterThan(cnX);
    expect(hkY).toBeGreaterThan(cnY);
    expect(Math.hypot(hkX - cnX, hkY - cnY)).toBeLessThan(world.width / 10);
    for (const [x, y] of [world.anchor("US")!, world.anchor("SG")!, world.anchor("FR")!]) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(world.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(world.height);
    }
    expect(world.anchor("XK")).toBeDefined();
    expect(world.anchor("ZZ")).toBeUndefined();
  });
});
