/**
 * The web app: Preact + Vite, built as static files into dist/web. The service worker is written at
 * build time with the list of every built file, so after the first visit the whole app (every
 * language and page) works offline.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from '@formatjs/icu-messageformat-parser';
import { defineConfig, type Plugin } from 'vite';

const PROVIDERS = fileURLToPath(new URL('src/content/help/providers.json', import.meta.url));

function serviceWorker(): Plugin {
  return {
    name: 'refugio-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      // The legal-help directory is a plain file next to the app, so an organisation can edit it
      // (or the server can serve its own from DATA_DIR) without rebuilding.
      this.emitFile({
        type: 'asset',
        fileName: 'providers.json',
        source: readFileSync(PROVIDERS, 'utf8'),
      });
      const files = Object.keys(bundle).filter((f) => !f.endsWith('.map'));
      const template = readFileSync(fileURLToPath(new URL('src/web/sw.js', import.meta.url)), 'utf8');
      const version = files.join('|').length.toString(36) + files.length.toString(36);
      const hash = [...files.sort().join('|')].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7);
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template
          .replace('__PRECACHE__', JSON.stringify(['./', ...files]))
          .replace('__VERSION__', `${version}-${(hash >>> 0).toString(36)}`),
      });
    },
  };
}

/**
 * Locale files are parsed at build time (ICU MessageFormat to its syntax tree), so the browser
 * ships no message parser: intl-messageformat formats the trees as they are.
 */
function precompiledMessages(): Plugin {
  return {
    name: 'refugio-precompiled-messages',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]content[\\/]locales[\\/][^\\/]+[\\/][^\\/]+\.json$/.test(id)) return null;
      const messages = JSON.parse(code) as Record<string, string>;
      const trees = Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, parse(v)]));
      return { code: `export default ${JSON.stringify(trees)};`, moduleType: 'js', map: null };
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('src/web', import.meta.url)),
  base: './',
  publicDir: fileURLToPath(new URL('src/web/public', import.meta.url)),
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  resolve: {
    alias: [
      {
        find: /^@formatjs\/icu-messageformat-parser$/,
        replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
      },
    ],
  },
  plugins: [precompiledMessages(), serviceWorker()],
});
