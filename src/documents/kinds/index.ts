/** The documents Refugio can prepare, by the name the CLI and (later) the API use. Light: no renderer here. */
import type { DocumentModel } from '../model.ts';
import { buildChangeOfAddress } from './change-of-address.ts';
import { buildWithdrawalLetter } from './withdrawal-letter.ts';

export const DOCUMENT_KINDS: Readonly<Record<string, (input: unknown) => DocumentModel>> = {
  'withdrawal-letter': buildWithdrawalLetter,
  'change-of-address': buildChangeOfAddress,
};
