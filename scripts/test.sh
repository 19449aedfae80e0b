#!/usr/bin/env bash
# The whole test suite: unit + integration (SQLite always; PostgreSQL/Redis when DATABASE_URL /
# REDIS_URL are set) and the browser e2e. Ends with node's test runner summary.
set -euo pipefail
cd "$(dirname "$0")/.."
# What the suite needs: the npm packages and ffmpeg (as `npm start`), then the browser, the VAST
# schema check, and the NAT lab's router (iptables) and STUN/TURN server (coturn).
bash scripts/install.sh
# shellcheck source=scripts/debian-packages.sh
. scripts/debian-packages.sh
ensure_debian_packages "the test suite (browser e2e, VAST schema, NAT lab)" \
  chromium:chromium xmllint:libxml2-utils iptables:iptables turnserver:coturn curl:curl \
  || echo "wetube: continuing without them: the tests that need them fail at once, naming what is missing" >&2
npm run --silent build:server
if [ "${WETUBE_SKIP_WEB_BUILD:-}" != "1" ]; then npm run --silent build:web; touch dist/.wetube-built; fi
mapfile -t specs < <(find dist -name '*.spec.js' -not -path '*/node_modules/*' | sort)
mapfile -t e2es < <(find dist/e2e -name '*.e2e.js' 2>/dev/null | sort)
if [ -n "${WETUBE_TEST_ONLY:-}" ]; then
  mapfile -t specs < <(printf '%s\n' "${specs[@]}" "${e2es[@]}" | grep -E "$WETUBE_TEST_ONLY"); e2es=()
fi
mkdir -p artifacts
tap=artifacts/test-results.tap
status=0
node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap" "${specs[@]}" "${e2es[@]}" || status=$?
pass=$(grep -E '^# pass [0-9]+' "$tap" | tail -1 | awk '{print $3}')
fail=$(grep -E '^# fail [0-9]+' "$tap" | tail -1 | awk '{print $3}')
cancelled=$(grep -E '^# cancelled [0-9]+' "$tap" | tail -1 | awk '{print $3}')
fail=$(( ${fail:-0} + ${cancelled:-0} ))  # a test cancelled by a failed hook did not pass
skip=$(grep -E '^# skipped [0-9]+' "$tap" | tail -1 | awk '{print $3}')
echo "${pass:-0} passed, ${fail:-0} failed, ${skip:-0} skipped"
exit $status
