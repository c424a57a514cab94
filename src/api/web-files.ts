/**
 * Serves the built web app (dist/web) beside the API: hashed assets cached for a year, the page,
 * the service worker and the legal-help directory always revalidated. An organisation's own
 * directory file in the data directory, when present, replaces the one shipped with the app.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface WebFiles {
  readonly root: string;
  /** An organisation's edited legal-help directory, served at /providers.json instead of the built one. */
  readonly providersFile?: string;
}

export function hasWebApp(root: string): boolean {
  return existsSync(join(root, 'index.html'));
}

// biome-ignore lint/suspicious/noExplicitAny: any Hono app, whatever its variables
export function serveWebApp(app: Hono<any>, files: WebFiles): void {
  const root = normalize(files.root + sep);
  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/api/')) return next();
    let relative = decodeURIComponent(path).replace(/^\/+/, '') || 'index.html';
    if (relative === 'providers.json' && files.providersFile && existsSync(files.providersFile)) {
      return c.body(await readFile(files.providersFile), 200, {
        'content-type': TYPES['.json']!,
        'cache-control': 'no-cache',
      });
    }
    let file = normalize(join(root, relative));
    if (!file.startsWith(root) || relative.includes('\0')) return next();
    if (!extname(file)) {
      // A path without an extension is a page of the app: the app's router takes it from there.
      relative = 'index.html';
      file = join(root, relative);
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return next();
    }
    const hashed = relative.startsWith('assets/');
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  });
}
