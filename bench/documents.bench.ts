/**
 * Documents (issue #7): a 300-page exhibit packet assembled from 60 PDFs by
 * `assembleExhibitPacket(details, exhibits)` (src/documents/exhibit-packet.ts): seconds and peak
 * memory. Goal: under 5 s and under 500 MB.
 *
 * The 60 inputs are made before the clock starts: half are text PDFs (pdf-lib, a standard font),
 * half are scans (a grey 150 dpi page image with grain, about as large as a phone scan; some
 * A4, so the packet has to fit them to Letter), 4 pages each and 3 for the last three, so that with
 * 60 tab pages, the cover and the index the packet has about 300 pages.
 *
 * The module is loaded by name at run time: while it does not exist (or does not load), the part
 * prints "skipped" instead of failing the whole run. BENCH_DOCUMENTS_RUNS (or BENCH_RUNS; 3).
 */

import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  StandardFonts,
} from 'pdf-lib';
import { runTsChild } from './support/processes.ts';
import { envNumber, type Figure, median, RssSampler, runPart, runsFor } from './support/report.ts';

const RUNS = runsFor('BENCH_DOCUMENTS_RUNS', 3);
const EXHIBITS = Math.round(envNumber('BENCH_DOCUMENTS_EXHIBITS', 60));
const GOAL_SECONDS = 5;
const GOAL_MB = 500;
/** A variable, not a literal: type-checking must not depend on a module that may not exist yet. */
const MODULE: string = '../src/documents/exhibit-packet.ts';

interface ExhibitFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly description: string;
}
interface ExhibitModule {
  assembleExhibitPacket(
    details: unknown,
    exhibits: readonly ExhibitFile[],
  ): Promise<{ bytes: Uint8Array; pages?: number }>;
  parseExhibitPacketInput?: (input: unknown) => { details: unknown };
}

const LETTER: [number, number] = [612, 792];
const A4: [number, number] = [595.28, 841.89];

async function textPdf(n: number, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage(LETTER);
    page.drawText(`Exhibit ${n}: declaration, page ${p} of ${pages}`, { x: 72, y: 720, size: 14, font });
    for (let l = 0; l < 40; l++)
      page.drawText(
        `${l + 1}. I declare under penalty of perjury that the events described here happened as stated, line ${l + 1}.`,
        { x: 72, y: 690 - l * 15, size: 10, font },
      );
  }
  return doc.save();
}

/** A page image like a phone scan: grey paper, darker "lines of text", some grain; 150 dpi. */
function scanPixels(width: number, height: number, seed: number): Uint8Array {
  const px = new Uint8Array(width * height);
  let s = seed >>> 0;
  for (let y = 0; y < height; y++) {
    const inLine = y > 150 && y < height - 150 && y % 28 < 12;
    for (let x = 0; x < width; x++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      // About one bit of noise a pixel: a page compresses to roughly what a JPEG scan weighs.
      const grain = (s >>> 31) * 6;
      const ink = inLine && x > 110 && x < width - 110 && (x >> 4) % 9 !== 0;
      px[y * width + x] = Math.max(0, Math.min(255, (ink ? 60 : 235) + grain));
    }
  }
  return px;
}

/** One compressed page image per paper size, made once: every scan page carries its own copy. */
const scans = new Map<string, Uint8Array>();

async function scanPdf(n: number, pages: number, size: [number, number]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const width = Math.round((size[0] / 72) * 150);
  const height = Math.round((size[1] / 72) * 150);
  const key = `${width}x${height}`;
  let compressed = scans.get(key);
  if (!compressed) {
    compressed = deflateSync(scanPixels(width, height, n));
    scans.set(key, compressed);
  }
  for (let p = 1; p <= pages; p++) {
    const image = doc.context.stream(compressed, {
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 8,
      Filter: 'FlateDecode',
    });
    const ref = doc.context.register(image);
    const page = doc.addPage(size);
    const name = page.node.newXObject('Scan', ref);
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(size[0], 0, 0, size[1], 0, 0),
      drawObject(name),
      popGraphicsState(),
    );
  }
  return doc.save();
}

async function exhibits(): Promise<ExhibitFile[]> {
  const files: ExhibitFile[] = [];
  for (let i = 1; i <= EXHIBITS; i++) {
    const pages = i > EXHIBITS - 3 ? 3 : 4;
    const scan = i % 2 === 0;
    files.push({
      name: `exhibit-${String(i).padStart(2, '0')}.pdf`,
      bytes: scan ? await scanPdf(i, pages, i % 4 === 0 ? A4 : LETTER) : await textPdf(i, pages),
      description: scan
        ? `Scanned record number ${i}: a country-conditions report page set`
        : `Declaration number ${i} of a witness, with its translation`,
    });
  }
  return files;
}

function detailsFor(mod: ExhibitModule, files: readonly ExhibitFile[]): unknown {
  const input = {
    asOf: '2026-11-23',
    events: [],
    document: {
      name: 'María García López',
      aNumber: 'A012345678',
      address: { street: '100 Main Street', city: 'Newark', state: 'NJ', zip: '07102' },
    },
    exhibits: files.map((f) => ({ file: f.name, description: f.description })),
  };
  if (mod.parseExhibitPacketInput) return mod.parseExhibitPacketInput(input).details;
  return {
    person: { name: input.document.name, aNumber: input.document.aNumber },
    title: 'SUPPORTING DOCUMENTS',
    date: input.asOf,
  };
}

interface RunResult {
  readonly seconds: number;
  readonly startMb: number;
  readonly peakMb: number;
  readonly pages: number;
  readonly outMb: number;
  readonly inputMb: number;
}

/** One packet in this process: inputs first (not timed), then the assembly, timed and sampled. */
async function oneRun(mod: ExhibitModule): Promise<RunResult> {
  const files = await exhibits();
  const inputMb = files.reduce((s, f) => s + f.bytes.byteLength, 0) / 2 ** 20;
  const details = detailsFor(mod, files);
  const sampler = new RssSampler(20);
  const t0 = performance.now();
  const packet = await mod.assembleExhibitPacket(details, files);
  const seconds = (performance.now() - t0) / 1000;
  const rss = sampler.stop();
  // The kernel's high-water mark catches a peak between two samples (this process is this run's alone).
  const highWaterMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const pages = packet.pages ?? (await PDFDocument.load(packet.bytes)).getPageCount();
  return {
    seconds,
    startMb: rss.startMb,
    peakMb: Math.max(rss.peakMb, highWaterMb),
    pages,
    outMb: packet.bytes.byteLength / 2 ** 20,
    inputMb,
  };
}

async function loadModule(): Promise<ExhibitModule | string> {
  try {
    const mod = (await import(MODULE)) as ExhibitModule;
    if (typeof mod.assembleExhibitPacket !== 'function')
      return 'exhibit packet module has no assembleExhibitPacket';
    return mod;
  } catch (err) {
    const missing =
      (err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' &&
      // The module itself, not one it imports ("Cannot find module X imported from Y").
      (err as Error).message.split(' imported from ')[0]!.includes('exhibit-packet');
    return missing
      ? 'exhibit packet not built yet'
      : `exhibit packet did not load (${(err as Error).message.split('\n')[0]})`;
  }
}

if (process.env.BENCH_DOCUMENTS_OUT) {
  // A child: one run, so each run's peak memory is its own.
  const mod = await loadModule();
  if (typeof mod === 'string') throw new Error(mod);
  writeFileSync(process.env.BENCH_DOCUMENTS_OUT, JSON.stringify(await oneRun(mod)));
} else {
  await runPart('documents', async () => {
    const mod = await loadModule();
    if (typeof mod === 'string') {
      process.stdout.write(`skipped: ${mod}\n`);
      return {
        part: 'documents',
        figures: [
          {
            label: 'exhibit packet',
            value: null,
            unit: 's',
            goal: { value: GOAL_SECONDS, kind: 'max' },
            note: `skipped: ${mod}`,
          },
        ],
        notes: [`skipped: ${mod}`],
      };
    }
    const runs: RunResult[] = [];
    for (let run = 0; run < RUNS; run++) {
      const r = await runTsChild<RunResult>(import.meta.filename, {}, 'BENCH_DOCUMENTS_OUT');
      runs.push(r);
      process.stdout.write(
        `run ${run + 1}: ${r.seconds.toFixed(2)} s, ${r.pages} pages, ${r.outMb.toFixed(1)} MB out, ` +
          `RSS ${r.startMb} -> peak ${r.peakMb} MB\n`,
      );
    }
    const first = runs[0]!;
    const figures: Figure[] = [
      {
        label: `exhibit packet, ${first.pages} pages from ${EXHIBITS} PDFs`,
        value: Number(median(runs.map((r) => r.seconds)).toFixed(2)),
        unit: 's',
        goal: { value: GOAL_SECONDS, kind: 'max' },
      },
      {
        label: 'exhibit packet, peak RSS of the process',
        value: median(runs.map((r) => r.peakMb)),
        unit: 'MB',
        goal: { value: GOAL_MB, kind: 'max' },
      },
    ];
    return {
      part: 'documents',
      figures,
      notes: [
        `Inputs: ${EXHIBITS} PDFs, ${first.inputMb.toFixed(1)} MB (half text, half 150 dpi scans); output ${first.outMb.toFixed(1)} MB. ` +
          `Each run in a fresh process; RSS before assembling ${first.startMb} MB (Node, pdf-lib and the inputs), ` +
          "peak is the whole process's high-water mark, inputs included (median of the runs).",
      ],
      details: { exhibits: EXHIBITS, runs },
    };
  });
}
