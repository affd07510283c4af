import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/*
 * Three groups, each a vitest project (`npx vitest run --project unit`, or npm run test:unit and the like);
 * `npx vitest run` (npm test, CI) runs all three:
 *   unit         pure functions of lib/ (rules, jurisdictions, dates): no database, seconds.
 *   integration  tests/ and db/: every suite on an in-memory PGlite and on PostgreSQL.
 *   slow         the integration files that seed the whole demo company, or fill a register at bench
 *                scale, several times over (the longest files of a full run's reports/vitest.json).
 */
const SLOW = [
  "tests/seed.test.ts",
  "tests/exports-demo-bytes.test.ts",
  "tests/exports-reports.test.ts",
  "tests/exports-ropa.test.ts",
  "tests/parallel-evaluation.test.ts",
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
