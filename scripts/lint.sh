#!/usr/bin/env bash
# The code's habits, checked as CI checks them: the tree is formatted by Prettier (.prettierrc.json;
# `npm run format` rewrites it), ESLint (eslint.config.mjs: typescript-eslint for the server,
# Next.js's rules for web/) finds no errors (warnings are printed and do not fail), and the generated
# GraphQL types match the schema (`npm run codegen`).
set -euo pipefail
cd "$(dirname "$0")/.."
npx --no-install prettier --check --log-level warn . || {
  echo "lint: the files above are not formatted; run \`npm run format\`" >&2
  exit 1
}
echo "lint: formatting ok"
npx --no-install eslint --cache --cache-location node_modules/.cache/eslint/ . || {
  echo "lint: ESLint found the errors above (eslint.config.mjs)" >&2
  exit 1
}
echo "lint: eslint ok"
bash scripts/codegen-check.sh
