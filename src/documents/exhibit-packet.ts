/**
 * The exhibit packet: the evidence a filing attaches, as one PDF. Uploaded PDFs and photos (PNG,
 * JPEG) are merged behind a cover page and an index of exhibits, each after a tab page ("Tab A"),
 * every page numbered consecutively at the bottom centre ("Page 12 of 300"), and, for the
 * immigration court, a proof of service on DHS at the end.
 *
 * INTERPRETATION: Immigration Court Practice Manual ch. 3.3 (documents): a filing starts with a
 * cover page; all pages, tabs and exhibits included, are numbered consecutively; a filing with
 * several documents has a table of contents listing each with its pages, and the documents are
 * tabbed (A, B, C...). Ch. 3.2: every filing is served on DHS with a proof of service. The index's
 * page ranges name the exhibit's own pages; its tab page has a number too, just before them.
 * OPEN QUESTION: the manual's subsection letters have moved between versions; cite by chapter.
 *
 * Pure: bytes in, bytes out, no file system and no clock. The CLI (src/cli/exhibit-files.ts) reads
 * the files; the API will pass its stored uploads to assembleExhibitPacket.
 *
 * The pages Refugio writes (cover, index, tabs, proof of service) are DocumentModels drawn by
 * pdf.ts, so they share its font, layout and character check; the court's cover page and the proof
 * of service are the ones every court filing has (kinds/court-filing.ts). Every exhibit page
 * becomes a US Letter page whose content is scaled into the space above a band kept for the page
 * number: a number stamped over a scan could hide words of the evidence, so nothing is ever drawn
 * on it.
 *
 * After the filing comes the page that explains the packet to the person, in their language
 * (explanations.ts): not numbered and not counted, as it is not filed, so the cover, the index and
 * the proof of service count only the filing's pages.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import fontkit from '@pdf-lib/fontkit';
import {
  clip,
  concatTransformationMatrix,
  degrees,
  drawObject,
  drawText,
  endPath,
  ParseSpeeds,
  type PDFArray,
  PDFContentStream,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  type PDFOperator,
  type PDFPage,
  type PDFRef,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
} from 'pdf-lib';
import * as z from 'zod';
import { ALLOWED_FILE_TYPES, type AllowedFileType, looksLike } from '../api/file-types.ts';
import { computeDeadlines, parseCaseFacts } from '../core/index.ts';
import { DocumentInputError } from './errors.ts';
import { explanationSection, explanationTitle, type PrehearingFact, prehearingFact } from './explanations.ts';
import { coverBlocks, fileNumber, parseCourtFiling, proofOfService } from './kinds/court-filing.ts';
import {
  addressLines,
  type CourtDetails,
  line,
  longDate,
  objectError,
  type PersonDetails,
  parseDetails,
  parseKindDetails,
  str,
} from './kinds/input.ts';
import {
  caption,
  centered,
  columns,
  createDocument,
  type DocumentModel,
  documentStrings,
  lines,
  PAGE,
  paragraph,
  type Section,
} from './model.ts';
import { loadFonts, pdfTextChecker, renderPdf } from './pdf.ts';

export const MAX_EXHIBITS = 500;
/** The longest description: a tab page must stay one page (tested). */
export const MAX_DESCRIPTION = 500;
/** A PNG is decoded to draw it: past this many pixels it would take gigabytes. JPEGs are copied as they are. */
const MAX_PNG_PIXELS = 40_000_000;

/** Where the page number goes: a band at the bottom of every page that nothing else draws on. */
const STAMP = { band: 36, baseline: 16, size: 9 } as const;
const LETTER = { width: PAGE.widthPt, height: PAGE.heightPt } as const;

// ---------------------------------------------------------------------------------------------
// Input

const exhibitSchema = z.strictObject(
  {
    // A path is kept exactly as written: spaces and Unicode normalisation are part of file names.
    file: str().pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .max(4096, 'is too long')
        .refine((s) => !/\p{Cc}/u.test(s), 'must not contain control characters'),
    ),
    description: line(MAX_DESCRIPTION),
  },
  objectError,
);

const exhibitsSchema = z
  .array(exhibitSchema, { error: 'must be a list' })
  .min(1, 'must list at least one exhibit')
  .max(MAX_EXHIBITS, `has too many exhibits (at most ${MAX_EXHIBITS}): split them into more than one packet`);

const packetSchema = z.strictObject({ title: line(200).optional() }, objectError);

/** One exhibit as the input names it: a file path (relative to the input file, or absolute). */
export interface ExhibitEntry {
  readonly file: string;
  readonly description: string;
}

/** What the pages Refugio writes say, apart from the exhibits. */
export interface PacketDetails {
  readonly person: PersonDetails;
  /** The title on the cover page. */
  readonly title: string;
  /** The day the packet is prepared: the case's as-of date. */
  readonly date: string;
  /** For the immigration court: the cover page follows the Practice Manual, and DHS is served. */
  readonly court?: {
    readonly details: CourtDetails;
    readonly detained: boolean;
    readonly nextHearingDate?: string;
  };
  /** For the immigration court: the law core's last day to file documents for the next hearing. */
  readonly prehearing?: PrehearingFact;
}

/** One exhibit's file as bytes: `name` is how messages name it (the file's name, never its path). */
export interface ExhibitFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly description: string;
}

export interface ExhibitIndexEntry {
  /** "A", "B", ... "Z", "AA": the tab's letters. */
  readonly tab: string;
  readonly name: string;
  readonly description: string;
  readonly type: AllowedFileType;
  /** Page numbers in the packet, from 1: the tab page, then the exhibit's first and last page. */
  readonly tabPage: number;
  readonly firstPage: number;
  readonly lastPage: number;
}

export interface ExhibitPacket {
  readonly bytes: Uint8Array;
  /** The filing's pages, each numbered "Page n of pages". */
  readonly pages: number;
  /** The pages after them that explain the packet to the person: not numbered, not filed. */
  readonly explanationPages: number;
  readonly index: readonly ExhibitIndexEntry[];
}

const DEFAULT_TITLE = { court: "RESPONDENT'S EXHIBITS", other: 'SUPPORTING DOCUMENTS' } as const;

/**
 * Validates the packet's input: the case facts, `document` (as every kind reads it; with `court`
 * the packet is for the immigration court, and the court filing's rules apply), `exhibits`, and
 * an optional `packet` with the cover's title.
 */
export function parseExhibitPacketInput(input: unknown): {
  details: PacketDetails;
  exhibits: readonly ExhibitEntry[];
} {
  const facts = parseCaseFacts(input);
  const person = parseDetails(input, facts);
  const filing = person.court !== undefined ? parseCourtFiling(input, facts) : undefined;
  const exhibits = parseKindDetails(
    input,
    'exhibits',
    exhibitsSchema,
    'a list of the files to attach, in order: [{ "file": "declaration.pdf", "description": "Declaration of ..." }]',
  )!;
  const packet = parseKindDetails(input, 'packet', packetSchema) ?? {};
  const prehearing = filing !== undefined ? prehearingFact(computeDeadlines(facts)) : undefined;
  return {
    details: {
      person,
      title: packet.title ?? (filing !== undefined ? DEFAULT_TITLE.court : DEFAULT_TITLE.other),
      date: facts.asOf,
      ...(filing !== undefined
        ? {
            court: {
              details: filing.court,
              detained: filing.detained,
              ...(filing.nextHearingDate !== undefined ? { nextHearingDate: filing.nextHearingDate } : {}),
            },
          }
        : {}),
      ...(prehearing !== undefined ? { prehearing } : {}),
    },
    exhibits,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the exhibits

/** Tab letters as courts write them: A to Z, then AA, AB, ... (bijective base 26). */
export function tabLabel(index: number): string {
  let n = index + 1;
  let label = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    label = String.fromCharCode(65 + r) + label;
    n = Math.floor((n - 1) / 26);
  }
  return label;
}

type Source =
  | {
      readonly kind: 'pdf';
      readonly type: 'application/pdf';
      readonly doc: PDFDocument;
      readonly pages: number;
    }
  | {
      readonly kind: 'image';
      readonly type: 'image/png' | 'image/jpeg';
      readonly bytes: Uint8Array;
      readonly orientation: number;
      readonly pages: 1;
    };

function who(e: ExhibitFile, i: number): string {
  return `exhibit ${i + 1} (${e.name})`;
}

const latin1 = (bytes: Uint8Array, from = 0, to = bytes.length) =>
  Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, to - from)).toString('latin1');

/** What a file that is none of the three types probably is, to say what to do with it. */
function otherTypeHint(bytes: Uint8Array): string {
  const head = latin1(bytes, 0, Math.min(bytes.length, 1024));
  if (/^....ftyp(heic|heix|hevc|mif1|msf1|heif)/s.test(head))
    return ' It looks like an HEIC photo (as iPhones take them): share or export it as JPEG, or save it as PDF.';
  if (head.startsWith('PK\u0003\u0004'))
    return ' It looks like a Word or other Office file: save or print it as PDF.';
  if (head.includes('%PDF-'))
    return ' It has extra bytes before the start of the PDF: open it and save or print it as a new PDF.';
  return ' Save or print it as PDF, or take the photo again as JPEG.';
}

/** Set while an exhibit is parsed: the warnings pdf-lib writes then are held back. */
const parsing = new AsyncLocalStorage<true>();
/** console.warn as it was before the first of the parses under way began, while any is. */
let heldWarn: { readonly original: typeof console.warn; readonly filter: typeof console.warn } | undefined;
let parses = 0;

/**
 * Runs `load` with pdf-lib's console warnings held back: it warns about each object it cannot
 * parse, and the CLI's standard error must carry only our one error (JSON with --format json).
 * pdf-lib's parser awaits between objects, so other requests run during a parse: console.warn is
 * replaced by a filter that drops only what is written from within a parse (AsyncLocalStorage
 * follows the parse through its awaits) and passes everything else on, and is put back when the
 * last parse under way ends.
 */
async function quietly<T>(load: () => Promise<T>): Promise<T> {
  if (parses++ === 0) {
    const original = console.warn;
    const filter: typeof console.warn = (...args) => {
      if (parsing.getStore() === undefined) original.apply(console, args);
    };
    heldWarn = { original, filter };
    console.warn = filter;
  }
  try {
    return await parsing.run(true, load);
  } finally {
    if (--parses === 0) {
      // Put back only our own filter: something else may have replaced console.warn since.
      if (console.warn === heldWarn?.filter) console.warn = heldWarn.original;
      heldWarn = undefined;
    }
  }
}

async function openPdf(e: ExhibitFile, i: number): Promise<Source> {
  const path = ['exhibits', i, 'file'];
  const damaged = (why: string) =>
    new DocumentInputError(
      `${who(e, i)} cannot be read as a PDF: ${why}. It may be damaged or incomplete: download or scan it again, ` +
        'or open it and save or print it as a new PDF, and try again',
      path,
    );
  const encrypted = () =>
    new DocumentInputError(
      `${who(e, i)} is encrypted (it has a password, or protection against copying or printing): ` +
        'remove the password and try again. If you do not know one, open the file and print it to a new PDF',
      path,
    );
  // Acrobat, which courts use, wants the end-of-file mark in the last 1024 bytes (PDF 1.7
  // reference, appendix H); a file cut short in a download has none there.
  if (!latin1(e.bytes, Math.max(0, e.bytes.length - 1024)).includes('%%EOF'))
    throw damaged('it does not end with the mark every PDF ends with');
  let doc: PDFDocument;
  try {
    // Loaded even if encrypted, then asked: pdf-lib's EncryptedPDFError is compiled to ES5, where
    // `instanceof` on an Error subclass is always false.
    doc = await quietly(() =>
      PDFDocument.load(e.bytes, {
        updateMetadata: false,
        parseSpeed: ParseSpeeds.Fastest,
        ignoreEncryption: true,
      }),
    );
  } catch {
    // An encrypted file's compressed objects cannot be parsed, so the parser may fail before it
    // reaches the trailer that says /Encrypt: look for the key itself.
    if (latin1(e.bytes).includes('/Encrypt')) throw encrypted();
    throw damaged('its structure is broken');
  }
  if (doc.isEncrypted) throw encrypted();
  let pages: number;
  try {
    pages = doc.getPageCount();
  } catch {
    throw damaged('its list of pages is broken');
  }
  if (pages === 0) throw damaged('it has no pages');
  return { kind: 'pdf', type: 'application/pdf', doc, pages };
}

/** The EXIF orientation (1 to 8) of a JPEG, 1 when it has none: phones store photos sideways. */
export function jpegOrientation(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte before a marker
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // image data: no EXIF after it
    const length = view.getUint16(at + 2);
    const body = at + 4;
    if (marker === 0xe1 && length >= 16 && latin1(bytes, body, body + 6) === 'Exif\u0000\u0000') {
      const tiff = body + 6;
      const little = latin1(bytes, tiff, tiff + 2) === 'II';
      if (!little && latin1(bytes, tiff, tiff + 2) !== 'MM') return 1;
      const end = Math.min(bytes.length, at + 2 + length);
      const u16 = (o: number) => (o + 2 <= end ? view.getUint16(o, little) : 0);
      const u32 = (o: number) => (o + 4 <= end ? view.getUint32(o, little) : 0);
      const ifd = tiff + u32(tiff + 4);
      const count = u16(ifd);
      for (let k = 0; k < count; k++) {
        const entry = ifd + 2 + k * 12;
        if (entry + 12 > end) break;
        if (u16(entry) === 0x0112) {
          const value = u16(entry + 8);
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
      return 1;
    }
    at += 2 + length;
  }
  return 1;
}

/**
 * The bytes in an ArrayBuffer of their own. pdf-lib 1.17.1 reads a JPEG's header through
 * `new DataView(bytes.buffer)`, from the buffer's start: a Node Buffer is often a view into a
 * shared pool, and a valid photo would then be "not a JPEG".
 */
function ownBytes(bytes: Uint8Array): Uint8Array {
  // new Uint8Array copies; a Buffer's slice() would be another view into the same pool.
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : new Uint8Array(bytes);
}

async function openExhibit(file: ExhibitFile, i: number): Promise<Source> {
  const e = { ...file, bytes: ownBytes(file.bytes) };
  const path = ['exhibits', i, 'file'];
  if (e.bytes.length === 0) throw new DocumentInputError(`${who(e, i)} is empty (0 bytes)`, path);
  // The same check the API makes of an upload: the first bytes, never the name.
  const type = ALLOWED_FILE_TYPES.find((t) => looksLike(t, e.bytes));
  if (type === undefined)
    throw new DocumentInputError(
      `${who(e, i)} is not a PDF, PNG or JPEG file (checked by its contents, not its name).${otherTypeHint(e.bytes)}`,
      path,
    );
  if (type === 'application/pdf') return openPdf(e, i);
  if (type === 'image/png') {
    const view = new DataView(e.bytes.buffer, e.bytes.byteOffset, e.bytes.byteLength);
    const [width, height] = e.bytes.length >= 24 ? [view.getUint32(16), view.getUint32(20)] : [0, 0];
    if (width * height > MAX_PNG_PIXELS)
      throw new DocumentInputError(
        `${who(e, i)} is too large an image (${width} × ${height} pixels): make it smaller ` +
          `(at most ${MAX_PNG_PIXELS / 1_000_000} megapixels), or save it as JPEG`,
        path,
      );
  }
  return {
    kind: 'image',
    type,
    bytes: e.bytes,
    orientation: type === 'image/jpeg' ? jpegOrientation(e.bytes) : 1,
    pages: 1,
  };
}

// ---------------------------------------------------------------------------------------------
// The pages Refugio writes

function pageRange(first: number, last: number): string {
  return first === last ? `Page ${first}` : `Pages ${first}\u2013${last}`;
}

interface Layout {
  readonly tabs: readonly string[];
  /** Per exhibit: its tab page and its first and last page. */
  readonly at: readonly { readonly tab: number; readonly first: number; readonly last: number }[];
  readonly total: number;
}

function layout(front: number, counts: readonly number[], service: boolean): Layout {
  let page = front;
  const at = counts.map((n) => {
    const tab = page + 1;
    page += 1 + n;
    return { tab, first: tab + 1, last: tab + n };
  });
  return { tabs: counts.map((_, i) => tabLabel(i)), at, total: page + (service ? 1 : 0) };
}

function tabsWords(l: Layout): string {
  return l.tabs.length === 1 ? `Tab ${l.tabs[0]}` : `Tabs ${l.tabs[0]} to ${l.tabs.at(-1)}`;
}

/** The cover page: the Practice Manual's caption for the court (ch. 3.3), a plain one otherwise. */
function cover(d: PacketDetails, l: Layout): Section {
  const summary = paragraph(
    `Exhibits at ${tabsWords(l)}, ${l.total} pages in all. The index of exhibits, on the next page, ` +
      'gives the pages of each.',
  );
  const c = d.court;
  if (c === undefined)
    return {
      blocks: [
        lines(d.person.name, ...(d.person.address !== undefined ? addressLines(d.person.address) : [])),
        centered([d.title], { bold: true }),
        caption([
          { label: 'Name', value: d.person.name },
          { label: 'A-Number', value: d.person.aNumber },
          { label: 'Date', value: longDate(d.date) },
        ]),
        summary,
      ],
    };
  return {
    blocks: [
      ...coverBlocks(
        { details: d.person, court: c.details, detained: c.detained, nextHearingDate: c.nextHearingDate },
        d.title,
      ),
      summary,
    ],
  };
}

function indexSection(d: PacketDetails, entries: readonly ExhibitFile[], l: Layout): Section {
  return {
    blocks: [
      centered(['INDEX OF EXHIBITS'], { bold: true }),
      paragraph(`${d.person.name}, ${fileNumber(d.person.aNumber)}: ${d.title}`, 'small'),
      columns(['Tab and document'], ['Pages']),
      ...entries.map((e, i) =>
        columns([`Tab ${l.tabs[i]}: ${e.description}`], [pageRange(l.at[i]!.first, l.at[i]!.last)]),
      ),
    ],
  };
}

function tabSection(e: ExhibitFile, i: number, l: Layout): Section {
  const at = l.at[i]!;
  return {
    blocks: [
      centered([`TAB ${l.tabs[i]}`], { bold: true }),
      centered([e.description]),
      centered([`${pageRange(at.first, at.last)} of this filing`]),
    ],
  };
}

/** The metadata title: never personal data, which would travel with the file unseen. */
const FILE_TITLE = 'Exhibit packet';

function frontModel(d: PacketDetails, entries: readonly ExhibitFile[], l: Layout): DocumentModel {
  return createDocument(FILE_TITLE, [cover(d, l), indexSection(d, entries, l)]);
}

function backModel(
  d: PacketDetails,
  entries: readonly ExhibitFile[],
  l: Layout,
  service: boolean,
): DocumentModel {
  return createDocument(FILE_TITLE, [
    ...entries.map((e, i) => tabSection(e, i, l)),
    ...(service
      ? [
          proofOfService(
            d.person,
            d.date,
            `"${d.title}", ${l.total} pages with the exhibits at ${tabsWords(l)} and this proof of service,`,
          ),
        ]
      : []),
  ]);
}

/** The page for the person, in their language, after the filing. */
function explanationModel(d: PacketDetails, service: boolean): DocumentModel {
  return createDocument(FILE_TITLE, [
    explanationSection(d.person.language, {
      kind: 'exhibit-packet',
      court: d.court !== undefined,
      service,
      ...(d.prehearing !== undefined ? { prehearing: d.prehearing } : {}),
    }),
  ]);
}

const PDF_ONLY =
  'An exhibit packet is made only as a PDF: write these words in letters the font has ' +
  '(for example, a name as your immigration papers spell it in Latin letters)';

async function checkText(
  d: PacketDetails,
  entries: readonly ExhibitFile[],
  models: readonly DocumentModel[],
) {
  const check = await pdfTextChecker(PDF_ONLY);
  entries.forEach((e, i) => {
    const problem = check(e.description);
    if (problem !== undefined)
      throw new DocumentInputError(`exhibits.${i}.description: ${problem}`, ['exhibits', i, 'description']);
  });
  const name = check(d.person.name);
  if (name !== undefined) throw new DocumentInputError(`document.name: ${name}`, ['document', 'name']);
  const title = check(d.title);
  if (title !== undefined) throw new DocumentInputError(`packet.title: ${title}`, ['packet', 'title']);
  for (const model of models) {
    for (const text of documentStrings(model)) {
      const problem = check(text);
      if (problem !== undefined) throw new DocumentInputError(problem, ['document']);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Assembly

interface Placement {
  /** The page's rotation, 0, 90, 180 or 270 degrees clockwise, as viewers show it. */
  readonly rotation: number;
  /** The media box: its origin, and its size before rotation. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const UPRIGHT_LETTER: Placement = { rotation: 0, x: 0, y: 0, ...LETTER };

/**
 * A content stream left uncompressed: the few operators added to each page are smaller than a
 * compressed stream's overhead, and compressing hundreds of them took a third of a 300-page build.
 */
function plainStream(doc: PDFDocument, operators: PDFOperator[]): PDFRef {
  return doc.context.register(PDFContentStream.of(doc.context.obj({}), operators, false));
}

/**
 * The matrix from the page as a reader sees it (upright Letter, origin bottom left) to the page's
 * own coordinates, which a /Rotate turns for display.
 */
function uprightMatrix(p: Placement): [number, number, number, number, number, number] {
  switch (p.rotation) {
    case 90:
      return [0, 1, -1, 0, p.x + p.width, p.y];
    case 180:
      return [-1, 0, 0, -1, p.x + p.width, p.y + p.height];
    case 270:
      return [0, -1, 1, 0, p.x, p.y + p.height];
    default:
      return [1, 0, 0, 1, p.x, p.y];
  }
}

function rotationOf(page: PDFPage): number {
  const angle = page.getRotation().angle;
  const r = ((angle % 360) + 360) % 360;
  return r % 90 === 0 ? r : 0;
}

/**
 * Turns a copied page into a Letter page: its visible area (crop box) scaled down, never up, to
 * fit above the page-number band and centred there, annotations (a form's filled fields, a
 * signature added in a viewer) scaled with it. A /Rotate stays: the page is fitted in its own
 * coordinates so that, turned, it reads as upright Letter.
 */
function fitToLetter(doc: PDFDocument, page: PDFPage): Placement {
  const rotation = rotationOf(page);
  const media = page.getMediaBox();
  const crop = page.getCropBox();
  const x0 = Math.max(media.x, crop.x);
  const y0 = Math.max(media.y, crop.y);
  const x1 = Math.min(media.x + media.width, crop.x + crop.width);
  const y1 = Math.min(media.y + media.height, crop.y + crop.height);
  const box =
    x1 - x0 > 1 && y1 - y0 > 1
      ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
      : { x: media.x, y: media.y, width: Math.max(media.width, 1), height: Math.max(media.height, 1) };
  const sideways = rotation === 90 || rotation === 270;
  const width = sideways ? LETTER.height : LETTER.width;
  const height = sideways ? LETTER.width : LETTER.height;
  // The space above the band, upright, in the page's own coordinates.
  const [a, b, c, d] = uprightMatrix({ rotation, x: 0, y: 0, width, height });
  const span = { width: LETTER.width, height: LETTER.height - STAMP.band };
  const frameWidth = Math.abs(a) * span.width + Math.abs(c) * span.height;
  const frameHeight = Math.abs(b) * span.width + Math.abs(d) * span.height;
  // Where the band lies once the page is turned: below (0), left (90), above (180), right (270).
  const frameX = rotation === 270 ? STAMP.band : 0;
  const frameY = rotation === 0 ? STAMP.band : 0;
  const s = Math.min(1, frameWidth / box.width, frameHeight / box.height);
  // The content is scaled about the origin; the new media box is placed around it, rather than
  // the content moved, so annotations need only the scaling pdf-lib gives them.
  const x = s * box.x - (frameX + (frameWidth - s * box.width) / 2);
  const y = s * box.y - (frameY + (frameHeight - s * box.height) / 2);

  page.node.normalize();
  const start = plainStream(doc, [
    pushGraphicsState(),
    concatTransformationMatrix(s, 0, 0, s, 0, 0),
    // What lay outside the crop box was hidden and stays hidden.
    rectangle(box.x, box.y, box.width, box.height),
    clip(),
    endPath(),
  ]);
  page.node.wrapContentStreams(start, plainStream(doc, [popGraphicsState()]));
  page.scaleAnnotations(s, s);
  page.setMediaBox(x, y, width, height);
  page.setCropBox(x, y, width, height);
  for (const key of ['BleedBox', 'TrimBox', 'ArtBox']) page.node.delete(PDFName.of(key));
  return { rotation, x, y, width, height };
}

/**
 * How an image's unit square maps onto the page for an EXIF orientation, given the rectangle it
 * fills as a reader should see it. Orientations 5 to 8 turn the image a quarter, so the rectangle
 * is as wide as the stored image is tall.
 */
export function imageMatrix(
  orientation: number,
  r: { x: number; y: number; width: number; height: number },
): [number, number, number, number, number, number] {
  // For each orientation, upright (s, t) in the unit square = (α u + β v + γ, δ u + ε v + ζ),
  // (u, v) being the stored image's unit square with v up (PDF's image space).
  const table: Record<number, readonly [number, number, number, number, number, number]> = {
    1: [1, 0, 0, 0, 1, 0],
    2: [-1, 0, 1, 0, 1, 0],
    3: [-1, 0, 1, 0, -1, 1],
    4: [1, 0, 0, 0, -1, 1],
    5: [0, -1, 1, -1, 0, 1],
    6: [0, 1, 0, -1, 0, 1],
    7: [0, 1, 0, 1, 0, 0],
    8: [0, -1, 1, 1, 0, 0],
  };
  const [al, be, ga, de, ep, ze] = table[orientation] ?? table[1]!;
  return [r.width * al, r.height * de, r.width * be, r.height * ep, r.x + r.width * ga, r.y + r.height * ze];
}

async function addImagePage(
  doc: PDFDocument,
  source: Extract<Source, { kind: 'image' }>,
  e: ExhibitFile,
  i: number,
) {
  let image: Awaited<ReturnType<PDFDocument['embedPng']>>;
  try {
    image = source.type === 'image/png' ? await doc.embedPng(source.bytes) : await doc.embedJpg(source.bytes);
  } catch {
    throw new DocumentInputError(
      `${who(e, i)} cannot be read as a ${source.type === 'image/png' ? 'PNG' : 'JPEG'} image: it may be damaged. ` +
        'Open it and save it again, or take the photo again, and try again',
      ['exhibits', i, 'file'],
    );
  }
  const page = doc.addPage([LETTER.width, LETTER.height]);
  const quarter = source.orientation >= 5;
  const shownWidth = quarter ? image.height : image.width;
  const shownHeight = quarter ? image.width : image.height;
  const m = PAGE.marginPt;
  const room = { width: LETTER.width - 2 * m, height: LETTER.height - 2 * m };
  const s = Math.min(room.width / shownWidth, room.height / shownHeight);
  const width = shownWidth * s;
  const height = shownHeight * s;
  // Centred across, from the top margin down: a photo of a document reads like the document.
  const rect = { x: m + (room.width - width) / 2, y: LETTER.height - m - height, width, height };
  const key = page.node.newXObject('Image', image.ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(...imageMatrix(source.orientation, rect)),
    drawObject(key),
    popGraphicsState(),
  );
  return page;
}

/** Bookmarks, so a judge can jump to a tab in any reader. */
function addOutline(doc: PDFDocument, items: readonly { title: string; page: PDFRef }[]): void {
  if (items.length === 0) return;
  const context = doc.context;
  const root = context.nextRef();
  const refs = items.map(() => context.nextRef());
  items.forEach((item, k) => {
    const entry = new Map<PDFName, PDFHexString | PDFRef | PDFArray>([
      [PDFName.of('Title'), PDFHexString.fromText(item.title)],
      [PDFName.of('Parent'), root],
      [PDFName.of('Dest'), context.obj([item.page, PDFName.of('Fit')])],
    ]);
    if (k > 0) entry.set(PDFName.of('Prev'), refs[k - 1]!);
    if (k < items.length - 1) entry.set(PDFName.of('Next'), refs[k + 1]!);
    context.assign(refs[k]!, PDFDict.fromMapWithContext(entry, context));
  });
  context.assign(
    root,
    context.obj({ Type: 'Outlines', First: refs[0]!, Last: refs.at(-1)!, Count: items.length }),
  );
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/**
 * Assembles the packet. Throws DocumentInputError for an exhibit that is not a readable PDF, PNG
 * or JPEG (naming it, and its place in the list), and for text the PDF font cannot show.
 */
export async function assembleExhibitPacket(
  details: PacketDetails,
  exhibits: readonly ExhibitFile[],
): Promise<ExhibitPacket> {
  if (exhibits.length === 0)
    throw new DocumentInputError('exhibits must list at least one exhibit', ['exhibits']);
  if (exhibits.length > MAX_EXHIBITS)
    throw new DocumentInputError(
      `exhibits has too many exhibits (at most ${MAX_EXHIBITS}): split them into more than one packet`,
      ['exhibits'],
    );
  const service = details.court !== undefined || details.person.service !== undefined;

  // Every file is read before anything is drawn: a bad file is reported at once, by name.
  const sources: Source[] = [];
  for (const [i, e] of exhibits.entries()) sources.push(await openExhibit(e, i));
  const counts = sources.map((s) => s.pages);

  // The index gives page numbers, which depend on how long the index is: lay it out until the
  // length it assumes is the length it takes (one pass, two when it runs onto a new page).
  let front = 2;
  let l = layout(front, counts, service);
  const explanation = explanationModel(details, service);
  await checkText(details, exhibits, [
    frontModel(details, exhibits, l),
    backModel(details, exhibits, l, service),
    explanation,
  ]);
  let frontBytes: Uint8Array | undefined;
  for (let pass = 0; pass < 5 && frontBytes === undefined; pass++) {
    const bytes = await renderPdf(frontModel(details, exhibits, l));
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    if (pages === front) frontBytes = bytes;
    else {
      front = pages;
      l = layout(front, counts, service);
    }
  }
  if (frontBytes === undefined) throw new Error('the index of exhibits did not settle on a length');
  const backBytes = await renderPdf(backModel(details, exhibits, l, service));
  const explanationBytes = await renderPdf(explanation);

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  doc.setTitle(FILE_TITLE, { showInWindowTitleBar: true });
  doc.setLanguage('en-US');
  doc.setCreator('Refugio');
  doc.setProducer('Refugio (pdf-lib)');

  const frontDoc = await PDFDocument.load(frontBytes);
  const backDoc = await PDFDocument.load(backBytes);
  const backCount = backDoc.getPageCount();
  // A tab page that ran onto a second page would shift every number after it.
  if (backCount !== exhibits.length + (service ? 1 : 0))
    throw new Error(
      `tab pages and proof of service took ${backCount} pages, not ${exhibits.length + (service ? 1 : 0)}`,
    );
  // One copy per source document, so fonts and images the pages share are copied once.
  const frontPages = await doc.copyPages(frontDoc, frontDoc.getPageIndices());
  const backPages = await doc.copyPages(backDoc, backDoc.getPageIndices());

  const placements: Placement[] = [];
  const outline: { title: string; page: PDFRef }[] = [];
  for (const page of frontPages) {
    doc.addPage(page);
    placements.push(UPRIGHT_LETTER);
  }
  outline.push({ title: 'Cover page', page: frontPages[0]!.ref });
  if (frontPages.length > 1) outline.push({ title: 'Index of exhibits', page: frontPages[1]!.ref });

  for (const [i, source] of sources.entries()) {
    const e = exhibits[i]!;
    const tab = doc.addPage(backPages[i]!);
    placements.push(UPRIGHT_LETTER);
    outline.push({ title: `Tab ${l.tabs[i]}: ${e.description}`, page: tab.ref });
    if (source.kind === 'image') {
      await addImagePage(doc, source, e, i);
      placements.push(UPRIGHT_LETTER);
      continue;
    }
    // A page tree that parsed can still point at objects that are missing or of the wrong kind
    // (a page without a size): found only when the pages are copied and fitted.
    let fitted: Placement[];
    try {
      const copied = await doc.copyPages(source.doc, source.doc.getPageIndices());
      fitted = copied.map((page) => fitToLetter(doc, doc.addPage(page)));
    } catch {
      throw new DocumentInputError(
        `${who(e, i)} cannot be read as a PDF: some of its pages are broken. Open it and save or print it as a new PDF, and try again`,
        ['exhibits', i, 'file'],
      );
    }
    placements.push(...fitted);
  }
  if (service) {
    const page = doc.addPage(backPages.at(-1)!);
    placements.push(UPRIGHT_LETTER);
    outline.push({ title: 'Proof of service', page: page.ref });
  }

  const pages = doc.getPages();
  if (pages.length !== l.total)
    throw new Error(`the packet has ${pages.length} pages, the index counts ${l.total}`);
  await stampPageNumbers(doc, pages, placements);
  // The person's page comes after the filing, unnumbered: it is not part of what is filed.
  const explanationDoc = await PDFDocument.load(explanationBytes);
  const explanationPages = await doc.copyPages(explanationDoc, explanationDoc.getPageIndices());
  for (const page of explanationPages) doc.addPage(page);
  outline.push({ title: explanationTitle(details.person.language), page: explanationPages[0]!.ref });
  addOutline(doc, outline);

  const bytes = await doc.save({ objectsPerTick: 2000 });
  return {
    bytes,
    pages: pages.length,
    explanationPages: explanationPages.length,
    index: exhibits.map((e, i) => ({
      tab: l.tabs[i]!,
      name: e.name,
      description: e.description,
      type: sources[i]!.type,
      tabPage: l.at[i]!.tab,
      firstPage: l.at[i]!.first,
      lastPage: l.at[i]!.last,
    })),
  };
}

/** "Page 12 of 300", bottom centre, on every page, in the document's font: selectable text. */
async function stampPageNumbers(
  doc: PDFDocument,
  pages: readonly PDFPage[],
  placements: readonly Placement[],
) {
  const { regular } = await loadFonts();
  // A fixed subset tag, as pdf.ts does: the same input gives the same bytes.
  const font = await doc.embedFont(regular.bytes, { subset: true, customName: 'RFGAAC+DejaVuSans' });
  const total = pages.length;
  pages.forEach((page, k) => {
    const text = `Page ${k + 1} of ${total}`;
    const width = font.widthOfTextAtSize(text, STAMP.size);
    const key = page.node.newFontDictionary(font.name, font.ref);
    // Drawn upright as the reader sees the page, whatever its /Rotate.
    const stamp = plainStream(doc, [
      pushGraphicsState(),
      concatTransformationMatrix(...uprightMatrix(placements[k]!)),
      ...drawText(font.encodeText(text), {
        x: (LETTER.width - width) / 2,
        y: STAMP.baseline,
        size: STAMP.size,
        font: key,
        color: rgb(0, 0, 0),
        rotate: degrees(0),
        xSkew: degrees(0),
        ySkew: degrees(0),
      }),
      popGraphicsState(),
    ]);
    page.node.addContentStream(stamp);
  });
}
