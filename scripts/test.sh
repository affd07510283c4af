#!/usr/bin/env bash
# npm test: every test of the project, from a clean state. Used as-is by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

# Machine packages the tests use: Debian's Chromium for the end-to-end tests (Playwright cannot download its own
# browser here) and LibreOffice Calc, which opens the CSV exports as a spreadsheet user would (formula checks).
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
command -v soffice >/dev/null || [ -x /usr/lib/libreoffice/program/soffice ] || missing+=(libreoffice-calc-nogui)
# poppler-utils: pdfinfo, pdftotext and pdffonts read every PDF export back (tagged, titled, no word cut).
command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null && command -v pdffonts >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "[test] installing ${missing[*]} (Debian packages) for the tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "[test] Missing: ${missing[*]}. Install first:  sudo apt-get install -y ${missing[*]}" >&2
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
