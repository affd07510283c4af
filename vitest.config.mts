import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/*
 * Three groups, each a vitest project (`npx vitest run --project unit`, or npm run test:unit and the like);
 * `npx vitest run` (npm test, CI) runs all three:
 *   unit         pure functions of lib/ (rules, jurisdictions, dates): no database, seconds.
 *   integration  tests/ and db/: every suite on an in-memory PGlite and on PostgreSQL.
 *   slow         the integration files that took longest in a full run (reports/vitest.json, per-file wall
 *                time, 2026-12-03: 35-105 s each, about 60 % of the database suites' time together): they
 *                run CLIs in child processes, hold the PGlite folder lock across processes, seed the demo
 *                company, import a 10,000-row file, hash passwords with bcrypt, or build many register fixtures.
 */
const SLOW = [
  "tests/audit-cli.test.ts",
  "tests/folder-lock.test.ts",
  "tests/persistence.test.ts",
  "tests/import.test.ts",
  "tests/registers-more.test.ts",
  "tests/exports-reports.test.ts",
  // Every PDF export of the demo through pdfinfo, pdffonts and pdftotext (70 s).
  "tests/exports-pdf.test.ts",
  // Creates new PGlite folders in child processes and measures their memory (15–40 s under load).
  "tests/pglite-folder-init.test.ts",
  "tests/users-tokens.test.ts",
  // Two app processes on one PostgreSQL database (child processes, 25 s).
  "tests/two-instances.test.ts",
  // Signs in and changes passwords many times with bcrypt on both databases (70 s).
  "tests/auth-sessions.test.ts",
  // The demo seed's own test (moving from db/seed/ to tests/).
  "{tests,db}/**/seed.test.ts",
];

const DATABASE_SUITES = {
  // Decides once whether PostgreSQL is reachable (tests/global-setup.ts); the unit group never needs it.
  globalSetup: ["./tests/global-setup.ts"],
};

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside a React Server Components bundle; tests import query modules directly.
      "server-only": fileURLToPath(new URL("./tests/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite instances are memory-hungry wasm; two workers fit the 2-core machine (for all groups together).
    maxWorkers: 2,
    // Verbose: the log shows each suite running on "[pglite]" and on "[postgres]".
    reporters: ["verbose", "json"],
    // Read by scripts/test-summary.mjs for the closing "N passed, N failed" line of npm test.
    outputFile: { json: "reports/vitest.json" },
    projects: [
      { extends: true, test: { name: "unit", include: ["lib/**/*.test.ts"] } },
      {
        extends: true,
        test: { name: "integration", include: ["tests/**/*.test.ts", "db/**/*.test.ts"], exclude: ["**/node_modules/**", ...SLOW], ...DATABASE_SUITES },
      },
      { extends: true, test: { name: "slow", include: SLOW, ...DATABASE_SUITES } },
    ],
  },
});
