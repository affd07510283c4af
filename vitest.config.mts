import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside a React Server Components bundle; tests import query modules directly.
      "server-only": fileURLToPath(new URL("./tests/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "tests/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./tests/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite instances are memory-hungry wasm; two workers fit the 2-core machine.
    maxWorkers: 2,
    // Verbose: the log shows each suite running on "[pglite]" and on "[postgres]".
    reporters: ["verbose", "json"],
    // Read by scripts/test-summary.mjs for the closing "N passed, N failed" line of npm test.
    outputFile: { json: "reports/vitest.json" },
  },
});
