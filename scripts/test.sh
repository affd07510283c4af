#!/usr/bin/env bash
# npm test: every test of the project, from a clean state. Used as-is by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  # Playwright cannot download its own browser here: the end-to-end tests use Debian's Chromium.
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "[test] installing Debian chromium for the end-to-end tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "[test] Chromium is missing at $CHROMIUM. Install it first:  sudo apt-get install -y chromium" >&2
    echo "       (or set CHROMIUM_PATH to a Chromium/Chrome binary)" >&2
    exit 1
  fi
fi

rm -rf reports

echo "[test] type check"
npx tsc --noEmit

# One run of the three vitest groups (vitest.config.mts: unit, integration, slow), so that
# reports/vitest.json counts them all; `npm run test:unit` and the like run one group.
echo "[test] unit, integration and slow tests (vitest)"
npx vitest run

echo "[test] production build for the end-to-end tests"
NEXT_DIST_DIR=.next-e2e npx next build

# Each Playwright worker starts its own server on this build, with its own data folder (e2e/fixtures.ts).
echo "[test] end-to-end tests (Playwright, Chromium)"
npx playwright test

node scripts/test-summary.mjs
