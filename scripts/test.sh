#!/usr/bin/env bash
# The one test command (`npm test`, also what CI runs): installs what a fresh machine lacks, then
# lint, tsc, unit, integration (real sandbox over HTTP, real keychain) and end-to-end (real Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
step() { printf '\n== %s (%ss)\n' "$1" "$(( $(date +%s) - started ))"; }

step "system packages"
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v gnome-keyring-daemon >/dev/null || missing+=(gnome-keyring)
command -v dbus-run-session >/dev/null || missing+=(dbus)
command -v openssl >/dev/null || missing+=(openssl)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "installing ${missing[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif command -v apt-get >/dev/null && command -v sudo >/dev/null; then
    echo "installing ${missing[*]} with sudo apt-get"
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "npm test needs these programs: ${missing[*]}. On Debian/Ubuntu: apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
fi
echo "chromium, gnome-keyring, dbus, openssl, curl: present"

step "npm packages"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  echo "node_modules is up to date"
fi

step "lint (Prettier layout, ESLint, then knip: dead files, exports, dependencies)"
npx prettier --check . >/dev/null || { npx prettier --list-different .; echo "These files are not laid out by Prettier: run npm run format" >&2; exit 1; }
npx eslint --max-warnings 0 .
npx knip
step "typecheck"
npm run -s typecheck
step "build renderer"
npx vite build --logLevel warn

mkdir -p test-results
step "unit + integration tests (real sandbox, real keychain)"
scripts/with-keyring.sh npx vitest run --reporter=default --reporter=json --outputFile=test-results/vitest.json
step "end-to-end tests (Chromium against the web host)"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json scripts/with-keyring.sh npx playwright test --reporter=list,json

step "summary"
node scripts/test-summary.mjs test-results/vitest.json test-results/playwright.json
