// ESLint for the whole tree, configured once (flat config). `npm run lint` (scripts/lint.sh, which
// .ci/run calls) runs it after the Prettier check. Formatting is Prettier's job: no style rules here.
// - Server code (apps, libs, transcoder, e2e, bench): typescript-eslint's recommended rules.
// - The web app (web/): Next.js's rules (eslint-config-next: core web vitals, React, hooks, a11y)
//   with typescript-eslint's recommended rules.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// Rules set to "warn" fire in many places in code other work owns; each says why. Warnings print but
// do not fail `npm run lint`; errors do.
const anyIsAWarning = {
  // ~150 places, almost all in tests, e2e and benches that read untyped JSON or browser globals
  // (page.evaluate, window.__wetube*), plus Nest's request objects (identity's requestOf) and a mixin
  // constructor type: typing them is its own change, so `any` is a warning, not an error.
  '@typescript-eslint/no-explicit-any': 'warn',
};
const unusedVars = ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }];
// A `let` a closure reads before its one assignment (seeder main's reporter) must stay a `let`.
const preferConst = ['error', { ignoreReadBeforeAssign: true }];

const web = (configs) => configs.map((c) => (c.ignores && !c.files ? c : { ...c, files: ['web/**/*.{ts,tsx,js,jsx,mjs}'] }));

export default defineConfig([
  globalIgnores(['**/node_modules/', 'dist/', 'artifacts/', 'storage/', 'data/', 'web/.next/', 'web/out/', 'web/next-env.d.ts']),

  {
    name: 'wetube/server',
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'transcoder/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      ...anyIsAWarning,
      // `_`-prefixed names are unused on purpose (a parameter an interface requires, a destructured rest).
      '@typescript-eslint/no-unused-vars': unusedVars,
      'prefer-const': preferConst,
    },
  },

  ...web(nextVitals),
  ...web(nextTypescript),
  {
    name: 'wetube/web',
    files: ['web/**/*.{ts,tsx}'],
    settings: { next: { rootDir: 'web' } },
    rules: {
      ...anyIsAWarning,
      '@typescript-eslint/no-unused-vars': unusedVars,
      'prefer-const': preferConst,
      // React Compiler rules new in eslint-plugin-react-hooks 7. They fire on the pages' load-on-mount
      // pattern (an effect that sets "loading" and then fetches: 18 places in 16 files, the player
      // among them) and on refs read during render (the player, its ad overlay, the studio row, the
      // upload hook). Moving those to a data hook or to state is a change of its own in files other
      // work owns, so they warn until then; the classic hooks rules (rules-of-hooks) stay errors.
      'react-hooks/set-state-in-effect': 'warn',
      'react-hooks/refs': 'warn',
    },
  },

  {
    name: 'wetube/scripts',
    files: ['**/*.{js,mjs,cjs}'],
    ignores: ['web/**'],
    extends: [tseslint.configs.recommended],
  },
]);
