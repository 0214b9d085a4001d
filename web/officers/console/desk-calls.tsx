import { formatDateTime } from '../../shared/dates';
import { useI18n } from '../../shared/i18n';
import { useApp } from '../context';
import { Link } from '../router';
import { useData } from '../use-data';
import { letterWord } from '../words';

const T = {
  calls: { vi: 'Công dân cần gọi điện (thư không đến)', en: 'Citizens to call (letter not delivered)' },
  none: { vi: 'Không có công dân nào cần gọi.', en: 'No citizen to call.' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  noPhone: { vi: 'không có số điện thoại', en: 'no phone number' },
};

type Contact = { dossierCode: string; event: string; at: string; message: { vi: string; en: string }; applicant: { name: string; phone: string | null } | null };

/** The desk's queue of calls (GET /agencies/{desk}/contacts): a bounced or complained letter. */
export function DeskCalls({ desk }: { desk: string }) {
  const { api } = useApp();
  const { t, pick, lang } = useI18n(T);
  const calls = useData(() => api.GET('/agencies/{agencyCode}/contacts', { params: { path: { agencyCode: desk } } }), [desk], 30_000);
  const list = ((calls.data as { contacts?: Contact[] } | undefined)?.contacts ?? []) as Contact[];
  return (
    <>
      <h2>{t('calls')}</h2>
      {calls.data && list.length === 0 && <p>{t('none')}</p>}
      {list.length > 0 && (
        <ul class="cards" data-testid="desk-calls">
          {list.map((c) => (
            <li key={`${c.dossierCode}-${c.event}`} data-call={c.dossierCode}>
              <Link href={`/dossier/${c.dossierCode}`}>{c.dossierCode}</Link> — <strong>{pick(c.message)}</strong> ({letterWord(c.event, c.event, lang)}, {formatDateTime(c.at, lang)})
              {c.applicant && <> · {c.applicant.name} · {t('phone')}: {c.applicant.phone ? <a href={`tel:${c.applicant.phone}`}>{c.applicant.phone}</a> : t('noPhone')}</>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const STATE = {
  queued: { vi: 'đang chờ gửi', en: 'queued' },
  claimed: { vi: 'đang gửi', en: 'sending' },
  retrying: { vi: 'gửi lại sau', en: 'retrying' },
  failed: { vi: 'gửi lỗi', en: 'failed' },
  sent: { vi: 'đã gửi', en: 'sent' },
  delayed: { vi: 'chậm đến', en: 'delayed' },
  delivered: { vi: 'đã đến', en: 'delivered' },
  bounced: { vi: 'bị trả lại', en: 'bounced' },
  complained: { vi: 'bị báo thư rác', en: 'complained' },
  rejected: { vi: 'bị từ chối', en: 'rejected' },
  'rendering-failed': { vi: 'lỗi soạn thư', en: 'rendering failed' },
};

/** One letter's delivery state in words (the dossier page's list of letters). */
export function LetterState({ state }: { state: string }) {
  const { pick } = useI18n({});
  const bad = ['failed', 'bounced', 'complained', 'rejected', 'rendering-failed'].includes(state);
  return <span class={`badge ${bad ? 'badge-overdue' : 'badge-onTrack'}`} data-letter-state={state}>{pick(STATE[state as keyof typeof STATE]) || state}</span>;
}
