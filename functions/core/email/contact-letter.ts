/**
 * The `contact-changed` letter: the desk corrected the applicant's contact details
 * (PATCH /dossiers/{code}/applicant). It goes to the address the dossier had before the
 * correction — where it still works — so a citizen whose details were changed without their
 * asking hears of it. It names what changed, never the new values.
 */
import { formatVi, formatEn } from './format';
import { subjectOf, toHtml, toText } from './layout';
import { citizen, type EmailData, type RenderedEmail } from './templates';

export const CONTACT_EVENT = 'contact-changed';
export const contactEventKey = (n: number) => `${CONTACT_EVENT}-${n}`;
export const CONTACT_KEY = new RegExp(`^${CONTACT_EVENT}-(\\d+)$`);

export type ContactField = 'email' | 'phone';

export interface ContactLetterData extends EmailData {
  fields: ContactField[];
  /** When the desk corrected them (ISO instant). */
  correctedAt: string;
}

const FIELD = {
  email: { vi: 'địa chỉ thư điện tử', en: 'email address' },
  phone: { vi: 'số điện thoại', en: 'phone number' },
} as const;

export function renderContactLetter(d: ContactLetterData): RenderedEmail {
  const vi = d.fields.map((f) => FIELD[f].vi).join(' và ');
  const en = d.fields.map((f) => FIELD[f].en).join(' and ');
  const movesLetters = d.fields.includes('email');
  const letter = citizen(d, {
    subject: { vi: `Thông tin liên hệ của hồ sơ ${d.code} đã được sửa`, en: `The contact details of dossier ${d.code} were corrected` },
    facts: [
      { label: { vi: 'Thông tin đã sửa', en: 'Corrected' }, value: { vi, en } },
      { label: { vi: 'Lúc', en: 'At' }, value: { vi: formatVi(d.correctedAt), en: formatEn(d.correctedAt) } },
    ],
    vi: [
      `Bộ phận Một cửa đã sửa ${vi} của người nộp trong hồ sơ ${d.code} (${d.procedureName.vi}) lúc ${formatVi(d.correctedAt)}.`,
      ...(movesLetters ? ['Từ nay, thư về hồ sơ này được gửi đến địa chỉ mới; đây là thư cuối cùng gửi đến địa chỉ này.'] : []),
      'Nếu ông/bà không đề nghị sửa, vui lòng liên hệ ngay Bộ phận Một cửa theo số điện thoại dưới đây.',
    ],
    en: [
      `The one-stop desk corrected the applicant's ${en} in dossier ${d.code} (${d.procedureName.en}) at ${formatEn(d.correctedAt)}.`,
      ...(movesLetters ? ['From now on, letters about this dossier go to the new address; this is the last letter sent to this one.'] : []),
      'If you did not ask for this, please call the one-stop desk at once on the number below.',
    ],
    next: { vi: [], en: [] },
  });
  return { subject: subjectOf(letter), text: toText(letter), html: toHtml(letter) };
}
