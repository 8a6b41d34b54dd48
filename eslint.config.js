import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { importLayers } from './scripts/lint/importLayers.js';

const domains = ['documents', 'generation', 'models', 'preferences', 'templates', 'desktop'];
const electronFolder = (name) => `electron/${name}/`;
const shells = ['electron/main', 'electron/server', 'electron/backend', 'electron/preload'];

/**
 * The layers, bottom up. On the main side: shared/ < core/, store/, gguf/, security/ < engine/
 * (host/ runs in its own process) < the domains < ipc/ < the shells (main, server, backend,
 * preload). In the renderer: shared/ < api/, i18n/, keyboard/, documentFormats/ < ui/ <
 * editor/ < panels/ < app/. Each layer names what it must not import.
 */
export const layers = [
  {
    name: 'app code',
    files: ['electron/', 'renderer/', 'shared/'],
    forbid: ['../'],
    why: 'it resolves outside the checkout (the ../shared/ beside it is provided material, which no installed app has)',
  },
  {
    name: 'main-side code',
    files: ['electron/'],
    except: ['electron/engine/host/'],
    forbid: ['electron/engine/host/'],
    why: 'the model host runs in its own process; main starts it by path (engine/supervisor/)',
  },
  {
    name: 'the model host (electron/engine/host/)',
    files: ['electron/engine/host/'],
    forbid: ['electron/'],
    allow: [
      'electron/engine/host/',
      'electron/engine/protocol',
      'electron/engine/memoryEstimate',
      'electron/engine/promptAssembly',
      'electron/engine/nodeLlamaCpp',
      'electron/gguf/',
    ],
    why: 'the host process loads only its own code, the protocol, the estimator, prompt assembly and the GGUF checks',
  },
  {
    name: 'main-side code',
    files: ['electron/'],
    except: ['electron/engine/host/', 'electron/engine/nodeLlamaCpp'],
    forbidPackages: ['node-llama-cpp'],
    why: 'main reaches node-llama-cpp only through engine/nodeLlamaCpp.ts; the model runs in the host',
  },
  {
    name: 'electron/core/',
    files: ['electron/core/'],
    forbid: ['electron/'],
    allow: ['electron/core/'],
    why: 'core is the floor every domain stands on',
  },
  {
    name: 'the libraries (store/, gguf/, security/, logging/)',
    files: ['electron/store/', 'electron/gguf/', 'electron/security/', 'electron/logging/'],
    forbid: ['electron/'],
    allow: ['electron/store/', 'electron/gguf/', 'electron/security/', 'electron/logging/'],
    why: 'they know nothing of the domains, the engine or the transports',
  },
  {
    name: 'the engine (electron/engine/)',
    files: ['electron/engine/'],
    forbid: ['electron/ipc/', ...domains.map(electronFolder), ...shells],
    why: 'the engine sits below the domains that use it',
  },
  {
    name: 'a domain',
    files: domains.map(electronFolder),
    forbid: ['electron/ipc/', ...shells],
    why: 'domains declare handlers (core/handler.ts); ipc/ only adapts transports to the router',
  },
  {
    name: 'a lower domain (documents, models, preferences, desktop)',
    files: ['documents', 'models', 'preferences', 'desktop'].map(electronFolder),
    forbid: ['electron/generation/', 'electron/templates/'],
    why: 'generation builds on documents and models, templates on generation',
  },
  {
    name: 'electron/generation/',
    files: ['electron/generation/'],
    forbid: ['electron/templates/'],
    why: 'templates start generations, not the reverse',
  },
  {
    name: 'electron/ipc/',
    files: ['electron/ipc/'],
    forbid: ['electron/'],
    allow: ['electron/ipc/', 'electron/core/'],
    why: 'ipc/ only adapts transports (Electron IPC, WebSocket) to the router',
  },
  {
    name: 'renderer/ui/',
    files: ['renderer/ui/'],
    forbid: ['renderer/editor/', 'renderer/panels/', 'renderer/app/'],
    why: 'ui/ is the floor that the editor, the panels and the app stand on',
  },
  {
    name: 'the renderer libraries (api/, i18n/, keyboard/, documentFormats/)',
    files: ['renderer/api/', 'renderer/i18n/', 'renderer/keyboard/', 'renderer/documentFormats/'],
    forbid: ['renderer/ui/', 'renderer/editor/', 'renderer/panels/', 'renderer/app/'],
    why: 'they are below every component',
  },
  {
    name: 'renderer/editor/',
    files: ['renderer/editor/'],
    forbid: ['renderer/panels/', 'renderer/app/'],
    why: 'panels and the app use the editor, not the reverse',
  },
  {
    name: 'renderer/panels/',
    files: ['renderer/panels/'],
    forbid: ['renderer/app/'],
    why: 'the app composes the panels',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'release/',
      'node_modules/',
      'native/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { inkwell: { rules: { 'import-layers': importLayers } } },
    rules: { 'inkwell/import-layers': ['error', layers] },
  },
  {
    files: [
      'electron/**/*.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.{ts,js,mjs,cjs}',
      '*.config.{ts,js}',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': ['error', { patterns: ['**/electron/**', 'electron'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/electron/**', '**/renderer/**', 'node:*', 'electron', 'react'] },
      ],
    },
  },
);
