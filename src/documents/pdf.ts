/**
 * The PDF adapter: draws a DocumentModel with pdf-lib, in DejaVu Sans embedded (subset) so names in
 * Latin, Greek, Cyrillic, Armenian and Georgian letters are real, selectable text.
 *
 * pdf-lib neither shapes nor reorders text, and a font without a glyph silently draws an empty box.
 * So every character is checked first, and one the PDF cannot show correctly (no glyph, or a
 * right-to-left or joined script such as Arabic, Hebrew or Devanagari) is an error naming it, never
 * a blank or a garbled name. Such names can go in a DOCX, where the word processor does the shaping.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit, { type Font, type Glyph } from '@pdf-lib/fontkit';
import {
  appendBezierCurve,
  closePath,
  concatTransformationMatrix,
  fill,
  lineTo,
  moveTo,
  PDFDocument,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  type RGB,
  rgb,
  setFillingColor,
  setTextRenderingMode,
  TextRenderingMode,
} from 'pdf-lib';
import { DocumentInputError } from './errors.ts';
import type { Block, DocumentModel } from './model.ts';
import { PLACED_GLYPH_BY_GLYPH } from './scripts.ts';

/** The font and where it comes from: the npm package `dejavu-fonts-ttf` (Bitstream Vera licence). */
export const PDF_FONT = {
  name: 'DejaVu Sans',
  package: 'dejavu-fonts-ttf',
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;

interface LoadedFont {
  readonly bytes: Uint8Array;
  /** The same font as fontkit reads it, for glyph coverage and mark positions. */
  readonly kit: Font;
}

interface FontPair {
  readonly regular: LoadedFont;
  readonly bold: LoadedFont;
}

// Ligatures off: "ffi" stays three letters, so copying and searching the text works in every reader.
const FEATURES = { liga: false, clig: false } as const;

let fonts: Promise<FontPair> | undefined;

/** The font files, read once per process; exported for documents that draw on pages of their own. */
export function loadFonts(): Promise<FontPair> {
  fonts ??= (async () => {
    const require = createRequire(import.meta.url);
    const [regular, bold] = await Promise.all([
      readFile(require.resolve(PDF_FONT.regular)),
      readFile(require.resolve(PDF_FONT.bold)),
    ]);
    return {
      regular: { bytes: regular, kit: fontkit.create(regular) },
      bold: { bytes: bold, kit: fontkit.create(bold) },
    };
  })();
  return fonts;
}

// Controls, format characters (bidi marks, zero-width joiners), private use, unassigned.
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}]$/u;

type Problem = 'no_glyph' | 'needs_shaping' | 'invisible';

function problemOf(ch: string, covered: (cp: number) => boolean): Problem | undefined {
  if (INVISIBLE.test(ch)) return 'invisible';
  if (!covered(ch.codePointAt(0)!)) return 'no_glyph';
  // The font has the letter, but drawn one by one, left to right, it would read wrong.
  if (!PLACED_GLYPH_BY_GLYPH.test(ch)) return 'needs_shaping';
  return undefined;
}

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

const WRITE_DOCX =
  'Write a .docx instead (--out FILE.docx), or give the name as courts write it, in Latin letters ' +
  '(document.nameInLatinLetters, as on the passport or the Notice to Appear), or change the text';

function problemMessage(problems: Map<string, Problem>, advice: string = WRITE_DOCX): string {
  const group = (p: Problem) =>
    [...problems]
      .filter(([, q]) => q === p)
      .map(([ch]) => (p === 'invisible' ? codePoint(ch) : `"${ch}" (${codePoint(ch)})`))
      .join(', ');
  const parts: string[] = [];
  const noGlyph = group('no_glyph');
  const shaping = group('needs_shaping');
  const invisible = group('invisible');
  if (noGlyph) parts.push(`the PDF font (${PDF_FONT.name}) has no letter for ${noGlyph}`);
  if (shaping)
    parts.push(`the PDF cannot lay out ${shaping}: right-to-left and joined scripts need a word processor`);
  if (invisible) parts.push(`invisible or control characters ${invisible} cannot be printed`);
  return `cannot make this PDF: ${parts.join('; ')}. ${advice}`;
}

/**
 * The same check as renderPdf's, for a document that must fail before it draws anything (the
 * exhibit packet, which has no .docx to fall back on): gives, for a text, the message naming the
 * characters the PDF cannot show, or undefined. `advice` ends the message instead of "write a .docx".
 */
export async function pdfTextChecker(advice?: string): Promise<(text: string) => string | undefined> {
  const { regular, bold } = await loadFonts();
  const covered = (cp: number) => regular.kit.hasGlyphForCodePoint(cp) && bold.kit.hasGlyphForCodePoint(cp);
  return (text) => {
    const problems = new Map<string, Problem>();
    const nfc = text.normalize('NFC');
    // As drawLine spells it: a letter still followed by an accent after NFC is drawn decomposed.
    const spelled = nfc.replace(/\P{M}\p{M}+/gu, (cluster) => cluster.normalize('NFD'));
    for (const ch of nfc + spelled) {
      if (ch === '\n' || problems.has(ch)) continue;
      const p = problemOf(ch, covered);
      if (p) problems.set(ch, p);
    }
    return problems.size > 0 ? problemMessage(problems, advice) : undefined;
  };
}

const SIZE = { body: 11, small: 9, heading: 13 } as const;
const LEADING = 1.3;
const INK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);
/** A missing or incomplete answer on a worksheet: dark red, still dark enough to print in grey. */
const FLAG = rgb(0.6, 0, 0);

/** Lays out blocks top to bottom, adding pages as text runs past the bottom margin. */
class Writer {
  private page!: PDFPage;
  private y = 0;
  readonly problems = new Map<string, Problem>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly model: DocumentModel,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly kits: { readonly regular: Font; readonly bold: Font },
  ) {}

  private kitOf(font: PDFFont): Font {
    return font === this.bold ? this.kits.bold : this.kits.regular;
  }

  /**
   * Draws one line. pdf-lib places every glyph at the pen and ignores the font's mark positioning,
   * so an accent that stays a separate character after NFC (the grave of Yoruba "Ọ̀", or any accent
   * on a capital without a precomposed letter) would be drawn inside the letter, unseen. Such an
   * accent is written as invisible text where pdf-lib puts it, so copying the line still gives
   * exactly its characters, and drawn as an outline where the font's layout puts it.
   */
  private drawLine(text: string, x: number, size: number, font: PDFFont, color = INK): void {
    const kit = this.kitOf(font);
    // A letter still followed by an accent after NFC is laid out decomposed (as HarfBuzz does):
    // the font has accent anchors on "O", not on the precomposed "Ọ".
    const spelled = text.replace(/\P{M}\p{M}+/gu, (cluster) => cluster.normalize('NFD'));
    if (spelled !== text) this.check(spelled, font);
    const run = kit.layout(spelled, FEATURES);
    const baseline = this.y - size;
    const placed = run.positions.every((p) => p.xOffset === 0 && p.yOffset === 0);
    if (placed || run.glyphs.some((g) => g.codePoints.length === 0)) {
      // Nothing to move (or a glyph that stands for no character of its own: draw as laid out).
      this.page.drawText(placed ? text : spelled, { x, y: baseline, size, font, color });
      return;
    }
    const scale = size / kit.unitsPerEm;
    let pen = x;
    let pending = '';
    let pendingX = x;
    const flush = () => {
      if (pending !== '') this.page.drawText(pending, { x: pendingX, y: baseline, size, font, color });
      pending = '';
    };
    run.glyphs.forEach((glyph, i) => {
      const pos = run.positions[i]!;
      const chars = String.fromCodePoint(...glyph.codePoints);
      if (pos.xOffset === 0 && pos.yOffset === 0) {
        if (pending === '') pendingX = pen;
        pending += chars;
      } else {
        flush();
        this.page.pushOperators(setTextRenderingMode(TextRenderingMode.Invisible));
        this.page.drawText(chars, { x: pen, y: baseline, size, font, color });
        this.page.pushOperators(setTextRenderingMode(TextRenderingMode.Fill));
        this.drawOutline(glyph, pen + pos.xOffset * scale, baseline + pos.yOffset * scale, scale, color);
      }
      // pdf-lib advances by each glyph's own width (no kerning), so the pen does too.
      pen += glyph.advanceWidth * scale;
    });
    flush();
  }

  /** Fills a glyph's outline at (x, y), in font units times `scale`. */
  private drawOutline(glyph: Glyph, x: number, y: number, scale: number, color: RGB): void {
    // fontkit's Path has `commands` at run time; its type declarations leave them out.
    const commands = (glyph.path as unknown as { commands: { command: string; args: number[] }[] }).commands;
    const ops: PDFOperator[] = [
      pushGraphicsState(),
      concatTransformationMatrix(scale, 0, 0, scale, x, y),
      setFillingColor(color),
    ];
    let cx = 0;
    let cy = 0;
    for (const { command, args: a } of commands) {
      if (command === 'moveTo') ops.push(moveTo(a[0]!, a[1]!));
      else if (command === 'lineTo') ops.push(lineTo(a[0]!, a[1]!));
      else if (command === 'bezierCurveTo')
        ops.push(appendBezierCurve(a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!));
      else if (command === 'quadraticCurveTo') {
        // PDF has no quadratic curves: the same curve as a cubic one.
        const [qx, qy, ex, ey] = a as [number, number, number, number];
        ops.push(
          appendBezierCurve(
            cx + (2 / 3) * (qx - cx),
            cy + (2 / 3) * (qy - cy),
            ex + (2 / 3) * (qx - ex),
            ey + (2 / 3) * (qy - ey),
            ex,
            ey,
          ),
        );
      } else if (command === 'closePath') ops.push(closePath());
      if (a.length >= 2) [cx, cy] = [a[a.length - 2]!, a[a.length - 1]!];
    }
    ops.push(fill(), popGraphicsState());
    this.page.pushOperators(...ops);
  }

  private get left(): number {
    return this.model.page.marginPt;
  }
  private get width(): number {
    return this.model.page.widthPt - 2 * this.model.page.marginPt;
  }

  newPage(): void {
    const { widthPt, heightPt, marginPt } = this.model.page;
    this.page = this.doc.addPage([widthPt, heightPt]);
    this.y = heightPt - marginPt;
  }

  private ensure(height: number): void {
    if (this.y - height < this.model.page.marginPt) this.newPage();
  }

  private gap(points: number): void {
    this.y -= points;
  }

  /** Checks every character against the font that will draw it, collecting the ones it cannot. */
  private check(text: string, font: PDFFont): void {
    const kit = this.kitOf(font);
    const covered = (cp: number) => kit.hasGlyphForCodePoint(cp);
    for (const ch of text) {
      if (ch === '\n' || this.problems.has(ch)) continue;
      const p = problemOf(ch, covered);
      if (p) this.problems.set(ch, p);
    }
  }

  /** Splits text into lines that fit `width`; "\n" forces a break; an over-long word is cut. */
  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    this.check(text.normalize('NFC'), font);
    const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
    const out: string[] = [];
    for (const para of text.normalize('NFC').split('\n')) {
      let line = '';
      for (const word of para.split(' ')) {
        const candidate = line === '' ? word : `${line} ${word}`;
        if (fits(candidate)) {
          line = candidate;
          continue;
        }
        if (line !== '') out.push(line);
        line = word;
        while (!fits(line)) {
          // Cut by code points, never inside a surrogate pair.
          const chars = [...line];
          let cut = chars.length - 1;
          while (cut > 1 && !fits(chars.slice(0, cut).join(''))) cut--;
          out.push(chars.slice(0, cut).join(''));
          line = chars.slice(cut).join('');
        }
      }
      out.push(line);
    }
    return out;
  }

  private drawLines(
    text: string,
    opts: { font?: PDFFont; size?: number; x?: number; width?: number; color?: RGB } = {},
  ): void {
    const font = opts.font ?? this.regular;
    const size = opts.size ?? SIZE.body;
    const x = opts.x ?? this.left;
    const width = opts.width ?? this.width - (x - this.left);
    for (const l of this.wrap(text, font, size, width)) {
      this.ensure(size * LEADING);
      if (l !== '') this.drawLine(l, x, size, font, opts.color);
      this.gap(size * LEADING);
    }
  }

  block(b: Block): void {
    switch (b.type) {
      case 'heading':
        this.ensure(SIZE.heading * LEADING + 3 * SIZE.body * LEADING);
        this.gap(4);
        this.drawLines(b.text, { font: this.bold, size: SIZE.heading });
        this.gap(4);
        return;
      case 'paragraph':
        if (b.style === 'notice') {
          // The disclaimer stays whole, with its rule, on the page it starts on.
          const rows = this.wrap(b.text, this.bold, SIZE.small, this.width).length;
          this.gap(6);
          this.ensure(6 + rows * SIZE.small * LEADING);
          this.page.drawLine({
            start: { x: this.left, y: this.y },
            end: { x: this.left + this.width, y: this.y },
            thickness: 0.5,
            color: GREY,
          });
          this.gap(6);
          this.drawLines(b.text, { size: SIZE.small, font: this.bold });
        } else if (b.style === 'small') this.drawLines(b.text, { size: SIZE.small, color: GREY });
        else this.drawLines(b.text);
        this.gap(8);
        return;
      case 'lines':
        this.ensure(b.lines.length * SIZE.body * LEADING);
        for (const l of b.lines) this.drawLines(l);
        this.gap(8);
        return;
      case 'caption': {
        if (b.title !== undefined) this.drawLines(b.title, { font: this.bold });
        for (const f of b.fields) this.check(f.label, this.bold);
        const labelWidth = Math.min(
          Math.max(...b.fields.map((f) => this.bold.widthOfTextAtSize(`${f.label}:`, SIZE.body))) + 14,
          this.width * 0.4,
        );
        for (const f of b.fields) {
          const rows = this.wrap(f.value, this.regular, SIZE.body, this.width - labelWidth);
          this.ensure(SIZE.body * LEADING);
          this.drawLine(`${f.label}:`, this.left, SIZE.body, this.bold);
          this.drawLines(rows.join('\n'), { x: this.left + labelWidth });
        }
        this.gap(8);
        return;
      }
      case 'checklist':
      case 'list': {
        const mark = b.type === 'checklist' ? '\u2610' : '\u2022';
        const indent = b.type === 'checklist' ? 20 : 14;
        this.check(mark, this.regular);
        for (const item of b.items) {
          this.ensure(SIZE.body * LEADING);
          const size = b.type === 'checklist' ? SIZE.body + 2 : SIZE.body;
          this.page.drawText(mark, { x: this.left, y: this.y - SIZE.body - 1, size, font: this.regular });
          this.drawLines(item, { x: this.left + indent });
          this.gap(3);
        }
        this.gap(6);
        return;
      }
      case 'question': {
        // The number hangs left of the question; the question, its translation and the first line
        // of the answer start on the same page. The answer is bold; a flagged one is also red.
        const indent = 44;
        const x = this.left + indent;
        const asks = this.wrap(b.asks, this.regular, SIZE.body, this.width - indent).length;
        const translated =
          b.translation !== undefined
            ? this.wrap(b.translation.text, this.regular, SIZE.small, this.width - indent).length
            : 0;
        this.ensure((asks + 1) * SIZE.body * LEADING + translated * SIZE.small * LEADING + 4);
        this.check(b.number, this.bold);
        this.drawLine(b.number, this.left, SIZE.body, this.bold);
        this.drawLines(b.asks, { x });
        if (b.translation !== undefined)
          this.drawLines(b.translation.text, { x, size: SIZE.small, color: GREY });
        this.gap(3);
        this.drawLines(b.answer, { x: x + 12, font: this.bold, ...(b.flagged ? { color: FLAG } : {}) });
        this.gap(9);
        return;
      }
      case 'signature': {
        // Room to sign, the line, the printed name and the date kept together on one page.
        this.ensure(36 + 2 * SIZE.body * LEADING + 4);
        this.gap(36);
        this.page.drawLine({
          start: { x: this.left, y: this.y },
          end: { x: this.left + 216, y: this.y },
          thickness: 0.75,
          color: INK,
        });
        this.gap(4);
        this.drawLines(b.signer);
        this.drawLines(b.dateLine);
        return;
      }
      case 'centered': {
        const font = b.bold ? this.bold : this.regular;
        const rows = b.lines.flatMap((l) => this.wrap(l, font, SIZE.body, this.width));
        // A court's name or a title is read as one piece: never split across pages.
        this.ensure(rows.length * SIZE.body * LEADING);
        for (const row of rows) {
          const x = this.left + (this.width - font.widthOfTextAtSize(row, SIZE.body)) / 2;
          if (row !== '') this.drawLine(row, x, SIZE.body, font);
          this.gap(SIZE.body * LEADING);
        }
        this.gap(8);
        return;
      }
      case 'columns': {
        // The right column is as wide as its longest line (at most 40%), the left takes the rest.
        const gutter = 18;
        const natural = b.right.map((l) => this.bold.widthOfTextAtSize(l.normalize('NFC'), SIZE.body));
        const rightWidth = Math.min(Math.max(0, ...natural), this.width * 0.4);
        const left = b.left.flatMap((l) =>
          this.wrap(l, this.regular, SIZE.body, this.width - rightWidth - gutter),
        );
        const right = b.right.flatMap((l) => this.wrap(l, this.bold, SIZE.body, Math.max(rightWidth, 1)));
        const step = SIZE.body * LEADING;
        const rows = Math.max(left.length, right.length);
        this.ensure(rows * step);
        const top = this.y;
        left.forEach((row, i) => {
          this.y = top - i * step;
          if (row !== '') this.drawLine(row, this.left, SIZE.body, this.regular);
        });
        right.forEach((row, i) => {
          this.y = top - i * step;
          const x = this.left + this.width - this.bold.widthOfTextAtSize(row, SIZE.body);
          if (row !== '') this.drawLine(row, x, SIZE.body, this.bold);
        });
        this.y = top - rows * step;
        this.gap(8);
        return;
      }
    }
  }
}

/** Renders the model to PDF bytes. Throws DocumentInputError for text the font cannot show. */
export async function renderPdf(model: DocumentModel): Promise<Uint8Array> {
  const f = await loadFonts();
  // No clock in the file (updateMetadata: false): the same input gives the same document.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  // Fixed subset tags instead of pdf-lib's random suffix, so the same input gives the same bytes.
  const regular = await doc.embedFont(f.regular.bytes, {
    subset: true,
    features: FEATURES,
    customName: 'RFGAAA+DejaVuSans',
  });
  const bold = await doc.embedFont(f.bold.bytes, {
    subset: true,
    features: FEATURES,
    customName: 'RFGAAB+DejaVuSans-Bold',
  });
  doc.setTitle(model.title, { showInWindowTitleBar: true });
  doc.setLanguage(model.language);
  doc.setCreator('Refugio');
  doc.setProducer('Refugio (pdf-lib)');

  const writer = new Writer(doc, model, regular, bold, { regular: f.regular.kit, bold: f.bold.kit });
  for (const section of model.sections) {
    writer.newPage();
    for (const b of section.blocks) writer.block(b);
  }
  if (writer.problems.size > 0) throw new DocumentInputError(problemMessage(writer.problems));
  return doc.save();
}
