/**
 * A reviewer's look at every document: the first page of each kind, prepared from its example in
 * fixtures/, drawn by pdf.js in the real Chromium the browser tests use and kept as a PNG in
 * test/artifacts/documents/first-pages/. The drawing must show ink where the text is, in the
 * embedded font, so a blank or a page of boxes fails here rather than in front of a clerk.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../../src/documents/kinds/index.ts';
import { renderPdf } from '../../src/documents/pdf.ts';
import { type LaunchedChromium, launchChromium } from '../support/chromium.ts';
import { ARTIFACTS } from './read-back.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const OUT = join(ARTIFACTS, 'first-pages');
const PDFJS = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs'));
const ORIGIN = 'http://documents.refugio.test';

let chromium: LaunchedChromium;
let page: Page;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  chromium = await launchChromium();
  const context = await chromium.newContext();
  page = await context.newPage();
  // pdf.js and its worker, served from node_modules on a made-up origin: nothing leaves the machine.
  await page.route(`${ORIGIN}/**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice(1);
    if (name === '')
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>pages</title>' });
    return route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(PDFJS, name)) });
  });
  await page.goto(`${ORIGIN}/`);
}, 120_000);

afterAll(async () => {
  await chromium?.close();
});

/** Draws page 1 at 100 dpi; gives the PNG and the share of the page that is ink (not white). */
async function firstPage(
  pdf: Uint8Array,
): Promise<{ png: Buffer; ink: number; width: number; height: number }> {
  const drawn = await page.evaluate(
    async ({ data, origin }) => {
      // Imported by the page itself; written as text so the test runner does not rewrite import().
      const load = new Function('url', 'return import(url)') as (
        url: string,
      ) => Promise<typeof import('pdfjs-dist')>;
      const pdfjs = await load(`${origin}/pdf.mjs`);
      pdfjs.GlobalWorkerOptions.workerSrc = `${origin}/pdf.worker.mjs`;
      const doc = await pdfjs.getDocument({ data: Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) })
        .promise;
      const first = await doc.getPage(1);
      const viewport = first.getViewport({ scale: 100 / 72 });
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(viewport.width);
      canvas.height = Math.round(viewport.height);
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      await first.render({ canvas, canvasContext: ctx, viewport }).promise;
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < pixels.length; i += 4)
        if (pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 384) dark++;
      return {
        png: canvas.toDataURL('image/png').split(',')[1]!,
        ink: dark / (canvas.width * canvas.height),
        width: canvas.width,
        height: canvas.height,
      };
    },
    { data: Buffer.from(pdf).toString('base64'), origin: ORIGIN },
  );
  return { ...drawn, png: Buffer.from(drawn.png, 'base64') };
}

describe('first page of every document, as a reviewer sees it', () => {
  for (const kind of Object.keys(DOCUMENT_KINDS)) {
    it(kind, async () => {
      const input = JSON.parse(readFileSync(join(FIXTURES, `${kind}.json`), 'utf8')) as unknown;
      const drawn = await firstPage(await renderPdf(DOCUMENT_KINDS[kind]!(input)));
      writeFileSync(join(OUT, `${kind}.png`), drawn.png);
      // US Letter at 100 dpi.
      expect([drawn.width, drawn.height]).toEqual([850, 1100]);
      // Text on a page is a few percent of its area: none means blank, a lot means boxes or a smear.
      expect(drawn.ink).toBeGreaterThan(0.005);
      expect(drawn.ink).toBeLessThan(0.25);
    });
  }
});
