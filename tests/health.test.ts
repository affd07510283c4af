import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { latestMigrationTag } from "@/db/migrate";
import { createTestDatabase } from "./databases";

const global = globalThis as unknown as { __governanceDb?: DatabaseHandle };
const opened: DatabaseHandle[] = [];

afterAll(async () => {
  global.__governanceDb = undefined;
  for (const handle of opened) await handle.close().catch(() => undefined);
});

async function health() {
  const { GET } = await import("../app/api/health/route");
  return GET(new Request("http://localhost:3000/api/health"), { params: Promise.resolve({}) });
}

describe("GET /api/health", () => {
  it("reports the driver and the latest migration", async () => {
    global.__governanceDb = await createTestDatabase("pglite");
    opened.push(global.__governanceDb);
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "pglite", migration: latestMigrationTag() });
  });

  it("answers 503 with a reason when the database is unreachable", async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    global.__governanceDb = openDatabase({ driver: "postgres", url: "postgres://postgres@127.0.0.1:1/none" });
    opened.push(global.__governanceDb);
    const response = await health();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.status).toBe("unavailable");
    expect(body.reason).toMatch(/database unreachable/);
  });
});
