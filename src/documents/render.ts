/**
 * A document model to file bytes. The PDF and DOCX libraries load only when a file of theirs is
 * written, so the CLI's other commands and the API's other routes never pay for them.
 */
import type { DocumentModel } from './model.ts';

export type DocumentFormat = 'pdf' | 'docx';

export const MEDIA_TYPES: Readonly<Record<DocumentFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export async function renderDocument(model: DocumentModel, format: DocumentFormat): Promise<Uint8Array> {
  if (format === 'pdf') return (await import('./pdf.ts')).renderPdf(model);
  return (await import('./docx.ts')).renderDocx(model);
}
