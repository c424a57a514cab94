/** The documents Refugio can prepare, by the name the CLI and (later) the API use. Light: no renderer here. */
import type { DocumentModel } from '../model.ts';
import { buildChangeOfAddress } from './change-of-address.ts';
import { buildCongressLetter } from './congress-letter.ts';
import { buildI589Worksheet } from './i589-worksheet.ts';
import { buildMotionToReconsider } from './motion-to-reconsider.ts';
import { buildMotionToReopen } from './motion-to-reopen.ts';
import { buildMotionToWithdraw } from './motion-to-withdraw.ts';
import { buildNoticeOfAppealChecklist } from './notice-of-appeal-checklist.ts';
import { buildTranslationCertificate } from './translation-certificate.ts';
import { buildWithdrawalLetter } from './withdrawal-letter.ts';

export const DOCUMENT_KINDS: Readonly<Record<string, (input: unknown) => DocumentModel>> = {
  'withdrawal-letter': buildWithdrawalLetter,
  'change-of-address': buildChangeOfAddress,
  'i589-worksheet': buildI589Worksheet,
  'notice-of-appeal-checklist': buildNoticeOfAppealChecklist,
  'congress-letter': buildCongressLetter,
  'translation-certificate': buildTranslationCertificate,
  'motion-to-withdraw': buildMotionToWithdraw,
  'motion-to-reopen': buildMotionToReopen,
  'motion-to-reconsider': buildMotionToReconsider,
};

/** The exhibit packet: files merged rather than a model drawn, so not above (../exhibit-packet.ts). */
export const EXHIBIT_PACKET = 'exhibit-packet';

/** Every document the CLI and the API prepare, by name: the kinds above, then the exhibit packet. */
export const DOCUMENT_KIND_NAMES: readonly string[] = [...Object.keys(DOCUMENT_KINDS), EXHIBIT_PACKET];
