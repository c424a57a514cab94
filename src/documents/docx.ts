/**
 * The DOCX adapter: writes a DocumentModel with docx 9, for a person or a clinic to edit before
 * printing. The text goes in as Unicode and the word processor picks fonts and shapes scripts, so
 * names in any script (Arabic and Hebrew included) come out right, unlike in the PDF.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, DocumentModel } from './model.ts';

/** Word measures in twentieths of a point; font sizes in half points. */
const TWIPS_PER_PT = 20;
const BODY = 22;
const SMALL = 18;
const HEADING = 26;
const GREY = '595959';
const FLAG = '990000';
const LABEL_TWIPS = 2400;

type RunStyle = { bold?: boolean; size?: number; color?: string; language?: { value: string } };

/** Runs for text with "\n" line breaks. */
function runs(text: string, style: RunStyle = {}): TextRun[] {
  return text
    .split('\n')
    .map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...style }));
}

/** A marker (box or bullet), a tab, and the text hanging beside it. */
function marked(mark: string, text: string, tag: RunStyle): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text: `${mark}\t`, ...tag }), ...runs(text, tag)],
    tabStops: [{ type: TabStopType.LEFT, position: 360 }],
    indent: { left: 360, hanging: 360 },
    spacing: { after: 60 },
  });
}

/**
 * The paragraphs of one block. `lang`, for a section in another language than the document's,
 * tags every run with it (w:lang), so a spell checker or a screen reader reads it in that language.
 */
function paragraphs(b: Block, textWidth: number, lang?: string): (Paragraph | Table)[] {
  const tag: RunStyle = lang !== undefined ? { language: { value: lang } } : {};
  switch (b.type) {
    case 'heading':
      return [
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          keepNext: true,
          spacing: { before: 200, after: 100 },
          children: [new TextRun({ text: b.text, bold: true, size: HEADING, color: '000000', ...tag })],
        }),
      ];
    case 'paragraph':
      if (b.style === 'notice')
        return [
          new Paragraph({
            border: { top: { style: BorderStyle.SINGLE, size: 4, color: GREY, space: 6 } },
            spacing: { before: 240 },
            children: runs(b.text, { bold: true, size: SMALL, ...tag }),
          }),
        ];
      return [
        new Paragraph({
          spacing: { after: 160 },
          children:
            b.style === 'small' ? runs(b.text, { size: SMALL, color: GREY, ...tag }) : runs(b.text, tag),
        }),
      ];
    case 'lines':
      return [new Paragraph({ spacing: { after: 160 }, children: runs(b.lines.join('\n'), tag) })];
    case 'caption':
      return [
        ...(b.title !== undefined
          ? [new Paragraph({ keepNext: true, children: runs(b.title, { bold: true, ...tag }) })]
          : []),
        ...b.fields.map(
          (f, i) =>
            new Paragraph({
              tabStops: [{ type: TabStopType.LEFT, position: LABEL_TWIPS }],
              indent: { left: LABEL_TWIPS, hanging: LABEL_TWIPS },
              keepNext: i < b.fields.length - 1,
              spacing: { after: i === b.fields.length - 1 ? 160 : 0 },
              children: [
                new TextRun({ text: `${f.label}:`, bold: true, ...tag }),
                new TextRun({ text: '\t', ...tag }),
                ...runs(f.value, tag),
              ],
            }),
        ),
      ];
    case 'checklist':
      return b.items.map((item) => marked('\u2610', item, tag));
    case 'list':
      return b.items.map((item) => marked('\u2022', item, tag));
    case 'question':
      // The number hangs in a 0.5-inch margin beside the question; the answer, bold, is indented
      // below it (red when flagged). The translation carries its language for spell checkers and
      // screen readers.
      return [
        new Paragraph({
          keepNext: true,
          keepLines: true,
          tabStops: [{ type: TabStopType.LEFT, position: 720 }],
          indent: { left: 720, hanging: 720 },
          spacing: { before: 120 },
          children: [
            new TextRun({ text: b.number, bold: true, ...tag }),
            new TextRun({ text: '\t', ...tag }),
            ...runs(b.asks, tag),
          ],
        }),
        ...(b.translation !== undefined
          ? [
              new Paragraph({
                keepNext: true,
                keepLines: true,
                indent: { left: 720 },
                children: runs(b.translation.text, {
                  size: SMALL,
                  color: GREY,
                  language: { value: b.translation.lang },
                }),
              }),
            ]
          : []),
        new Paragraph({
          indent: { left: 960 },
          spacing: { before: 60, after: 120 },
          children: runs(b.answer, { bold: true, ...(b.flagged ? { color: FLAG } : {}), ...tag }),
        }),
      ];
    case 'signature':
      return [
        // Room to sign by hand above a 3-inch line, with the printed name and the date below it.
        new Paragraph({
          keepNext: true,
          keepLines: true,
          spacing: { before: 720 },
          indent: { right: textWidth - 3 * 72 * TWIPS_PER_PT },
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
          children: [],
        }),
        new Paragraph({ keepNext: true, children: runs(b.signer, tag) }),
        new Paragraph({ children: runs(b.dateLine, tag) }),
      ];
    case 'centered':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepLines: true,
          spacing: { after: 160 },
          children: runs(b.lines.join('\n'), { bold: b.bold, ...tag }),
        }),
      ];
    case 'columns': {
      // A borderless two-cell table: each column wraps on its own, and the row stays on one page.
      const right = Math.round(textWidth * 0.4);
      const cell = (text: readonly string[], width: number, align: 'left' | 'right') =>
        new TableCell({
          width: { size: width, type: WidthType.DXA },
          children: [
            new Paragraph({
              alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
              children: runs(text.join('\n'), align === 'right' ? { bold: true, ...tag } : tag),
            }),
          ],
        });
      return [
        new Table({
          width: { size: textWidth, type: WidthType.DXA },
          columnWidths: [textWidth - right, right],
          borders: TableBorders.NONE,
          rows: [
            new TableRow({
              cantSplit: true,
              children: [cell(b.left, textWidth - right, 'left'), cell(b.right, right, 'right')],
            }),
          ],
        }),
        new Paragraph({ children: [] }),
      ];
    }
  }
}

/** Renders the model to DOCX bytes. */
export async function renderDocx(model: DocumentModel): Promise<Uint8Array> {
  const { widthPt, heightPt, marginPt } = model.page;
  const margin = marginPt * TWIPS_PER_PT;
  const doc = new Document({
    title: model.title,
    creator: 'Refugio',
    styles: {
      // Arial is on every Word installation and has Latin, Greek and Cyrillic; for other scripts
      // the word processor falls back to a font that has them.
      default: { document: { run: { font: 'Arial', size: BODY, language: { value: model.language } } } },
    },
    sections: model.sections.map((section) => ({
      properties: {
        page: {
          size: { width: widthPt * TWIPS_PER_PT, height: heightPt * TWIPS_PER_PT },
          margin: { top: margin, right: margin, bottom: margin, left: margin, header: 720, footer: 720 },
        },
      },
      children: section.blocks.flatMap((b) =>
        paragraphs(b, (widthPt - 2 * marginPt) * TWIPS_PER_PT, section.language),
      ),
    })),
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
