import { expect, it } from "vitest";
import { appState } from "@/db/schema";
import { memoizeWhileUnchanged } from "@/lib/cache/snapshot-cache";
import { describeOnDatabases } from "./databases";

describeOnDatabases("memoising a read while the database is unchanged", (use) => {
  it("reuses the result until a write, and never stores a result computed while something was written", async () => {
    const { db } = use();
    const scope = `test|${crypto.randomUUID()}`;
    let computed = 0;
    const compute = async () => ++computed;

    expect(await memoizeWhileUnchanged(db, scope, compute)).toBe(1);
    expect(await memoizeWhileUnchanged(db, scope, compute)).toBe(1);

    await db.insert(appState).values({ key: `${scope}|write`, value: 1 });
    expect(await memoizeWhileUnchanged(db, scope, compute)).toBe(2);
    expect(await memoizeWhileUnchanged(db, scope, compute)).toBe(2);

    // After another write, a write that lands during the computation: the result is returned but not kept.
    await db.insert(appState).values({ key: `${scope}|second`, value: 1 });
    const racing = async () => {
      await db.insert(appState).values({ key: `${scope}|race${computed}`, value: 1 });
      return ++computed;
    };
    expect(await memoizeWhileUnchanged(db, scope, racing)).toBe(3);
    expect(await memoizeWhileUnchanged(db, scope, compute)).toBe(4);
    expect(await memoizeWhileUnchanged(db, scope, compute)).toBe(4);
  });
});
