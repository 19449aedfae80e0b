/**
 * GraphQL Code Generator (client preset): typed documents for the web from the api's schema.
 *
 * The schema is apps/api/schema.gql (the api writes it at start outside production). Documents are
 * the `graphql(`…`)` calls in web/ (imported from '@/lib/gql'); the output in web/lib/gql/ is
 * checked in, so the web build needs no generation step. `npm run codegen` rewrites it;
 * `npm run codegen:check` (scripts/lint.sh) fails when it is not what the schema and documents give.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

/** scripts/codegen-check.sh generates into a scratch folder and compares. */
const out = process.env.WETUBE_CODEGEN_OUT ?? 'web/lib/gql/';

const config: CodegenConfig = {
  schema: 'apps/api/schema.gql',
  documents: ['web/**/*.{ts,tsx}', '!web/lib/gql/**', '!web/node_modules/**', '!web/.next/**'],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: { gqlTagName: 'graphql', fragmentMasking: false },
      config: {
        // Documents are strings (TypedDocumentString): the browser sends them as they are, no graphql-js.
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
        scalars: { Amount: 'string', DateTime: 'string' },
      },
    },
  },
  hooks: { afterAllFileWrite: ['prettier --write --log-level warn'] },
};

export default config;
