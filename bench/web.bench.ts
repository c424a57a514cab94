/**
 * The web app's weight and the law core's speed in the interview (issue #7).
 *
 * Weight: the app is built into a temporary folder (`vite build` with the project's config and a
 * manifest; dist/web is left alone), then from the built index.html (its module script,
 * modulepreload and stylesheet tags) and the manifest's static imports:
 * - the interview's first load: what index.html loads, plus the English app words the first screen
 *   waits for (a dynamic import), JS and CSS gzipped (level 9). Budget: 40 kB, law core included.
 * - the workspace chunk: what opening #/team adds (team.tsx and its imports not loaded already).
 * When Chromium starts (test/support/chromium.ts), it also loads the built app from a local
 * server and counts what it really fetched before the first question and when opening #/team.
 *
 * Speed: a scripted interview (bench/support/interview-walk.ts) times each step's engine calls,
 * `answer()` then `interviewState()`, as the question page makes them: in Node, and in Chromium
 * unthrottled and with 4x CPU throttling (what Lighthouse uses for a mid-range phone).
 * BENCH_WEB_RUNS (or BENCH_RUNS; 3) walks after a warm-up one; BENCH_WEB_BROWSER=0 skips Chromium.
 */
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { launchChromium } from '../test/support/chromium.ts';
import { walkInterview } from './support/interview-walk.ts';
import { ROOT } from './support/processes.ts';
import { type Figure, formatTable, median, runPart, runsFor } from './support/report.ts';

const RUNS = runsFor('BENCH_WEB_RUNS', 3);
const BUDGET_KB = 40;
const BROWSER = process.env.BENCH_WEB_BROWSER !== '0';

interface ManifestChunk {
  readonly file: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
}
type Manifest = Record<string, ManifestChunk>;

const gzKb = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).byteLength / 1024;

async function buildApp(outDir: string): Promise<Manifest> {
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true },
  });
  return JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/** The files index.html itself loads: its module script, modulepreloads and stylesheets. */
function htmlAssets(outDir: string): string[] {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const files: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1];
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!url) continue;
    const isScript = tag.startsWith('<script') && /type="module"/.test(tag);
    if (isScript || rel === 'modulepreload' || rel === 'stylesheet')
      files.push(normalize(url).replace(/^\.\//, ''));
  }
  return files;
}

/** A chunk's file, its CSS and, recursively, its static imports. */
function closure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`the build's manifest has no ${key}`);
  if (into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const css of chunk.css ?? []) into.add(css);
  for (const imported of chunk.imports ?? []) closure(manifest, imported, into);
  return into;
}

function keyFor(manifest: Manifest, suffix: string): string {
  const key = Object.keys(manifest).find((k) => k.endsWith(suffix));
  if (!key) throw new Error(`the build's manifest has no entry ending in ${suffix}`);
  return key;
}

function weigh(outDir: string, files: Iterable<string>) {
  const list = [...files].filter((f) => /\.(js|css)$/.test(f)).sort();
  const each = list.map((f) => ({ file: f, gzKb: gzKb(readFileSync(join(outDir, f))) }));
  return { files: each, gzKb: each.reduce((s, x) => s + x.gzKb, 0) };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** The built app on 127.0.0.1, for Chromium. */
async function serveStatic(root: string) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The walk bundled for the browser: the same modules the app uses, as one script. */
async function walkBundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: true,
      lib: {
        entry: join(ROOT, 'bench/support/interview-walk.ts'),
        formats: ['iife'],
        name: 'RefugioWalk',
        fileName: 'walk',
      },
    },
  });
  const outputs = Array.isArray(out) ? out : [out];
  for (const o of outputs)
    if ('output' in o) for (const chunk of o.output) if (chunk.type === 'chunk') return chunk.code;
  throw new Error('bundling the interview walk produced no script');
}

type Steps = { step: string; ms: number }[];

function summarise(walks: readonly Steps[]) {
  const steps = walks[0]!.map((s, i) => ({ step: s.step, ms: median(walks.map((w) => w[i]!.ms)) }));
  return {
    steps,
    medianMs: median(steps.map((s) => s.ms)),
    slowestMs: Math.max(...steps.map((s) => s.ms)),
    totalMs: steps.reduce((s, x) => s + x.ms, 0),
  };
}

async function inBrowser(outDir: string, firstLoadFiles: Set<string>) {
  const chromium = await launchChromium();
  const site = await serveStatic(outDir);
  try {
    // No service worker: it would precache every file and hide what the page itself needs.
    const context = await chromium.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname.replace(/^\//, '');
      if (/\.(js|css)$/.test(path)) fetched.push(path);
    });
    await page.goto(`${site.url}/#/q`);
    await page.waitForSelector('[data-question="timeline.arrival"]');
    const beforeQuestion = [...fetched];
    // The law core's words load in the background right after the first screen.
    await page.waitForLoadState('networkidle');
    const background = fetched.filter((f) => !beforeQuestion.includes(f));
    const beforeTeam = fetched.length;
    await page.evaluate(() => {
      location.hash = '#/team';
    });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const team = fetched.slice(beforeTeam);
    await context.close();

    // The engine's steps, in a blank page, unthrottled and at 4x CPU throttling.
    const code = await walkBundle();
    const timings: Record<string, Steps[]> = {};
    for (const rate of [1, 4]) {
      const ctx = await chromium.browser.newContext();
      const p = await ctx.newPage();
      await p.goto(`${site.url}/manifest.webmanifest`);
      await p.addScriptTag({ content: code });
      const cdp = await ctx.newCDPSession(p);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const walks: Steps[] = [];
      for (let run = 0; run <= RUNS; run++) {
        const w = (await p.evaluate(() =>
          // biome-ignore lint/suspicious/noExplicitAny: the bundle's global
          (window as any).RefugioWalk.walkInterview(() => performance.now()),
        )) as Steps;
        if (run > 0) walks.push(w); // the first walk warms the JIT up
      }
      timings[`${rate}x`] = walks;
      await ctx.close();
    }
    const inFirst = (f: string) => firstLoadFiles.has(f);
    return {
      version: chromium.browser.version(),
      source: chromium.found.source,
      firstLoad: beforeQuestion,
      unexpectedInFirstLoad: beforeQuestion.filter((f) => !inFirst(f)),
      background,
      team,
      unthrottled: summarise(timings['1x']!),
      throttled: summarise(timings['4x']!),
    };
  } finally {
    await site.close();
    await chromium.close();
  }
}

await runPart('web', async () => {
  const outDir = join(tmpdir(), `refugio-bench-web-${process.pid}`);
  const notes: string[] = [];
  try {
    const manifest = await buildApp(outDir);
    const fromHtml = htmlAssets(outDir);
    const entry = closure(manifest, 'index.html');
    const missing = fromHtml.filter((f) => !entry.has(f));
    if (missing.length)
      notes.push(`index.html loads files the manifest does not list: ${missing.join(', ')}`);
    const firstFiles = new Set([
      ...fromHtml,
      ...entry,
      ...closure(manifest, keyFor(manifest, 'locales/en/web.json')),
    ]);
    const first = weigh(outDir, firstFiles);
    const teamFiles = [...closure(manifest, keyFor(manifest, 'team/team.tsx'))].filter(
      (f) => !firstFiles.has(f),
    );
    const team = weigh(outDir, teamFiles);
    process.stdout.write(
      `${formatTable(
        ['file', 'gzip kB', 'loaded'],
        [
          ...first.files.map((f) => [f.file, f.gzKb.toFixed(1), 'interview first load']),
          ...team.files.map((f) => [f.file, f.gzKb.toFixed(1), 'opening the workspace']),
        ],
      )}\n`,
    );

    // Node: the same calls, warm, per step.
    walkInterview(() => performance.now());
    const nodeWalks: Steps[] = [];
    for (let run = 0; run < RUNS; run++) nodeWalks.push(walkInterview(() => performance.now()));
    const node = summarise(nodeWalks);

    let browser: Awaited<ReturnType<typeof inBrowser>> | undefined;
    if (BROWSER) {
      try {
        browser = await inBrowser(outDir, firstFiles);
      } catch (err) {
        notes.push(`Chromium: not measured (${(err as Error).message.split('\n')[0]})`);
      }
    } else notes.push('Chromium: skipped (BENCH_WEB_BROWSER=0)');

    process.stdout.write(
      `\n${formatTable(
        ['interview step', 'Node ms', ...(browser ? ['Chromium ms', 'Chromium 4x CPU ms'] : [])],
        node.steps.map((s, i) => [
          s.step,
          s.ms.toFixed(2),
          ...(browser
            ? [browser.unthrottled.steps[i]!.ms.toFixed(2), browser.throttled.steps[i]!.ms.toFixed(2)]
            : []),
        ]),
      )}\n`,
    );

    const figures: Figure[] = [
      {
        label: 'interview first load, JS+CSS gzip',
        value: Number(first.gzKb.toFixed(1)),
        unit: 'kB',
        goal: { value: BUDGET_KB, kind: 'max' },
      },
      { label: 'workspace chunk (#/team), JS+CSS gzip', value: Number(team.gzKb.toFixed(1)), unit: 'kB' },
      { label: 'engine per interview step, median (Node)', value: node.medianMs, unit: 'ms' },
      { label: 'engine, slowest step (Node)', value: node.slowestMs, unit: 'ms' },
    ];
    if (browser) {
      figures.push(
        { label: 'engine per step, median (Chromium)', value: browser.unthrottled.medianMs, unit: 'ms' },
        {
          label: 'engine per step, median (Chromium, 4x CPU)',
          value: browser.throttled.medianMs,
          unit: 'ms',
        },
        { label: 'engine, slowest step (Chromium, 4x CPU)', value: browser.throttled.slowestMs, unit: 'ms' },
      );
      const seen = weigh(outDir, browser.firstLoad);
      notes.push(
        `Chromium ${browser.version} (${browser.source}), from a local server: ${browser.firstLoad.length} JS/CSS files, ` +
          `${seen.gzKb.toFixed(1)} kB gzip, had arrived when the first question showed` +
          (browser.unexpectedInFirstLoad.length
            ? ` (beyond the count above: ${browser.unexpectedInFirstLoad.join(', ')}, the law core's words, which the app loads right after the first screen and which a local server delivers before it)`
            : ' (the files counted above)') +
          `; then ${weigh(outDir, browser.background).gzKb.toFixed(1)} kB more in the background and ` +
          `${weigh(outDir, browser.team).gzKb.toFixed(1)} kB opening #/team.`,
      );
    }
    if (first.gzKb > BUDGET_KB) {
      const biggest = [...first.files].sort((a, b) => b.gzKb - a.gzKb).slice(0, 3);
      notes.push(
        `First load over budget by ${(first.gzKb - BUDGET_KB).toFixed(1)} kB; largest: ${biggest.map((f) => `${f.file} ${f.gzKb.toFixed(1)} kB`).join(', ')}.`,
      );
    }
    notes.push(
      `Engine timings: each step's answer() + interviewState(), ${node.steps.length} steps, median of ${RUNS} warm walks; ` +
        'issue #7 sets no goal for them (one 60 Hz frame is 16.7 ms). Node figures are Node, not a browser.',
    );
    return {
      part: 'web',
      figures,
      notes,
      details: {
        firstLoad: first,
        workspace: team,
        node,
        ...(browser ? { chromium: browser } : {}),
        runs: RUNS,
      },
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});
