/**
 * Input a document cannot be made from: a missing or malformed detail, a case the document does not
 * fit, or a character the PDF font cannot show. `path` points into the input (`document.aNumber`).
 * Messages never repeat an A-number, a receipt number or a date of birth (8 CFR 208.6).
 */
export class DocumentInputError extends Error {
  readonly path: readonly (string | number)[];
  constructor(message: string, path: readonly (string | number)[] = []) {
    super(message);
    this.name = 'DocumentInputError';
    this.path = path;
  }
}
