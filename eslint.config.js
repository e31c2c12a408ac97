// Strict typescript-eslint everywhere; boundaries are enforced here, not by convention.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const electronIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Only electron/ipc.ts and electron/preload.ts touch ipcMain/ipcRenderer.',
};

// electron/backend/ is grouped by domain (store/, vault/, net/, fire/, ...): each folder's index.ts
// is its only entry from outside it, so a folder's other files can change without a caller noticing.
const domainEntry = {
  regex: '(^|/)backend/[^/]+/(?!index$)[^/]+$',
  message: "Import a backend domain through its folder's index.ts (e.g. backend/store/index).",
};
// The same rule seen from inside electron/backend/: a domain's file reaching '../store/store', or a
// top-level file (index.ts, handlers.ts, context.ts) reaching './store/store', goes past the index.
const insideMessage = "Import another backend domain through its folder's index.ts (e.g. ../store/index).";
const fromDomain = { regex: '^\\.\\./[^./][^/]*/(?!index$)[^/]+$', message: insideMessage };
const fromTop = { regex: '^\\./[^./][^/]*/(?!index$)[^/]+$', message: insideMessage };
// The sandbox is a peer of the backend, not a library of it: the hosts start it and hand it in
// (shared/sandbox-peer.ts). Neither imports the other.
const noSandbox = {
  regex: '(^|/)sandbox(/|$)',
  message: 'The backend never imports the sandbox: the host starts it and hands it in (BackendOptions.startSandbox).',
};
const onlyShared = {
  regex: '^\\.\\./(?!regex-deadline$|\\.\\./shared/)',
  message:
    'The sandbox imports only shared/ (and the Node regex deadline): it is a peer of the backend, not part of it.',
};
const plainNode = { name: 'electron', message: 'Runs in plain Node: receive what you need as arguments.' };

const pageImports = {
  paths: [
    { name: 'electron', message: 'The page talks only through window.desk.' },
    { name: 'undici', message: 'The backend sends every request.' },
  ],
  patterns: [{ group: ['node:*', '**/electron/**'], message: 'The page talks only through window.desk.' }],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-electron/',
      'dist-cli/',
      'release/',
      'test-results/',
      'playwright-report/',
      'bin/*.mjs',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      'no-restricted-imports': ['error', { paths: [electronIpc], patterns: [domainEntry] }],
    },
  },
  {
    files: ['electron/ipc.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The backend, web host, sandbox and CLI run in plain Node: no electron at all.
    files: ['electron/backend/**', 'electron/web/**', 'electron/sandbox/**', 'electron/cli/**', 'shared/**', 'test/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [plainNode], patterns: [domainEntry] }],
    },
  },
  {
    files: ['electron/backend/*/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [plainNode], patterns: [fromDomain, noSandbox] }] },
  },
  {
    files: ['electron/backend/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [plainNode], patterns: [fromTop, noSandbox] }] },
  },
  {
    files: ['electron/sandbox/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [plainNode], patterns: [onlyShared] }] },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ is pure.' },
            { name: 'undici', message: 'shared/ is pure.' },
          ],
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'react-dom', 'react-dom/*'],
              message: 'shared/ is pure: no Node, no DOM.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    rules: { 'no-restricted-imports': ['error', pageImports] },
  },
  {
    // Components reach the backend only through the stores, which keep its replies as data.
    files: ['renderer/features/**', 'renderer/ui/**', 'renderer/App.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...pageImports,
          patterns: [
            ...pageImports.patterns,
            {
              group: ['**/bridge'],
              importNames: ['desk', 'request'],
              message: 'Call the backend through a store (renderer/stores/).',
            },
          ],
        },
      ],
    },
  },
  {
    // The handler tables: each entry is `async` so that it answers the contract's Promise (Handlers
    // in shared/api.ts) and a throw becomes a rejection, whether or not the service it calls awaits.
    files: ['electron/backend/handlers.ts', 'electron/backend/fire/watch.ts', 'electron/backend/chains/handlers.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  // Layout is Prettier's (checked by `npm run lint`); no ESLint rule argues with it.
  prettier,
);
