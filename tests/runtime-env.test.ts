import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isDemoMode as appIsDemoMode } from "@/lib/env";
import { isDemoMode, listenHost, nextStartArgs, startLine, withHeapLimit, withRuntimeDefaults } from "../scripts/runtime-env.mjs";

/*
 * Issue 14, item 7: with demo mode on (its accounts' passwords are published), `npm start` listens on 127.0.0.1
 * unless HOST says otherwise; the start line says where it listens.
 */

const root = fs.mkdtempSync(path.join(os.tmpdir(), "governance-runtime-env-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const SECRET = "x".repeat(44);
const POSTGRES = "postgres://postgres@127.0.0.1:5432/governance";

describe("npm start's listening address", () => {
  it("is 127.0.0.1 in demo mode: the embedded database's default, or DEMO=1 on PostgreSQL", () => {
    expect(listenHost({})).toBe("127.0.0.1");
    expect(listenHost({ DEMO: "1", DATABASE_URL: POSTGRES })).toBe("127.0.0.1");
    expect(listenHost({ DEMO: "true" })).toBe("127.0.0.1");
  });

  it("is every interface outside demo mode, as Next.js's own default", () => {
    expect(listenHost({ DATABASE_URL: POSTGRES })).toBe("0.0.0.0");
    expect(listenHost({ DEMO: "0" })).toBe("0.0.0.0");
    expect(listenHost({ DEMO: "off", DATABASE_URL: POSTGRES })).toBe("0.0.0.0");
  });

  it("is HOST whenever HOST is set, demo or not", () => {
    expect(listenHost({ HOST: "0.0.0.0" })).toBe("0.0.0.0");
    expect(listenHost({ HOST: "10.0.0.5", DATABASE_URL: POSTGRES })).toBe("10.0.0.5");
    expect(listenHost({ HOST: "::1", DEMO: "1" })).toBe("::1");
    // An empty HOST= (a blank line in an env file) is not a choice.
    expect(listenHost({ HOST: "" })).toBe("127.0.0.1");
  });

  it("reaches `next start -H` through the runtime defaults, and the start line says it", () => {
    const demo = withRuntimeDefaults({ PGLITE_DIR: path.join(root, "pglite"), PORT: "3210" });
    expect(demo.HOST).toBe("127.0.0.1");
    expect(nextStartArgs(demo)).toEqual(["start", "-p", "3210", "-H", "127.0.0.1"]);
    expect(startLine(demo)).toBe(
      `[start] http://localhost:3210 · listening on 127.0.0.1 only (demo mode: set HOST=0.0.0.0 to accept other machines) · database: embedded PGlite in ${path.join(root, "pglite")}`,
    );

    const production = withRuntimeDefaults({ DATABASE_URL: POSTGRES, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "https://privacy.example.com" });
    expect(nextStartArgs(production)).toEqual(["start", "-p", "3000", "-H", "0.0.0.0"]);
    expect(startLine(production)).toBe("[start] https://privacy.example.com · listening on every interface (0.0.0.0) · database: PostgreSQL (DATABASE_URL)");

    const opened = withRuntimeDefaults({ PGLITE_DIR: path.join(root, "pglite"), HOST: "0.0.0.0" });
    expect(nextStartArgs(opened)).toContain("0.0.0.0");
    expect(startLine(opened)).toContain("listening on every interface (0.0.0.0)");
  });

  it("caps V8's old space at 1 GB unless the operator set a limit (issue 14: RSS under the import attack)", () => {
    const started = withRuntimeDefaults({ PGLITE_DIR: path.join(root, "pglite") });
    expect(started.NODE_OPTIONS).toBe("--max-old-space-size=1024");
    expect(withHeapLimit("--enable-source-maps")).toBe("--enable-source-maps --max-old-space-size=1024");
    expect(withHeapLimit("--max-old-space-size=4096")).toBe("--max-old-space-size=4096");
    expect(withHeapLimit("--inspect --max-old-space-size 2048")).toBe("--inspect --max-old-space-size 2048");
  });

  it("decides demo mode exactly as the app does (lib/env.ts)", () => {
    for (const DEMO of [undefined, "", "1", "0", "true", "false", "yes", "no", "on", "off", "OFF", "anything"]) {
      for (const DATABASE_URL of [undefined, "", POSTGRES]) {
        const env: NodeJS.ProcessEnv = { NODE_ENV: "test", DEMO, DATABASE_URL };
        expect(isDemoMode(env), JSON.stringify(env)).toBe(appIsDemoMode(env));
      }
    }
  });
});
