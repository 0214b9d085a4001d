import { useState } from 'preact/hooks';
import { formatDateTime } from '../../shared/dates';
import { useI18n } from '../../shared/i18n';
import { branchesOf } from '../auth';
import { useApp } from '../context';
import { Link, navigate } from '../router';
import { Alert, Field } from '../ui';
import { useDossierSearch } from '../search-dossiers';
import { useData } from '../use-data';
import { badgeOf } from './queue';
import { DeskCalls } from '../console/desk-calls';
import { OnlineChecks } from './online-checks';

const T = {
  title: { vi: 'Bộ phận tiếp nhận và trả kết quả', en: 'The one-stop desk' },
  atBranch: { vi: 'Nơi tiếp nhận: {name}, {address}', en: 'Desk: {name}, {address}' },
  receive: { vi: 'Tiếp nhận hồ sơ mới', en: 'Receive a new dossier' },
  results: { vi: 'Kết quả chờ trả cho công dân', en: 'Results awaiting collection' },
  resultsNone: { vi: 'Không có kết quả nào chờ trả.', en: 'No result awaiting collection.' },
  supplement: { vi: 'Công dân mang hồ sơ bổ sung đến quầy, hoặc cần cấp lại mã PIN', en: 'A citizen brings a supplement to the desk, or needs a new PIN' },
  waiting: { vi: 'Hồ sơ đang chờ công dân bổ sung', en: 'Dossiers waiting for a supplement' },
  waitingNone: { vi: 'Không có hồ sơ nào chờ bổ sung.', en: 'No dossier is waiting for a supplement.' },
  more: { vi: 'Xem thêm', en: 'More' },
  received: { vi: 'Tiếp nhận', en: 'Received' },
  supplementHint: { vi: 'Nhập mã hồ sơ để mở hồ sơ: ghi nhận phần bổ sung, hoặc «Cấp lại mã PIN» (mã mới gửi vào thư điện tử của người nộp).', en: 'Type the dossier code to open the dossier: record the supplement, or “Reissue the PIN” (the new one is emailed to the applicant).' },
  code: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  open: { vi: 'Mở hồ sơ', en: 'Open the dossier' },
  handBack: { vi: 'Trả kết quả', en: 'Hand the result back' },
  due: { vi: 'Hạn trả', en: 'Due' },
  search: { vi: 'Tra cứu hồ sơ theo mã, tên hoặc số điện thoại', en: 'Search dossiers by code, name or phone' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  soon: { vi: 'Sắp đến hạn', en: 'Due soon' },
  paused: { vi: 'Chờ bổ sung', en: 'Paused' },
  onTrack: { vi: 'Trong hạn', en: 'On track' },
  required: { vi: 'Nhập mã hồ sơ', en: 'Type a dossier code' },
};

/** The desk's own page: receive, the results to hand back (its queue), the supplements brought in. */
export function Desk() {
  const { api, config, session } = useApp();
  const { t, pick, lang } = useI18n(T);
  const desk = config.centre.deskAgency;
  // a branch desk officer receives for its branch and sees only its branch's results to hand back
  const branch = config.centre.branches?.find((b) => branchesOf(session).includes(b.code));
  const queue = useData(() => api.GET('/agencies/{agencyCode}/tasks', { params: { path: { agencyCode: desk } } }), [desk], 30_000);
  const waiting = useDossierSearch({ status: 5 }, 30_000);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  return (
    <section>
      <h1>{t('title')}</h1>
      {branch && <p data-testid="desk-branch">{t('atBranch', { name: pick(branch.name), address: pick(branch.address) })}</p>}
      <p class="links">
        <Link class="button primary" href="/desk/receive">{t('receive')}</Link>
        <Link href="/records/search">{t('search')}</Link>
      </p>
      <OnlineChecks />
      <h2>{t('results')}</h2>
      {queue.problem && queue.status !== 200 && <Alert>{queue.problem.detail ?? queue.problem.title}</Alert>}
      {queue.data && queue.data.tasks.length === 0 && <p>{t('resultsNone')}</p>}
      {queue.data && queue.data.tasks.length > 0 && (
        <ul class="cards">
          {queue.data.tasks.map((x) => (
            <li key={x.dossierCode} data-dossier={x.dossierCode}>
              <Link href={`/dossier/${x.dossierCode}`}>{x.dossierCode}</Link> — {pick(x.name)} · {t('due')}: {formatDateTime(x.dueAt, lang)}{' '}
              <span class={`badge badge-${badgeOf(x.dueAt)}`}>{t(badgeOf(x.dueAt))}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('waiting')}</h2>
      {waiting.data && waiting.data.dossiers.length === 0 && <p>{t('waitingNone')}</p>}
      {waiting.data && waiting.data.dossiers.length > 0 && (
        <ul class="cards waiting">
          {waiting.data.dossiers.map((d) => (
            <li key={d.code} data-dossier={d.code}>
              <Link href={`/dossier/${d.code}`}>{d.code}</Link> — {d.applicantName} · {pick(d.procedure.name)} · {t('received')}: {formatDateTime(d.receivedAt, lang)}
            </li>
          ))}
        </ul>
      )}
      {waiting.data?.nextCursor && (
        <button type="button" class="secondary" data-testid="waiting-more" disabled={waiting.loadingMore} onClick={() => void waiting.more()}>{t('more')}</button>
      )}
      <DeskCalls desk={desk} />
      <h2>{t('supplement')}</h2>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (!code.trim()) return setError(t('required'));
          navigate(`/dossier/${encodeURIComponent(code.trim().toUpperCase())}`);
        }}
      >
        <Field id="supplement-code" label={t('code')} hint={t('supplementHint')} error={error}>
          {(aria) => <input {...aria} value={code} onInput={(e) => setCode((e.target as HTMLInputElement).value)} autoComplete="off" />}
        </Field>
        <button type="submit" class="secondary">{t('open')}</button>
      </form>
    </section>
  );
}
