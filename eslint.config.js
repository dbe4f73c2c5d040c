// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The layering rule of design.md: who may import whom. Each layer lists what it must never
 * reach, with the reason the lint message gives.
 * @param {string[]} groups glob patterns that are off limits
 * @param {string} why the message shown when one is imported
 */
const forbid = (groups, why) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message: why }] }],
});

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'net',
  'http',
  'https',
  'stream',
  'url',
  'util',
  'worker_threads',
];

/**
 * Several forbidden groups (globs, or one regular expression), each with its own message.
 * @param {...({ group: string[], message: string } | { regex: string, message: string })} patterns
 */
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

/**
 * shared/ runs in the renderer, the main process and the server alike. Its packages are an
 * allow-list (as Signal Desktop keeps its own): a package not named here is an error, so a
 * dependency on the DOM, Node, Electron, React or Dexie cannot slip in through a new package.
 * @param {string[]} packages bare module names (with their subpaths) shared/ may import
 */
const sharedMayImportOnly = (packages) =>
  `^(?!(${packages.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(/|$))[^./]`;
const sharedPackages = ['zod', 'date-fns'];
const sharedLayers = ['**/renderer/**', '**/electron/**', '**/server/**'];
const sharedWhy =
  'shared/ is the pure layer: it runs in the renderer, main process and server alike, so it may import only its own modules and the packages on its allow-list in eslint.config.js (no DOM, Node, Electron, React, Dexie or another layer).';

const testAndBenchWhy =
  'test/ and bench/ do not import each other: what both need (finding Chromium, building and serving the web app) lives in tooling/, which imports neither.';

const rendererSandbox = {
  group: ['**/electron/**', '**/server/**', 'electron', ...nodeBuiltins],
  message:
    'renderer/ runs in a sandboxed page: it reaches the desktop only through window.fixline, never Electron, Node or the server code.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-results/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/documents/pdf/**'],
    rules: restrict(
      { group: sharedLayers, message: sharedWhy },
      {
        group: ['pdfkit', 'pdfkit/*', 'bwip-js', 'bwip-js/*'],
        message:
          'only shared/documents/pdf/ draws PDFs and barcodes: lay documents out as operations here, and draw them there.',
      },
      { regex: sharedMayImportOnly([...sharedPackages, 'pdfkit', 'bwip-js']), message: sharedWhy },
    ),
  },
  {
    // shared/documents/pdf/ is the one drawing implementation for main and the browser build's
    // worker, so it may use bwip-js's generic build (plain JavaScript: no canvas, no Buffer).
    // pdfkit stays out even here: its types pull in Node's, so the drawing code takes a
    // structural PdfCanvas that each platform fills with its own pdfkit build.
    files: ['shared/documents/pdf/**/*.ts'],
    rules: restrict(
      { group: sharedLayers, message: sharedWhy },
      { regex: sharedMayImportOnly([...sharedPackages, 'pdfkit', 'bwip-js']), message: sharedWhy },
      {
        // Every entry of pdfkit and bwip-js except bwip-js/generic.
        regex: '^(pdfkit|bwip-js(?!/generic$))(/.*)?$',
        message:
          'shared/documents/pdf/ runs in main and in a browser worker: import bwip-js/generic only, and take pdfkit as a PdfCanvas from the platform.',
      },
    ),
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict(rendererSandbox),
  },
  {
    // The station core owns the data (design.md): screens read and write through
    // useStationCore(), so a test or sync can hand them another database. Only core/ and db/
    // reach the database; a rule given again replaces the one above, so the sandbox is repeated.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/core/**', 'renderer/src/db/**'],
    rules: restrict(rendererSandbox, {
      group: ['**/db', '**/db/**', 'dexie', 'dexie/**', 'dexie-*', 'dexie-*/**'],
      message:
        'only renderer/src/core/ and db/ reach the database: read and write through useStationCore() (its commands and queries, useCoreQuery for live reads), and import record types from core/.',
    }),
  },
  {
    // The core is the data boundary under the screens (issue 10): what it needs (the claim
    // documents, the print queue) lives in core/ or shared/, so it never reaches up into a
    // screen's folder. The e2e test hook is exempt: it hands page scripts the screens' own flows.
    files: ['renderer/src/core/**/*.{ts,tsx}'],
    ignores: ['renderer/src/core/testHook.ts'],
    rules: restrict(rendererSandbox, {
      regex:
        '^(\\.\\./)+(backup|claim|hooks|intake|parts|queue|reports|settings|setup|shell|warehouse)(/|$)',
      message:
        'renderer/src/core/ sits under the screens: it imports no screen folder (claim/, hooks/, intake/, warehouse/ …); move what it needs into core/, or into shared/ when it is pure.',
    }),
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: forbid(
      ['**/renderer/**', '**/server/**', 'react', 'react-dom', 'dexie'],
      'electron/ is the main process and preload: it shares code with the renderer only through shared/.',
    ),
  },
  {
    // The preload runs beside the page with Electron's IPC in reach: it imports Electron and the
    // IPC contract (shared/ipc/), nothing else, so no other code can widen what the page reaches.
    files: ['electron/preload/**/*.ts'],
    rules: restrict({
      regex: '^(?!electron$|#shared/ipc/)',
      message:
        'the preload imports only electron and the IPC contract in shared/ipc/: everything the page may reach is declared there.',
    }),
  },
  {
    // Every IPC handler goes through electron/main/ipc.ts, which checks the sender and validates
    // input and output against the contract; a bare ipcMain.handle would skip all of that.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/ipc.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[object.name='ipcMain'][property.name=/^(handle|handleOnce|on|once)$/]",
          message:
            'Register IPC handlers only through createIpcRegistry (electron/main/ipc.ts): it checks the sender and validates input and output against the contract.',
        },
      ],
    },
  },
  {
    // The sync server runs on Node beside PostgreSQL; it shares the protocol, the merge and the
    // domain rules with the stations through shared/ only.
    files: ['server/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: forbid(
      ['**/renderer/**', '**/electron/**', 'electron', 'react', 'react-dom', 'dexie', 'dexie-*'],
      'server/ is the sync server: it shares code with the stations only through shared/, never renderer/ or electron/.',
    ),
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts', 'tooling/**/*.ts', '*.config.ts', '*.config.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['bench/**/*.ts'],
    rules: forbid(['**/test/**'], testAndBenchWhy),
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: forbid(['**/bench/**'], testAndBenchWhy),
  },
  {
    files: ['tooling/**/*.ts'],
    rules: forbid(['**/test/**', '**/bench/**'], testAndBenchWhy),
  },
);
