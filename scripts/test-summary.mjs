// Prints the totals of npm test's two runners, ending with one "N passed, N failed" line.
import fs from "node:fs";

const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null);
const vitest = read("reports/vitest.json");
const playwright = read("reports/playwright.json");

const unit = { passed: vitest?.numPassedTests ?? 0, failed: vitest?.numFailedTests ?? 0, skipped: (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) };
const stats = playwright?.stats ?? {};
const e2e = { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0, skipped: stats.skipped ?? 0 };

console.log(`vitest (unit, integration, slow): ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);
console.log(`playwright (end-to-end): ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
console.log(`total: ${unit.passed + e2e.passed} passed, ${unit.failed + e2e.failed} failed`);
