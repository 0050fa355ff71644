// ESLint over the page (www/), the end-to-end and cross-browser tests, the benchmark and the scripts: `npx eslint .` (scripts/test runs it).

import js from '@eslint/js';
import globals from 'globals';

const FILES = ['www/**/*.js', 'tests/e2e/**/*.mjs', 'tests/cross/**/*.mjs', 'bench/*.mjs', 'scripts/*.mjs', 'eslint.config.js'];

export default [
  { ignores: ['www/pkg/**', 'www/data/**', 'www/fixtures/**', 'target/**', 'node_modules/**'] },
  { files: FILES, ...js.configs.recommended },
  {
    files: FILES,
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      'no-unused-vars': ['error', { caughtErrors: 'none' }],
      'no-undef': 'error',
    },
  },
  { files: ['www/**/*.js', 'bench/bench.mjs'], languageOptions: { globals: globals.browser } },
  { files: ['www/worker.js'], languageOptions: { globals: globals.worker } },
  // A classic script (index.html runs it before the modules).
  { files: ['www/early.js'], languageOptions: { sourceType: 'script' } },
  // Node scripts whose page.evaluate callbacks run in the browser.
  { files: ['tests/e2e/**/*.mjs', 'tests/cross/**/*.mjs', 'bench/*.mjs', 'scripts/*.mjs', 'eslint.config.js'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
];
