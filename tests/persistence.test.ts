import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { entities } from "@/db/schema";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "governance-persist-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("the embedded database folder", () => {
  it("keeps committed rows across a restart, and releases its lock on close", async () => {
    const dataDir = path.join(root, "pglite");
    const first = openDatabase({ driver: "pglite", dataDir });
    await runMigrations(first);
    await first.db.insert(entities).values({ name: "Survives restarts", country: "US", role: "controller" });
    await first.close();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);

    const second = openDatabase({ driver: "pglite", dataDir });
    await runMigrations(second);
    const rows = await second.db.select().from(entities).where(eq(entities.name, "Survives restarts"));
    expect(rows).toHaveLength(1);
    await second.close();
  });
});
