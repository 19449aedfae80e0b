#!/usr/bin/env bash
# The code's habits, checked as CI checks them: the tree is formatted by Prettier (.prettierrc.json;
# `npm run format` rewrites it), and the generated GraphQL types match the schema (`npm run codegen`).
set -euo pipefail
cd "$(dirname "$0")/.."
npx --no-install prettier --check --log-level warn . || {
  echo "lint: the files above are not formatted; run \`npm run format\`" >&2
  exit 1
}
echo "lint: formatting ok"
bash scripts/codegen-check.sh
