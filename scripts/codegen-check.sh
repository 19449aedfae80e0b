#!/usr/bin/env bash
# The generated GraphQL types (web/lib/gql) are what apps/api/schema.gql and the web's documents
# give: generates them into a scratch folder and compares. Fails with the difference otherwise
# (fix: `npm run codegen` and commit web/lib/gql).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=".codegen-check"
rm -rf "$scratch"
trap 'rm -rf "$scratch"' EXIT
WETUBE_CODEGEN_OUT="$scratch/" npx --no-install graphql-codegen --config codegen.ts --silent
# The config's Prettier hook skips git-ignored paths such as the scratch folder: format it here.
npx --no-install prettier --write --log-level warn --ignore-path .prettierignore "$scratch"
if ! diff -ru web/lib/gql "$scratch"; then
  echo "codegen: web/lib/gql is not what the schema and documents give; run \`npm run codegen\` and commit it" >&2
  exit 1
fi
echo "codegen: web/lib/gql matches apps/api/schema.gql and the documents"
