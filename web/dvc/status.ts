/** A dossier's status in the citizen's words: the same wording as the citizen's pages and letters (functions/core/citizen-view.ts). */
import { STATUS_TEXT } from '../../functions/core/citizen-view';
import type { Lang } from '../shared/i18n';

export const statusName = (status: number, lang: Lang) => (STATUS_TEXT as Record<number, { vi: string; en: string }>)[status]?.[lang] ?? String(status);
