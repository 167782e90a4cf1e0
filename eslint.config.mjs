// Lint: typescript-eslint's recommended rules plus the house boundaries (DESIGN.md):
// - server/src/platform/** imports no module;
// - a module imports other modules only through their index.ts;
// - web/src/ui/** imports no web module;
// - exceljs is loaded only through server/src/platform/imports/exceljs.ts (it patches a bug);
// - a module never touches key material (tests excepted): the key-ring functions of platform/crypto are the
//   platform's (modules get encrypt/decrypt/blindIndex through platform.crypto).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import path from 'node:path';

const KEY_RING_EXPORTS = new Set(['newKeyRing', 'loadKeyRing', 'keyRingFromJson', 'keyRingJson', 'saveKeyRing', 'rotateKeyRing', 'keyRingOf', 'fieldCrypto']);

const boundaries = {
  meta: { type: 'problem', schema: [], messages: { boundary: '{{why}}' } },
  create(context) {
    const file = context.filename.split(path.sep).join('/');
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const isType = node.importKind === 'type';
      if (source === 'exceljs' && !isType && !file.endsWith('server/src/platform/imports/exceljs.ts')) {
        return context.report({ node, messageId: 'boundary', data: { why: "import ExcelJS from platform/imports/exceljs.ts, not 'exceljs' (streaming bug patch)" } });
      }
      if (!source.startsWith('.')) return;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), source));
      const serverPlatform = /\/server\/src\/platform\//.test(file);
      const toModule = target.match(/\/server\/src\/modules\/([^/]+)(\/(.*))?$/);
      if (serverPlatform && toModule) {
        return context.report({ node, messageId: 'boundary', data: { why: 'platform/ must not import a module' } });
      }
      const fromModule = file.match(/\/server\/src\/modules\/([^/]+)\//);
      if (fromModule && !/\.test\.ts$/.test(file) && /\/server\/src\/platform\/crypto(\/index(\.ts)?)?$/.test(target)) {
        const names = (node.specifiers ?? []).map((s) => s.imported?.name ?? s.exported?.name ?? (s.type === 'ImportNamespaceSpecifier' ? '*' : null));
        const keyed = names.filter((n) => n === '*' || KEY_RING_EXPORTS.has(n));
        if (keyed.length) return context.report({ node, messageId: 'boundary', data: { why: `a module must not handle key material (${keyed.join(', ')} from platform/crypto); use platform.crypto` } });
      }
      if (fromModule && toModule && toModule[1] !== fromModule[1] && toModule[3] && toModule[3] !== 'index' && toModule[3] !== 'index.ts') {
        return context.report({ node, messageId: 'boundary', data: { why: `import module "${toModule[1]}" only through its index.ts` } });
      }
      if (/\/web\/src\/ui\//.test(file) && /\/web\/src\/modules\//.test(target)) {
        return context.report({ node, messageId: 'boundary', data: { why: 'web/src/ui must not import a module' } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'server/drizzle/**', 'data/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,js,mjs}'],
    plugins: { renshe: { rules: { boundaries } } },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', window: 'readonly', document: 'readonly', localStorage: 'readonly', fetch: 'readonly', Blob: 'readonly', navigator: 'readonly' } },
    rules: {
      'renshe/boundaries': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'use string-literal unions, not enums' }],
    },
  },
);
