import { beforeAll, expect, it } from "vitest";
import { listDataCategories } from "@/db/queries/categories-register";
import { listTransfers } from "@/db/queries/transfers";
import { describeOnDatabases } from "./databases";
import { makeEntity, makeActivity, makeProcessor, makeTransfer } from "./factories";

const TODAY = "2026-11-24";

describeOnDatabases("transfer register filters", (use) => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const { db } = use();
    const exporter = await makeEntity(db);
    const activity = await makeActivity(db, exporter.id);
    const processor = await makeProcessor(db);
    const base = { today: TODAY, exporterEntityId: exporter.id, activityId: activity.id, processorId: processor.id };
    ids.hkFace = (await makeTransfer(db, { ...base, destinationCountry: "HK", dataCategories: ["user.biometric.face"] })).transfer.id;
    ids.hkImei = (await makeTransfer(db, { ...base, destinationCountry: "HK", dataCategories: ["user.device.imei"] })).transfer.id;
    // Whichever reference category carries no sensitive classification at all.
    const [plain] = await listDataCategories({ db, sensitive: false });
    ids.cnPlain = (await makeTransfer(db, { ...base, destinationCountry: "CN", dataCategories: [plain!.key] })).transfer.id;
    ids.usDevice = (await makeTransfer(db, { ...base, destinationCountry: "US", dataCategories: ["user.device"] })).transfer.id;
  });

  async function idsOf(filters: Omit<Parameters<typeof listTransfers>[0], "db" | "page" | "pageSize">) {
    const { rows, total } = await listTransfers({ db: use().db, page: 1, pageSize: 50, ...filters });
    expect(total).toBe(rows.length);
    return rows.map((row) => row.id).sort();
  }

  it("matches a category and its descendants, not a sibling prefix", async () => {
    expect(await idsOf({ category: "user.device" })).toEqual([ids.hkImei, ids.usDevice].sort());
    expect(await idsOf({ category: "user.device.imei" })).toEqual([ids.hkImei]);
    expect(await idsOf({ category: "user.dev" })).toEqual([]);
  });

  it("keeps only transfers carrying a sensitive category, combined with the destination", async () => {
    expect(await idsOf({ sensitive: true, destination: "HK" })).toContain(ids.hkFace);
    expect(await idsOf({ sensitive: true })).not.toContain(ids.cnPlain);
    expect(await idsOf({ destination: "HK", category: "user.biometric" })).toEqual([ids.hkFace]);
  });

  it("filters on the worst open flag's severity", async () => {
    const critical = await idsOf({ severity: "critical" });
    const { rows } = await listTransfers({ db: use().db, page: 1, pageSize: 50 });
    const expected = rows.filter((row) => row.worstOpenFlagSeverity === "critical").map((row) => row.id).sort();
    expect(critical).toEqual(expected);
  });

  it("pages with a stable total", async () => {
    const first = await listTransfers({ db: use().db, page: 1, pageSize: 3 });
    const second = await listTransfers({ db: use().db, page: 2, pageSize: 3 });
    expect(first.total).toBe(4);
    expect(second.total).toBe(4);
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id)).size).toBe(4);
  });

  it("sorts by a whitelisted column with the id as a stable tiebreak", async () => {
    const { rows } = await listTransfers({ db: use().db, page: 1, pageSize: 50, sort: "destination", direction: "desc" });
    expect(rows.map((row) => row.destinationCountry)).toEqual(["US", "HK", "HK", "CN"]);
    const hk = rows.filter((row) => row.destinationCountry === "HK").map((row) => row.id);
    expect(hk).toEqual([...hk].sort().reverse());
    const byVolume = await listTransfers({ db: use().db, page: 1, pageSize: 50, sort: "volume", direction: "asc" });
    const again = await listTransfers({ db: use().db, page: 1, pageSize: 50, sort: "volume", direction: "asc" });
    expect(byVolume.rows.map((row) => row.id)).toEqual(again.rows.map((row) => row.id));
  });
});
