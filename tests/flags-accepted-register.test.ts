import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { flags } from "@/db/schema";
import { factParts, messageParts } from "@/components/flags/format";
import { flagListRow } from "@/lib/api/contracts/flags";
import { isAcceptanceExpired, listFlagRegister } from "@/lib/flags/register";
import { createApiToken, createUser } from "@/lib/users/service";
import * as flagCollection from "../app/api/v1/flags/route";
import { describeOnDatabases } from "./databases";
import { TEST_ACTOR, makeProcessor, makeTransfer } from "./factories";

/*
 * Issue 16: the flags register's Accepted tab says who accepted each risk, why and until when, and that the
 * acceptance has expired once its end date has passed (the flag reopens at the next evaluation of the dates).
 * The register's list row (GET /api/v1/flags, the page's query cache) gains `acceptanceExpired`; every field it
 * had stays. Its search finds rules by their French title too.
 */

const TODAY = "2026-11-24";
const globalDb = globalThis as unknown as { __governanceDb?: DatabaseHandle };

describe("an acceptance's end", () => {
  it("has passed the day after the end date, not on it; only an accepted flag's counts", () => {
    expect(isAcceptanceExpired({ status: "accepted", acceptedUntil: "2026-11-23" }, TODAY)).toBe(true);
    expect(isAcceptanceExpired({ status: "accepted", acceptedUntil: TODAY }, TODAY)).toBe(false);
    expect(isAcceptanceExpired({ status: "accepted", acceptedUntil: null }, TODAY)).toBe(false);
    // A flag reopened or resolved since keeps its old acceptance's date: it is not an expired acceptance.
    expect(isAcceptanceExpired({ status: "open", acceptedUntil: "2026-01-01" }, TODAY)).toBe(false);
    expect(isAcceptanceExpired({ status: "resolved", acceptedUntil: "2026-01-01" }, TODAY)).toBe(false);
  });
});

describe("a flag's facts and message as a person reads them", () => {
  const words = { yes: "yes", no: "no", none: "none", notCarried: "not carried" };

  it("names the values of a label kind, in the reader's language", () => {
    expect(factParts("mechanism", "scc", "en", words)).toEqual([{ text: "SCCs" }]);
    expect(factParts("mechanism", "scc", "fr", words)[0]!.text).toMatch(/clauses contractuelles types/i);
    expect(factParts("categories", ["covered_identifier", "biometric"], "en", words).map((part) => part.text).join("")).not.toMatch(/_/);
    expect(factParts("unit.biometric", "people", "fr", words)).toEqual([{ text: "Personnes" }]);
  });

  it("shows identifiers as code, and numbers, booleans, dates and empty lists in words", () => {
    expect(factParts("categoryKeys", ["user.biometric.fingerprint"], "en", words)).toEqual([{ text: "user.biometric.fingerprint", code: true }]);
    expect(factParts("count", 12_345, "fr", words)[0]!.text).toMatch(/^12\s345$/);
    expect(factParts("sensitive", false, "en", words)).toEqual([{ text: "no" }]);
    expect(factParts("expiryDate", "2026-03-17", "fr", words)).toEqual([{ text: "17 mars 2026" }]);
    expect(factParts("transferIds", [], "en", words)).toEqual([{ text: "none" }]);
    expect(factParts("exporterSensitiveTier", "not_carried", "en", words)).toEqual([{ text: "not carried" }]);
    // An unknown word stays text: only what looks like an identifier becomes code.
    expect(factParts("requiredInstrument", "processing agreement", "en", words)).toEqual([{ text: "processing agreement" }]);
  });

  it("marks the category keys a message quotes as code, and nothing else", () => {
    expect(messageParts("Government-related data (user.location.government_site) to CN: 1 person")).toEqual([
      { text: "Government-related data (" },
      { text: "user.location.government_site", code: true },
      { text: ") to CN: 1 person" },
    ]);
    expect(messageParts("Data sent to Acme without encryption in transit")).toEqual([{ text: "Data sent to Acme without encryption in transit" }]);
  });
});

describeOnDatabases("the Accepted tab of the flags register", (use) => {
  let token = "";
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    globalDb.__governanceDb = use();
    const { db } = use();
    const ctx = { db, actor: TEST_ACTOR, today: TODAY };
    const { record: dpo } = await createUser({ ctx, input: { email: "dpo@accepted-register.test", name: "Dana Accepting", role: "dpo" } });
    token = (await createApiToken({ ctx, input: { userId: dpo.id, name: "tests" } })).token;
    const processor = await makeProcessor(db, { name: "Ocelot Analytics" });
    const { transfer } = await makeTransfer(db, { today: TODAY, processorId: processor.id, encryptionInTransit: "none", encryptionAtRest: "none" });
    const accept = async (ruleId: string, acceptedUntil: string, justification: string) => {
      const [row] = await db
        .update(flags)
        .set({ status: "accepted", acceptedUntil, acceptanceJustification: justification, acceptedByUserId: dpo.id, acceptedAt: new Date("2026-09-01T10:00:00Z") })
        .where(and(eq(flags.subjectId, transfer.id), eq(flags.ruleId, ruleId)))
        .returning();
      return row!.id;
    };
    // One acceptance ran out yesterday (the hourly evaluation has not reopened it yet), one runs until spring.
    ids.expired = await accept("transfer.no-encryption-in-transit", "2026-11-23", "Gateway upgrade planned for October.");
    ids.current = await accept("transfer.no-encryption-at-rest", "2027-03-01", "Storage migration to encrypted volumes in Q1.");
  });

  afterAll(() => {
    globalDb.__governanceDb = undefined;
  });

  it("names who accepted each risk, why and until when, and which acceptance has expired", async () => {
    const page = await listFlagRegister({ db: use().db, page: 1, pageSize: 20, status: "accepted", today: TODAY });
    const byId = new Map(page.rows.map((row) => [row.id, row]));
    expect(byId.get(ids.expired!)).toMatchObject({
      acceptedByName: "Dana Accepting",
      acceptanceJustification: "Gateway upgrade planned for October.",
      acceptedUntil: "2026-11-23",
      acceptanceExpired: true,
    });
    expect(byId.get(ids.current!)).toMatchObject({ acceptedByName: "Dana Accepting", acceptedUntil: "2027-03-01", acceptanceExpired: false });
    // The open flags of the same transfer: nothing accepted, nothing expired.
    const open = await listFlagRegister({ db: use().db, page: 1, pageSize: 20, status: "open", today: TODAY });
    expect(open.rows.length).toBeGreaterThan(0);
    expect(open.rows.every((row) => row.acceptanceExpired === false)).toBe(true);
  });

  it("answers the new field through the API beside every field it had, as the contract describes", async () => {
    const response = await (flagCollection.GET as unknown as (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>)(
      new Request("http://localhost:3000/api/v1/flags?status=accepted", { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: Record<string, unknown>[] };
    expect(body.data).toHaveLength(2);
    for (const row of body.data) {
      expect(flagListRow.strict().parse(row)).toEqual(row);
      expect(row).toMatchObject({ ruleTitle: expect.any(String), acceptedByName: "Dana Accepting", acceptanceExpired: expect.any(Boolean) });
    }
  });

  it("finds rules by their French title as well as their English one", async () => {
    const search = (q: string) => listFlagRegister({ db: use().db, page: 1, pageSize: 20, q, today: TODAY });
    const french = await search("chiffrement en transit");
    expect(french.rows.map((row) => row.ruleId)).toEqual(["transfer.no-encryption-in-transit"]);
    expect((await search("encryption in transit")).rows.map((row) => row.ruleId)).toEqual(["transfer.no-encryption-in-transit"]);
    expect((await search("aucune règle ne porte ce titre")).total).toBe(0);
  });
});
