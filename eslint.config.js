import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Layer boundaries (VS Code style): shared/ is pure (no DOM, Node or Electron outside its node/
// folders), renderer/ and electron/ never import each other. CI fails when a layer is crossed.
const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'url', 'util', 'module', 'crypto', 'stream', 'zlib', 'http', 'https', 'net'];
const nodeBuiltinPatterns = [{ group: ['node:*', ...NODE_BUILTINS, ...NODE_BUILTINS.map((m) => `${m}/*`)], message: 'shared/ is pure: Node built-ins only in shared/**/node/.' }];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'dist-cli', 'release', 'scratch', 'bench/data', 'test-artifacts', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    ignores: ['shared/**/node/**'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...nodeBuiltinPatterns,
          { group: ['electron', 'electron/*'], message: 'shared/ never imports Electron.' },
          { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'shared/ holds no UI.' },
          { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ never imports the app layers.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...nodeBuiltinPatterns,
          { group: ['electron', 'electron/*'], message: 'The renderer is sandboxed: talk to the host through HostApi.' },
          { group: ['**/electron/**', '**/shared/**/node/**'], message: 'renderer/ never imports electron/ or Node-only shared code.' },
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'electron/ never imports renderer/.' }] }],
    },
  },
);
