/**
 * The exhibit packet, end to end: PDFs and photos made here with known text on every page, merged,
 * and read back with pdf.js as a court's reader would: the cover, the index's page ranges against
 * the pages where each exhibit's text really is, a number on every page, the tab pages, the proof
 * of service last; bad files refused by name; and the CLI as a user runs it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { degrees, EncryptedPDFError, PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { DocumentInputError } from '../../src/documents/errors.ts';
import {
  assembleExhibitPacket,
  type ExhibitFile,
  imageMatrix,
  jpegOrientation,
  MAX_DESCRIPTION,
  type PacketDetails,
  parseExhibitPacketInput,
  tabLabel,
} from '../../src/documents/exhibit-packet.ts';
import { cliError, runCli } from '../cli/run-cli.ts';
import { flat, keepArtifact, pdfPages } from './read-back.ts';
import { scratchDir } from './support.ts';

// ---------------------------------------------------------------------------------------------
// Inputs made here

/** A PDF whose page k says "<label> PAGE k" at the top and "<label> FOOT k" 5 pt above the bottom edge. */
async function makePdf(
  label: string,
  pages: number,
  options: { size?: [number, number]; rotate?: number; media?: [number, number, number, number] } = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const size = options.size ?? [612, 792];
  for (let k = 1; k <= pages; k++) {
    const page = doc.addPage(size);
    if (options.rotate !== undefined) page.setRotation(degrees(options.rotate));
    if (options.media !== undefined) {
      // A media box that does not start at 0 0, and a crop box (what readers show) inside it.
      page.setMediaBox(...options.media);
      page.setCropBox(0, 0, size[0], size[1]);
    }
    page.drawText(`${label} PAGE ${k}`, { x: 40, y: size[1] - 50, size: 12, font });
    page.drawText(`${label} FOOT ${k}`, { x: 40, y: 5, size: 8, font });
  }
  return doc.save();
}

/** An RGB PNG, encoded by hand: signature, IHDR, one zlib IDAT of unfiltered rows, IEND. */
function makePng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample
  header[9] = 2; // RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      rows.set([200, (x * 37) % 256, (y * 53) % 256], y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A 16 x 8 greyscale baseline JPEG written by hand: two flat 8 x 8 blocks, grey 200 then grey 60,
 * quantisation table all ones, one-code Huffman tables (checked with pdf.js's JPEG decoder).
 * From Buffer.from, so it is a view into Node's shared pool, as uploaded files often are.
 */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEB' +
    'AQEBAQEBAQH/wAALCAAIABABAREA/8QAFQABAQAAAAAAAAAAAAAAAAAACgv/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/9oACAEBAAA/AEgJz7//2Q==',
  'base64',
);

/** The JPEG with an EXIF block saying how to turn it (orientation 1 to 8), as phones write it. */
function withOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  // TIFF header (big-endian), one IFD entry: tag 0x0112, type SHORT, count 1, the value.
  const tiff = [
    0x4d,
    0x4d,
    0,
    0x2a,
    0,
    0,
    0,
    8,
    0,
    1,
    0x01,
    0x12,
    0,
    3,
    0,
    0,
    0,
    1,
    0,
    orientation,
    0,
    0,
    0,
    0,
    0,
    0,
  ];
  const body = [...Buffer.from('Exif\0\0', 'latin1'), ...tiff];
  return Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0, body.length + 2, ...body, ...jpeg.subarray(2)]);
}

/**
 * An encrypted PDF as readers see one: a trailer with an /Encrypt dictionary (RC4, revision 2).
 * pdf-lib cannot encrypt, so a plain file gets the entry written into its trailer.
 */
async function makeEncryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('secret', { x: 50, y: 700 });
  const text = Buffer.from(await doc.save({ useObjectStreams: false })).toString('latin1');
  const encrypt = `/Encrypt << /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -44 >>\n`;
  expect(text).toContain('trailer\n<<\n');
  return Buffer.from(text.replace('trailer\n<<\n', `trailer\n<<\n${encrypt}`), 'latin1');
}

const ADDRESS = { street: '12 Main St', unit: 'Apt 3', city: 'Newark', state: 'NJ', zip: '07102' };
const OPLA = { street: '970 Broad St, Room 1300', city: 'Newark', state: 'NJ', zip: '07102' };

/** A case before the immigration court in Newark, with the details a court filing needs. */
const COURT_CASE = {
  asOf: '2026-11-22',
  events: [
    { type: 'arrival', date: '2025-12-01', manner: 'entry_without_inspection' },
    { type: 'nta_filed', date: '2026-01-10', detained: false },
    { type: 'hearing_notice', date: '2026-09-01', hearingDate: '2027-01-12', hearing: 'individual' },
  ],
  document: {
    name: 'José Núñez',
    aNumber: 'A012345678',
    address: ADDRESS,
    court: { city: 'Newark', state: 'NJ', judge: 'Jane Roe' },
    service: { method: 'mail', address: OPLA },
  },
};

const ONE_EXHIBIT = [{ file: 'x.pdf', description: 'x' }];

function detailsOf(input: Record<string, unknown> = COURT_CASE): PacketDetails {
  return parseExhibitPacketInput({ ...input, exhibits: ONE_EXHIBIT }).details;
}

async function refusalOf(f: () => Promise<unknown> | unknown): Promise<DocumentInputError> {
  try {
    await f();
  } catch (err) {
    if (err instanceof DocumentInputError) return err;
    throw err;
  }
  throw new Error('expected a DocumentInputError');
}

// ---------------------------------------------------------------------------------------------
// Reading back

interface TextItem {
  readonly str: string;
  readonly x: number;
  readonly y: number;
}

/** Each page's text items with their position (points from the bottom left as the reader shows the page). */
async function pdfTextItems(
  bytes: Uint8Array,
): Promise<{ width: number; height: number; items: TextItem[] }[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 })
    .promise;
  const out: { width: number; height: number; items: TextItem[] }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const items: TextItem[] = [];
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      // Into the viewport's coordinates (y down), then y up from the bottom edge.
      const [x, y] = viewport.convertToViewportPoint(item.transform[4], item.transform[5]) as [
        number,
        number,
      ];
      items.push({ str: item.str, x, y: viewport.height - y });
    }
    out.push({ width: viewport.width, height: viewport.height, items });
  }
  await doc.destroy();
  return out;
}

/** The matrix an image is drawn with on a page: the last `cm` before pdf.js paints it. */
async function imageTransform(
  doc: Awaited<ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs').getDocument>['promise']>,
  pageNumber: number,
): Promise<number[]> {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const ops = await (await doc.getPage(pageNumber)).getOperatorList();
  const paint = ops.fnArray.indexOf(OPS.paintImageXObject);
  expect(paint).toBeGreaterThan(0);
  const transform = ops.fnArray.lastIndexOf(OPS.transform, paint);
  expect(transform).toBeGreaterThanOrEqual(0);
  return ops.argsArray[transform] as number[];
}

const range = (first: number, last: number) =>
  first === last ? `Page ${first}` : `Pages ${first}\u2013${last}`;

/** Where each exhibit should be, from the page counts of the inputs and the length of the front matter. */
function expectedLayout(front: number, counts: readonly number[]) {
  let page = front;
  return counts.map((n, i) => {
    const tab = page + 1;
    page += 1 + n;
    return { tab: tabLabel(i), tabPage: tab, firstPage: tab + 1, lastPage: tab + n };
  });
}

const dir = scratchDir('exhibits');

// ---------------------------------------------------------------------------------------------

describe('an exhibit packet for the immigration court', async () => {
  const exhibits: ExhibitFile[] = [
    {
      name: 'declaration.pdf',
      bytes: await makePdf('EXHIBIT-A', 3),
      description: 'Declaration of José Núñez, with a letter from Аня Петрова and Ελένη Παπαδοπούλου',
    },
    { name: 'injury.png', bytes: makePng(120, 60), description: 'Photograph of the injury, March 2025' },
    {
      name: 'church-letter.pdf',
      bytes: await makePdf('EXHIBIT-C', 2, { size: [595, 842] }),
      description: 'Letter from the church (A4)',
    },
    { name: 'house.jpg', bytes: JPEG, description: 'Photograph of the house' },
    {
      name: 'chart.pdf',
      bytes: await makePdf('EXHIBIT-E', 1, { size: [792, 612] }),
      description: 'Country conditions chart (landscape)',
    },
    {
      name: 'scan.pdf',
      bytes: await makePdf('EXHIBIT-F', 2, { rotate: 90 }),
      description: 'Police report, scanned sideways',
    },
    {
      name: 'legal.pdf',
      bytes: await makePdf('EXHIBIT-G', 1, { size: [612, 1008] }),
      description: 'Lease (legal size)',
    },
    {
      name: 'boxes.pdf',
      bytes: await makePdf('EXHIBIT-H', 2, { media: [-50, -60, 712, 912] }),
      description: 'Bank statement (media box offset, crop box inside it)',
    },
  ];
  const counts = [3, 1, 2, 1, 1, 2, 1, 2];
  const packet = await assembleExhibitPacket(detailsOf(), exhibits);
  keepArtifact('exhibit-packet.pdf', packet.bytes);
  const file = (await pdfPages(packet.bytes)).map(flat);
  // The filing's numbered pages; after them, the explanation for the person (explanations.test.ts).
  const pages = file.slice(0, packet.pages);
  // The index is as long as it needs to be; the first tab page follows it.
  const front = pages.findIndex((p) => p.startsWith('TAB A '));
  const layout = expectedLayout(front, counts);
  const total = front + counts.reduce((a, n) => a + 1 + n, 0) + 1;

  it('has every page: cover, index, a tab page and the pages of each exhibit, the proof of service', () => {
    expect(front).toBe(2);
    expect(packet.pages).toBe(total);
    expect(pages).toHaveLength(total);
    // Then one page for the person, not numbered and not counted.
    expect(packet.explanationPages).toBe(1);
    expect(file).toHaveLength(total + 1);
    expect(file.at(-1)!.startsWith('About this document This page is for you. Do not file it.')).toBe(true);
  });

  it('starts with the Practice Manual cover page', () => {
    const cover = pages[0]!;
    for (const text of [
      'José Núñez 12 Main St, Apt 3 Newark, NJ 07102 Respondent, pro se NON-DETAINED',
      'UNITED STATES DEPARTMENT OF JUSTICE EXECUTIVE OFFICE FOR IMMIGRATION REVIEW IMMIGRATION COURT NEWARK, NJ',
      'In the Matter of:',
      'File No.: A012-345-678',
      "RESPONDENT'S EXHIBITS",
      'Immigration Judge: Jane Roe',
      'Next hearing: Tuesday, January 12, 2027',
      `Exhibits at Tabs A to H, ${total} pages in all`,
    ])
      expect(cover).toContain(text);
  });

  it('indexes each exhibit with the pages where its own first and last pages really are', () => {
    const index = pages[1]!;
    expect(index).toContain('INDEX OF EXHIBITS');
    exhibits.forEach((e, i) => {
      const at = layout[i]!;
      expect(index).toContain(`Tab ${at.tab}: ${e.description} ${range(at.firstPage, at.lastPage)}`);
      expect(packet.index[i]).toMatchObject({ ...at, name: e.name, description: e.description });
    });
    // The PDFs' known text is on the pages the index gives, and nowhere else.
    for (const [i, label] of [
      [0, 'EXHIBIT-A'],
      [2, 'EXHIBIT-C'],
      [4, 'EXHIBIT-E'],
      [5, 'EXHIBIT-F'],
      [6, 'EXHIBIT-G'],
      [7, 'EXHIBIT-H'],
    ] as const) {
      const at = layout[i]!;
      for (let k = 1; k <= counts[i]!; k++) {
        const page = at.firstPage + k - 1;
        expect(pages[page - 1]).toContain(`${label} PAGE ${k}`);
        expect(pages[page - 1]).toContain(`${label} FOOT ${k}`);
      }
      expect(pages.filter((p) => p.includes(`${label} PAGE 1`))).toHaveLength(1);
    }
    expect(packet.index.map((e) => e.type)).toEqual([
      'application/pdf',
      'image/png',
      'application/pdf',
      'image/jpeg',
      'application/pdf',
      'application/pdf',
      'application/pdf',
      'application/pdf',
    ]);
  });

  it('puts a tab page before each exhibit, naming it and its pages', () => {
    exhibits.forEach((e, i) => {
      const at = layout[i]!;
      expect(pages[at.tabPage - 1]).toBe(
        `TAB ${at.tab} ${e.description} ${range(at.firstPage, at.lastPage)} of this filing Page ${at.tabPage} of ${total}`,
      );
    });
  });

  it('numbers every page at the bottom centre, consecutively, as selectable text', async () => {
    for (const [k, p] of pages.entries()) expect(p.endsWith(`Page ${k + 1} of ${total}`)).toBe(true);
    const read = (await pdfTextItems(packet.bytes)).slice(0, packet.pages);
    read.forEach((page, k) => {
      const stamp = page.items.at(-1)!;
      expect(stamp.str).toBe(`Page ${k + 1} of ${total}`);
      expect(stamp.y).toBeLessThan(36);
      // Centred: it starts left of the middle by half its width (about 30 pt at 9 pt).
      expect(stamp.x).toBeGreaterThan(page.width / 2 - 45);
      expect(stamp.x).toBeLessThan(page.width / 2 - 15);
    });
  });

  it('makes every page US Letter and keeps exhibit content above the page-number band, never under it', async () => {
    const read = await pdfTextItems(packet.bytes);
    for (const page of read) {
      expect([Math.round(page.width), Math.round(page.height)]).toEqual([612, 792]);
      for (const item of page.items.slice(0, -1)) expect(item.y).toBeGreaterThan(36);
    }
    // The sideways scan reads as it did: its text runs down the page, as /Rotate 90 showed it.
    const scan = read[layout[5]!.firstPage - 1]!.items.find((i) => i.str.startsWith('EXHIBIT-F PAGE'))!;
    expect(scan.x).toBeGreaterThan(306);
  });

  it('draws each photo inside the margins, keeping its shape', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(packet.bytes), verbosity: 0 }).promise;
    for (const [i, ratio] of [
      [1, 2],
      [3, 2],
    ] as const) {
      const [a, b, c, d, e, f] = await imageTransform(doc, layout[i]!.firstPage);
      expect([b, c]).toEqual([0, 0]);
      expect(a! / d!).toBeCloseTo(ratio, 5);
      expect(a).toBeCloseTo(612 - 144, 5);
      expect(e).toBeCloseTo(72, 5);
      expect(f! + d!).toBeCloseTo(792 - 72, 5);
    }
    await doc.destroy();
  });

  it('ends with the proof of service on DHS', () => {
    const last = pages.at(-1)!;
    expect(last).toContain('PROOF OF SERVICE');
    expect(last).toContain(
      `On November 22, 2026, I, José Núñez, served a copy of "RESPONDENT'S EXHIBITS", ${total} pages with the exhibits at Tabs A to H`,
    );
    expect(last).toContain('Office of the Principal Legal Advisor');
    expect(last).toContain('970 Broad St, Room 1300 Newark, NJ 07102');
    expect(last).toContain('I served it by mail.');
  });

  it('has bookmarks for the cover, the index, each tab, the proof of service and the explanation', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(packet.bytes), verbosity: 0 }).promise;
    const outline = await doc.getOutline();
    expect(outline.map((o) => o.title)).toEqual([
      'Cover page',
      'Index of exhibits',
      ...exhibits.map((e, i) => `Tab ${tabLabel(i)}: ${e.description}`),
      'Proof of service',
      'About this document',
    ]);
    const tabB = outline[3]!.dest as unknown[];
    expect((await doc.getPageIndex(tabB[0] as { num: number; gen: number })) + 1).toBe(layout[1]!.tabPage);
    await doc.destroy();
  });

  it('keeps personal data out of the file metadata', async () => {
    const doc = await PDFDocument.load(packet.bytes);
    expect(doc.getTitle()).toBe('Exhibit packet');
    expect([doc.getAuthor(), doc.getSubject(), doc.getKeywords()]).toEqual([undefined, undefined, undefined]);
  });
});

describe('an exhibit packet of 300 pages', () => {
  it('assembles 60 PDFs of 5 pages with the right page count, index and last page number', async () => {
    const files: ExhibitFile[] = [];
    for (let i = 0; i < 60; i++)
      files.push({
        name: `exhibit-${i + 1}.pdf`,
        bytes: await makePdf(`DOC-${i + 1}`, 5),
        description: `Document number ${i + 1}, five pages`,
      });
    const started = performance.now();
    const packet = await assembleExhibitPacket(detailsOf(), files);
    const assembled = performance.now() - started;
    const file = (await pdfPages(packet.bytes)).map(flat);
    const pages = file.slice(0, packet.pages);
    expect(file).toHaveLength(packet.pages + 1);
    const front = pages.findIndex((p) => p.startsWith('TAB A '));
    // 60 index lines do not fit on one page: the index's length was found, not assumed.
    expect(front).toBeGreaterThan(2);
    const total = front + 60 * 6 + 1;
    expect(packet.pages).toBe(total);
    expect(pages).toHaveLength(total);
    expect(pages.at(-1)).toContain('PROOF OF SERVICE');
    expect(pages.at(-1)!.endsWith(`Page ${total} of ${total}`)).toBe(true);
    const layout = expectedLayout(front, Array(60).fill(5));
    const index = pages.slice(1, front).join(' ');
    layout.forEach((at, i) => {
      expect(index).toContain(
        `Tab ${at.tab}: Document number ${i + 1}, five pages ${range(at.firstPage, at.lastPage)}`,
      );
      expect(pages[at.firstPage - 1]).toContain(`DOC-${i + 1} PAGE 1`);
      expect(pages[at.lastPage - 1]).toContain(`DOC-${i + 1} PAGE 5`);
    });
    for (const [k, p] of pages.entries()) expect(p.endsWith(`Page ${k + 1} of ${total}`)).toBe(true);
    // Printed for the record (the report asks for it), not asserted: machines differ.
    console.info(`300-page packet: ${total} pages assembled in ${Math.round(assembled)} ms`);
  });
});

describe('exhibit files that cannot go in a packet', async () => {
  const details = detailsOf();
  const good: ExhibitFile = {
    name: 'declaration.pdf',
    bytes: await makePdf('OK', 1),
    description: 'Declaration',
  };
  const refuse = (file: Omit<ExhibitFile, 'description'>, at = 2) => {
    const list = [good, good, good];
    list[at] = { ...file, description: 'The bad one' };
    return refusalOf(() => assembleExhibitPacket(details, list));
  };

  it('refuses an encrypted PDF by name and place, saying what to do', async () => {
    const bytes = await makeEncryptedPdf();
    // How pdf-lib itself reports the file: it will not load an encrypted PDF unless told to ignore
    // the encryption, and then says so. (Its EncryptedPDFError is compiled to ES5: `instanceof`
    // fails, so the packet asks `isEncrypted` instead.)
    await expect(PDFDocument.load(bytes)).rejects.toThrow(/is encrypted/);
    await expect(PDFDocument.load(bytes)).rejects.not.toBeInstanceOf(EncryptedPDFError);
    expect((await PDFDocument.load(bytes, { ignoreEncryption: true })).isEncrypted).toBe(true);
    const err = await refuse({ name: 'police-report.pdf', bytes });
    expect(err.message).toMatch(
      /^exhibit 3 \(police-report\.pdf\) is encrypted .*remove the password and try again/,
    );
    expect(err.path).toEqual(['exhibits', 2, 'file']);
  });

  it('refuses a damaged PDF, and one cut short, without pdf-lib warnings on the console', async () => {
    const warn = vi.spyOn(console, 'warn');
    try {
      const garbage = Buffer.from(
        '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n@@@ broken ]]>> obj\n%%EOF\n',
      );
      const broken = await refuse({ name: 'broken.pdf', bytes: garbage }, 1);
      expect(broken.message).toMatch(
        /^exhibit 2 \(broken\.pdf\) cannot be read as a PDF: .*damaged or incomplete/,
      );
      expect(broken.path).toEqual(['exhibits', 1, 'file']);
      const whole = await makePdf('CUT', 3);
      const cut = await refuse({
        name: 'download.pdf',
        bytes: whole.subarray(0, Math.floor(whole.length / 2)),
      });
      expect(cut.message).toMatch(
        /^exhibit 3 \(download\.pdf\) cannot be read as a PDF: it does not end with the mark/,
      );
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('holds back only its own parse’s warnings: others’ reach the console while it runs', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const garbage = Buffer.from(
        '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n@@@ broken ]]>> obj\n%%EOF\n',
      );
      // The parse starts at once and awaits between objects; another request warns meanwhile.
      const broken = refuse({ name: 'broken.pdf', bytes: garbage }, 0);
      console.warn('another request, at once');
      await Promise.resolve();
      console.warn('another request, a moment later');
      expect((await broken).path).toEqual(['exhibits', 0, 'file']);
      expect(warn.mock.calls).toEqual([['another request, at once'], ['another request, a moment later']]);
      expect(console.warn).toBe(warn);
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses a file that is not a PDF, PNG or JPEG by its contents, whatever its name', async () => {
    const text = await refuse({ name: 'notes.pdf', bytes: Buffer.from('These are my notes.') });
    expect(text.message).toMatch(
      /^exhibit 3 \(notes\.pdf\) is not a PDF, PNG or JPEG file \(checked by its contents/,
    );
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(16)]);
    expect((await refuse({ name: 'IMG_0001.jpg', bytes: heic })).message).toContain('HEIC photo');
    expect((await refuse({ name: 'empty.pdf', bytes: new Uint8Array(0) })).message).toBe(
      'exhibit 3 (empty.pdf) is empty (0 bytes)',
    );
    const png = makePng(4, 4);
    const damaged = Buffer.concat([png.subarray(0, 40), Buffer.alloc(40, 7)]);
    expect((await refuse({ name: 'photo.png', bytes: damaged })).message).toMatch(
      /^exhibit 3 \(photo\.png\) cannot be read as a PNG image/,
    );
  });

  it('refuses words the PDF font cannot show, naming the characters, with no .docx to fall back on', async () => {
    const err = await refusalOf(() =>
      assembleExhibitPacket(details, [{ ...good, description: 'Letter from 王伟' }]),
    );
    expect(err.message).toContain('"王" (U+738B)');
    expect(err.message).toContain('made only as a PDF');
    expect(err.message).not.toContain('.docx');
    expect(err.path).toEqual(['exhibits', 0, 'description']);
    const name = await refusalOf(() =>
      assembleExhibitPacket(
        detailsOf({ ...COURT_CASE, document: { ...COURT_CASE.document, name: 'محمد' } }),
        [good],
      ),
    );
    expect(name.message).toContain('right-to-left');
    expect(name.path).toEqual(['document', 'name']);
  });

  it('keeps a tab page to one page for the longest description', async () => {
    const description = `${'Ωmega-long-word '.repeat(40)}end`.slice(0, MAX_DESCRIPTION);
    const packet = await assembleExhibitPacket(details, [{ ...good, description }]);
    expect(packet.index[0]).toMatchObject({ tabPage: 3, firstPage: 4, lastPage: 4 });
  });
});

describe('photos and scans', () => {
  it('reads the EXIF orientation phones write, and turns the photo upright', async () => {
    expect(jpegOrientation(JPEG)).toBe(1);
    for (let o = 1; o <= 8; o++) expect(jpegOrientation(withOrientation(JPEG, o))).toBe(o);
    // Orientation 6: the stored image's top-left corner is shown top right (turned a quarter clockwise).
    const r = { x: 72, y: 100, width: 200, height: 400 };
    const [a, b, c, d, e, f] = imageMatrix(6, r);
    expect([a * 0 + c * 1 + e, b * 0 + d * 1 + f]).toEqual([r.x + r.width, r.y + r.height]);
    expect([a * 1 + c * 1 + e, b * 1 + d * 1 + f]).toEqual([r.x + r.width, r.y]);

    const packet = await assembleExhibitPacket(detailsOf(), [
      { name: 'phone.jpg', bytes: withOrientation(JPEG, 6), description: 'Photo taken upright on a phone' },
    ]);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(packet.bytes), verbosity: 0 }).promise;
    const [ma, mb, mc, md] = await imageTransform(doc, 4);
    // Stored 16 wide and 8 high, shown 8 wide and 16 high: a quarter turn, portrait.
    expect([ma, md]).toEqual([0, 0]);
    expect(Math.abs(mb!) / Math.abs(mc!)).toBeCloseTo(2, 5);
    await doc.destroy();
  });

  it('keeps a filled form field of an exhibit, scaled with its page', async () => {
    const form = await PDFDocument.create();
    const page: PDFPage = form.addPage([612, 792]);
    const field = form.getForm().createTextField('applicant.name');
    field.setText('Filled In By Hand');
    field.addToPage(page, { x: 50, y: 600, width: 300, height: 20 });
    const before = field.acroField.getWidgets()[0]!.getRectangle();
    const font: PDFFont = await form.embedFont(StandardFonts.Helvetica);
    page.drawText('FORM PAGE', { x: 50, y: 700, size: 12, font });
    const packet = await assembleExhibitPacket(detailsOf(), [
      { name: 'form.pdf', bytes: await form.save(), description: 'A filled form' },
    ]);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(packet.bytes), verbosity: 0 }).promise;
    const annotations = await (await doc.getPage(4)).getAnnotations();
    const widget = annotations.find((a) => a.fieldName === 'applicant.name')!;
    expect(widget.fieldValue).toBe('Filled In By Hand');
    const [x1, y1, x2, y2] = widget.rect as number[];
    // Scaled by 756/792 with its page, and moved with it above the band.
    expect(x2! - x1!).toBeCloseTo((before.width * 756) / 792, 3);
    expect(y2! - y1!).toBeCloseTo((before.height * 756) / 792, 3);
    expect(y1).toBeGreaterThan(36);
    await doc.destroy();
  });
});

describe('the packet input', () => {
  it('reads the exhibits, and the title, court and service as court filings do', () => {
    const { details, exhibits } = parseExhibitPacketInput({
      ...COURT_CASE,
      packet: { title: "Respondent's documents in support of Form I-589" },
      exhibits: [{ file: 'docs/declaration.pdf', description: '  Declaration   of José  ' }],
    });
    expect(exhibits).toEqual([{ file: 'docs/declaration.pdf', description: 'Declaration of José' }]);
    expect(details.title).toBe("Respondent's documents in support of Form I-589");
    expect(details.court).toMatchObject({ detained: false, nextHearingDate: '2027-01-12' });
    expect(details.person.aNumber).toBe('A012345678');
  });

  it.each([
    [
      'no exhibits',
      { exhibits: undefined },
      'exhibits',
      /^exhibits is required: a list of the files to attach/,
    ],
    ['an empty list', { exhibits: [] }, 'exhibits', /^exhibits must list at least one exhibit$/],
    ['a string', { exhibits: 'declaration.pdf' }, 'exhibits', /^exhibits must be a list$/],
    [
      '501 exhibits',
      { exhibits: Array.from({ length: 501 }, (_, i) => ({ file: `${i}.pdf`, description: 'x' })) },
      'exhibits',
      /at most 500/,
    ],
    [
      'no description',
      { exhibits: [{ file: 'a.pdf' }] },
      'exhibits.0.description',
      /^exhibits\.0\.description is required$/,
    ],
    ['an empty path', { exhibits: [{ file: '', description: 'x' }] }, 'exhibits.0.file', /must not be empty/],
    [
      'an unknown field',
      { exhibits: [{ file: 'a.pdf', description: 'x', pages: 3 }] },
      'exhibits.0',
      /has unknown field "pages"/,
    ],
    ['an empty title', { exhibits: ONE_EXHIBIT, packet: { title: '' } }, 'packet.title', /must not be empty/],
  ])('refuses %s, pointing at the field', async (_, change, path, message) => {
    const err = await refusalOf(() => parseExhibitPacketInput({ ...COURT_CASE, ...change }));
    expect(err.path.join('.')).toBe(path);
    expect(err.message).toMatch(message);
  });

  it('makes a packet without a court (for USCIS) with a plain cover and no proof of service', async () => {
    const details = detailsOf({
      asOf: '2026-11-22',
      events: [],
      document: { name: 'Аня Петрова', aNumber: 'A098765432' },
    });
    expect(details.title).toBe('SUPPORTING DOCUMENTS');
    const packet = await assembleExhibitPacket(details, [
      { name: 'a.pdf', bytes: await makePdf('ONLY', 2), description: 'Birth certificate with translation' },
    ]);
    const pages = (await pdfPages(packet.bytes)).map(flat);
    // Cover, index, Tab A and its 2 pages; then the explanation, which is not for the court.
    expect([packet.pages, packet.explanationPages]).toEqual([5, 1]);
    expect(pages).toHaveLength(6);
    expect(pages[0]).toContain('Аня Петрова');
    expect(pages[0]).toContain('A-Number: A098765432');
    expect(pages[0]).not.toContain('IMMIGRATION COURT');
    expect(pages.at(-2)).toContain('ONLY PAGE 2');
    expect(pages.at(-1)).toContain('It is for USCIS');
    expect(pages.at(-1)).not.toContain('immigration court');
    expect(pages.join(' ')).not.toContain('PROOF OF SERVICE');
  });

  it('labels tabs A to Z, then AA, AB, ... as far as 500 exhibits go', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 499].map(tabLabel)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'SF',
    ]);
  });
});

describe('refugio document exhibit-packet', async () => {
  const folder = join(dir, 'case');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(folder, 'evidence'), { recursive: true });
  writeFileSync(join(folder, 'evidence', 'declaration.pdf'), await makePdf('CLI-A', 2));
  writeFileSync(join(folder, 'photo.png'), makePng(30, 40));
  writeFileSync(join(folder, 'locked.pdf'), await makeEncryptedPdf());
  const input = (exhibits: unknown) => ({ ...COURT_CASE, exhibits });
  const write = (name: string, value: unknown) => {
    const path = join(folder, name);
    writeFileSync(path, JSON.stringify(value));
    return path;
  };
  const good = write(
    'packet.json',
    input([
      { file: 'evidence/declaration.pdf', description: 'Declaration of José Núñez' },
      { file: join(folder, 'photo.png'), description: 'Photograph' },
    ]),
  );
  it('writes the packet, with files named relative to the input file, and reports its pages', async () => {
    const out = join(dir, 'packet.pdf');
    const r = runCli(['document', 'exhibit-packet', good, '--out', out, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    const bytes = readFileSync(out);
    // Cover, index, Tab A and its 2 pages, Tab B and the photo, proof of service; then the
    // explanation for the person, not numbered.
    expect(report).toEqual({
      document: 'exhibit-packet',
      format: 'pdf',
      out,
      bytes: bytes.length,
      pages: 8,
      explanationPages: 1,
    });
    const pages = (await pdfPages(bytes)).map(flat);
    expect(pages).toHaveLength(9);
    expect(pages[1]).toContain('Tab A: Declaration of José Núñez Pages 4–5');
    expect(pages[1]).toContain('Tab B: Photograph Page 7');
    expect(pages[3]).toContain('CLI-A PAGE 1');
    expect(pages[7]).toContain('PROOF OF SERVICE');
  });

  it('says in words what it wrote, with the page count', () => {
    const out = join(dir, 'packet-text.pdf');
    const r = runCli(['document', 'exhibit-packet', good, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote exhibit-packet (PDF, 8 pages to file, then 1 for you) to ${out}`);
  });

  it('reads the input from standard input, with paths relative to the working folder', () => {
    const out = join(dir, 'stdin.pdf');
    const r = runCli(['document', 'exhibit-packet', '-', '--out', out, '--format', 'json'], {
      input: JSON.stringify(input([{ file: join(folder, 'photo.png'), description: 'Photograph' }])),
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ pages: 5 });
  });

  it.each([
    [
      'a .docx',
      () => ['document', 'exhibit-packet', good, '--out', join(dir, 'packet.docx')],
      '',
      /^an exhibit packet is made only as a PDF .*--out must end in \.pdf$/,
    ],
    [
      'a missing file',
      () => [
        'document',
        'exhibit-packet',
        write(
          'missing.json',
          input([
            { file: 'evidence/declaration.pdf', description: 'Declaration' },
            { file: 'evidence/missing.pdf', description: 'Gone' },
          ]),
        ),
        '--out',
        join(dir, 'x.pdf'),
      ],
      'exhibits.1.file',
      /^exhibit 2 \(missing\.pdf\) was not found: .*evidence\/missing\.pdf$/,
    ],
    [
      'an encrypted PDF',
      () => [
        'document',
        'exhibit-packet',
        write('locked.json', input([{ file: 'locked.pdf', description: 'Locked' }])),
        '--out',
        join(dir, 'x.pdf'),
      ],
      'exhibits.0.file',
      /^exhibit 1 \(locked\.pdf\) is encrypted/,
    ],
    [
      'a folder',
      () => [
        'document',
        'exhibit-packet',
        write('folder.json', input([{ file: 'evidence', description: 'A folder' }])),
        '--out',
        join(dir, 'x.pdf'),
      ],
      'exhibits.0.file',
      /^exhibit 1 \(evidence\) is a folder, not a file/,
    ],
    [
      'no exhibits',
      () => ['document', 'exhibit-packet', write('none.json', input([])), '--out', join(dir, 'x.pdf')],
      'exhibits',
      /^exhibits must list at least one exhibit$/,
    ],
  ])('exits 2 with a clear message for %s', (_, args, path, message) => {
    const r = runCli([...args(), '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // One JSON line on standard error: no stack trace, no library warnings.
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const error = cliError(r.stderr);
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });
});
