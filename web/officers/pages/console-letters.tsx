import { useState } from 'preact/hooks';
import { formatDateTime } from '../../shared/dates';
import { useI18n } from '../../shared/i18n';
import { CT } from '../console/shared';
import { useApp } from '../context';
import { Link, navigate } from '../router';
import { Alert } from '../ui';
import { useData } from '../use-data';
import { letterWord } from '../words';

const T = {
  ...CT,
  intro: {
    vi: 'Thư pháp luật yêu cầu (xin lỗi, yêu cầu bổ sung…) mà công dân chưa nhận được. Khi bộ phận một cửa sửa địa chỉ thư trên trang hồ sơ, các thư bị trả lại được gửi lại tới địa chỉ mới; «Gửi lại» gửi một thư lần nữa.',
    en: 'Letters the law requires (apologies, supplement requests…) that did not reach the citizen. When the desk corrects the address on the dossier’s page, the bounced ones go again to the new address; “Send again” sends one once more.',
  },
  state: { vi: 'Tình trạng', en: 'State' },
  failed: { vi: 'Gửi lỗi', en: 'Failed' },
  bounced: { vi: 'Bị trả lại', en: 'Bounced' },
  complained: { vi: 'Bị báo thư rác', en: 'Complained' },
  dossier: { vi: 'Hồ sơ', en: 'Dossier' },
  letter: { vi: 'Thư', en: 'Letter' },
  at: { vi: 'Lúc', en: 'At' },
  error: { vi: 'Lỗi', en: 'Error' },
  resend: { vi: 'Gửi lại', en: 'Send again' },
  resendOf: { vi: 'Gửi lại thư {id}', en: 'Send letter {id} again' },
  resent: { vi: 'Đã xếp thư {id} vào hàng gửi lại.', en: 'Letter {id} is queued again.' },
  none: { vi: 'Không có thư nào ở tình trạng này.', en: 'No letter in this state.' },
};
const STATES = ['bounced', 'complained', 'failed'] as const;

/** Letters not delivered (GET /ops/emails?state=…), each with its re-send (POST /ops/emails/{id}/resend). */
export function ConsoleLetters({ search }: { search: string }) {
  const { api } = useApp();
  const { t, lang } = useI18n(T);
  const picked = new URLSearchParams(search).get('state');
  const state = (STATES as readonly string[]).includes(picked ?? '') ? (picked as (typeof STATES)[number]) : 'bounced';
  const list = useData(() => api.GET('/ops/emails', { params: { query: { state } } }), [state]);
  const [note, setNote] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState<string>();
  const resend = async (id: string) => {
    setBusy(id);
    const { error, response } = await api.POST('/ops/emails/{id}/resend', { params: { path: { id } } });
    setBusy(undefined);
    setNote(response.ok ? { ok: true, text: t('resent', { id }) } : { ok: false, text: (error as { detail?: string; title?: string })?.detail ?? (error as { title?: string })?.title ?? String(response.status) });
    list.reload();
  };
  return (
      <section>
        <h1>{t('letters')}</h1>
        <p>{t('intro')}</p>
        <div class="toolbar" role="group" aria-label={t('state')}>
          {STATES.map((s) => (
            <button key={s} type="button" class={s === state ? 'primary' : 'secondary'} aria-pressed={s === state} onClick={() => navigate(`/console/letters?state=${s}`)}>
              {t(s)}
            </button>
          ))}
        </div>
        {note && <Alert kind={note.ok ? 'ok' : 'error'}>{note.text}</Alert>}
        {list.loading && <p role="status">…</p>}
        {list.problem && list.status !== 200 && <Alert>{list.problem.detail ?? list.problem.title}</Alert>}
        {list.data && list.data.emails.length === 0 && <p>{t('none')}</p>}
        {list.data && list.data.emails.length > 0 && (
          <div class="table-wrap">
            <table data-table="letters">
              <caption>{t('letters')}: {t(state)}</caption>
              <thead><tr><th scope="col">{t('dossier')}</th><th scope="col">{t('letter')}</th><th scope="col">{t('state')}</th><th scope="col">{t('at')}</th>{state === 'failed' && <th scope="col">{t('error')}</th>}<th scope="col"><span class="visually-hidden">{t('resend')}</span></th></tr></thead>
              <tbody>
                {[...list.data.emails].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '')).map((e) => (
                  <tr key={e.id} data-email={e.id}>
                    <td><Link href={`/dossier/${e.dossierCode}`}>{e.dossierCode}</Link></td>
                    <td>{letterWord(e.event, e.id.split('~').pop() ?? e.id, lang)}</td>
                    <td>{t(state)}</td>
                    <td>{formatDateTime(e.at, lang)}</td>
                    {state === 'failed' && <td>{e.error ?? ''}</td>}
                    <td>
                      <button type="button" class="secondary" disabled={busy === e.id} aria-label={t('resendOf', { id: e.id })} onClick={() => resend(e.id)}>{t('resend')}</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
  );
}
