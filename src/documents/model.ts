/**
 * A document as plain data, before any file format: the kinds build it from validated input, the
 * PDF and DOCX adapters only draw it. Pure: no I/O, no clock, no fonts. Every string a person reads
 * is already in it, so the adapters decide layout, never words.
 */

/** US Letter (8.5 x 11 in) with 1-inch margins, in PDF points (1/72 in). */
export const PAGE = { widthPt: 612, heightPt: 792, marginPt: 72 } as const;
export type PageSetup = typeof PAGE;

/** A label and its value, such as "A-Number" and "A012345678"; a value may span lines ("\n"). */
export interface Field {
  readonly label: string;
  readonly value: string;
}

export type Block =
  /** A title or section heading, bold. */
  | { readonly type: 'heading'; readonly text: string }
  /** Running text; "\n" is a hard line break. `small` for footnotes, `notice` for the disclaimer. */
  | { readonly type: 'paragraph'; readonly text: string; readonly style: 'normal' | 'small' | 'notice' }
  /** Lines kept as they are, such as an address. */
  | { readonly type: 'lines'; readonly lines: readonly string[] }
  /** The block that says who and what the document is about, such as "Re:" and labelled fields. */
  | { readonly type: 'caption'; readonly title?: string; readonly fields: readonly Field[] }
  /** Things to do, each with an empty box to tick. */
  | { readonly type: 'checklist'; readonly items: readonly string[] }
  /** Things to know, each with a bullet. */
  | { readonly type: 'list'; readonly items: readonly string[] }
  /**
   * A question of a form as a worksheet shows it: its number on the form, what it asks, the same in
   * the reader's language when there is one (`lang` a BCP 47 tag), and the answer to copy.
   * `flagged` when the answer is missing or incomplete, so the adapters can make it stand out.
   */
  | {
      readonly type: 'question';
      readonly number: string;
      readonly asks: string;
      readonly translation?: { readonly lang: string; readonly text: string };
      readonly answer: string;
      readonly flagged: boolean;
    }
  /** A line to sign by hand, the signer's name printed below it, then a line with the date. */
  | { readonly type: 'signature'; readonly signer: string; readonly dateLine: string }
  /** Lines centred on the page, such as a court's name or a filing's title; `bold` for a title. */
  | { readonly type: 'centered'; readonly lines: readonly string[]; readonly bold: boolean }
  /**
   * Two columns side by side, kept on one page: `left` flush left and `right` flush right and bold,
   * such as a filer's address beside "DETAINED", or a court caption beside its file number.
   */
  | { readonly type: 'columns'; readonly left: readonly string[]; readonly right: readonly string[] };

/** A run of blocks that starts on a new page (and flows onto more pages if it must). */
export interface Section {
  readonly blocks: readonly Block[];
  /**
   * The language of the section's words (a BCP 47 tag) when it is not the document's: the page
   * that explains a filing to the person in their language (explanations.ts). The DOCX tags its
   * text with it, for spell checkers and screen readers.
   */
  readonly language?: string;
}

export interface DocumentModel {
  /** The file's title in its metadata. Never personal data: metadata travels with the file unseen. */
  readonly title: string;
  readonly language: 'en-US';
  readonly page: PageSetup;
  readonly sections: readonly Section[];
}

export function createDocument(title: string, sections: readonly Section[]): DocumentModel {
  return { title, language: 'en-US', page: PAGE, sections };
}

export const heading = (text: string): Block => ({ type: 'heading', text });
export const paragraph = (text: string, style: 'normal' | 'small' | 'notice' = 'normal'): Block => ({
  type: 'paragraph',
  text,
  style,
});
export const lines = (...text: readonly string[]): Block => ({ type: 'lines', lines: text });
export const caption = (fields: readonly Field[], title?: string): Block => ({
  type: 'caption',
  fields,
  ...(title !== undefined ? { title } : {}),
});
export const checklist = (items: readonly string[]): Block => ({ type: 'checklist', items });
export const list = (items: readonly string[]): Block => ({ type: 'list', items });
export const question = (
  number: string,
  asks: string,
  answer: string,
  options: { translation?: { lang: string; text: string }; flagged?: boolean } = {},
): Block => ({
  type: 'question',
  number,
  asks,
  ...(options.translation !== undefined ? { translation: options.translation } : {}),
  answer,
  flagged: options.flagged ?? false,
});
export const signature = (signer: string, dateLine: string): Block => ({
  type: 'signature',
  signer,
  dateLine,
});

export const centered = (text: readonly string[], options: { bold?: boolean } = {}): Block => ({
  type: 'centered',
  lines: text,
  bold: options.bold ?? false,
});
export const columns = (left: readonly string[], right: readonly string[]): Block => ({
  type: 'columns',
  left,
  right,
});

/** Every string a person will read, in order: for checking what a font can show, and for tests. */
export function documentStrings(model: DocumentModel): string[] {
  const out: string[] = [model.title];
  for (const section of model.sections) {
    for (const b of section.blocks) {
      switch (b.type) {
        case 'heading':
        case 'paragraph':
          out.push(b.text);
          break;
        case 'lines':
        case 'centered':
          out.push(...b.lines);
          break;
        case 'columns':
          out.push(...b.left, ...b.right);
          break;
        case 'question':
          out.push(b.number, b.asks, ...(b.translation !== undefined ? [b.translation.text] : []), b.answer);
          break;
        case 'caption':
          if (b.title !== undefined) out.push(b.title);
          for (const f of b.fields) out.push(f.label, f.value);
          break;
        case 'checklist':
        case 'list':
          out.push(...b.items);
          break;
        case 'signature':
          out.push(b.signer, b.dateLine);
          break;
      }
    }
  }
  return out;
}
