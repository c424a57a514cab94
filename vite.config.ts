/**
 * The web app: Preact + Vite, built as static files into dist/web. The service worker is written at
 * build time with the list of every built file, so after the first visit the whole app (every
 * language and page) works offline.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
  plugins: [serviceWorker()],
});
