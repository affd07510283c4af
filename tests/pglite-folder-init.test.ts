import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { initializeFolder } from "@/db/client";

/*
 * A new PGlite folder is made by a child process (db/client.ts, initializeFolder): PGlite's initdb runs two
 * more wasm instances beside the database, and in the server's own process it took the production server to
 * 822 MB on its first start and left it idling 80 MB higher than on a restart.
 */

const roots: string[] = [];

function tempDataDir(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "governance-init-"));
  roots.push(root);
  return path.join(root, "pglite");
}

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

/** Opens `dataDir` in a process of its own (tests/fixtures/open-new-folder.ts); its peak resident memory in MB. */
function peakOfOpening(dataDir: string): number {
  const child = spawnSync(process.execPath, ["--import", "tsx", "tests/fixtures/open-new-folder.ts", dataDir], { cwd: process.cwd(), encoding: "utf8" });
  expect(child.status, child.stderr).toBe(0);
  return (JSON.parse(child.stdout.trim().split("\n").pop()!) as { peakMb: number }).peakMb;
}

describe("PGlite folder initialisation", () => {
  it("makes a new folder in a child process, without initdb's memory in the opening one; an existing folder is left as it is", () => {
    const dataDir = tempDataDir();
    const first = peakOfOpening(dataDir);
    expect(fs.existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
    expect(initializeFolder(dataDir)).toBe("existing");
    const again = peakOfOpening(dataDir);
    // initdb in the opening process took it to about 750 MB (the database's wasm heap, a second PGlite's and
    // initdb's); opening the existing folder takes about 250 MB in this fixture.
    expect(first).toBeLessThan(again + 150);
  });
});
