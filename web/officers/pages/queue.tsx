import { useState } from 'preact/hooks';
import { platformMs, platformNow } from '../../shared/clock';
import { formatDateTime } from '../../shared/dates';
import { useI18n } from '../../shared/i18n';
import { useApp } from '../context';
import { Link } from '../router';
import { Alert } from '../ui';
import { useData } from '../use-data';

const T = {
  title: { vi: 'Hồ sơ cần xử lý — {agency}', en: 'Work queue — {agency}' },
  refreshed: { vi: 'Cập nhật lúc {at}; tự làm mới mỗi 30 giây.', en: 'Updated {at}; refreshes itself every 30 seconds.' },
  refresh: { vi: 'Làm mới', en: 'Refresh' },
  filter: { vi: 'Lọc', en: 'Filter' },
  all: { vi: 'Tất cả', en: 'All' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  soon: { vi: 'Sắp đến hạn', en: 'Due soon' },
  paused: { vi: 'Chờ bổ sung', en: 'Paused for a supplement' },
  onTrack: { vi: 'Trong hạn', en: 'On track' },
  code: { vi: 'Mã hồ sơ', en: 'Dossier' },
  step: { vi: 'Bước', en: 'Step' },
  stage: { vi: 'Giai đoạn', en: 'Stage' },
  assigned: { vi: 'Nhận lúc', en: 'Received' },
  due: { vi: 'Hạn xử lý', en: 'Due' },
  state: { vi: 'Tình trạng', en: 'State' },
  apologies: { vi: 'Gia hạn', en: 'Extensions' },
  empty: { vi: 'Không có hồ sơ nào.', en: 'Nothing in the queue.' },
  denied: { vi: 'Bạn không xem được hàng chờ của {agency}.', en: 'You may not see the queue of {agency}.' },
  caption: { vi: 'Các bước đang chờ, hạn sớm nhất trước', en: 'Pending steps, soonest due first' },
};

const SOON_MS = 24 * 3600_000;
type Badge = 'overdue' | 'soon' | 'paused' | 'onTrack';
export const badgeOf = (dueAt: string | null, now = platformMs()): Badge =>
  dueAt === null ? 'paused' : Date.parse(dueAt) < now ? 'overdue' : Date.parse(dueAt) - now < SOON_MS ? 'soon' : 'onTrack';

/** An agency's queue: pending steps soonest due first, badges and their counts, filters, self-refresh. */
export function Queue({ agency }: { agency: string }) {
  const { api, config } = useApp();
  const { t, pick, lang } = useI18n(T);
  const [filter, setFilter] = useState<Badge | 'all'>('all');
  const { data, problem, status, reload } = useData(() => api.GET('/agencies/{agencyCode}/tasks', { params: { path: { agencyCode: agency } } }), [agency], 30_000);
  const name = pick(config.agencies.find((a) => a.code === agency)?.name) || agency;
  if (status === 403 || status === 400) return <><h1>{t('title', { agency: name })}</h1><Alert>{t('denied', { agency: name })}</Alert></>;
  const tasks = (data?.tasks ?? []).map((x) => ({ ...x, badge: badgeOf(x.dueAt) }));
  const count = (b: Badge) => tasks.filter((x) => x.badge === b).length;
  const shown = filter === 'all' ? tasks : tasks.filter((x) => x.badge === filter);
  return (
    <section>
      <h1>{t('title', { agency: name })}</h1>
      {problem && status !== 200 && <Alert>{problem.detail ?? problem.title}</Alert>}
      <div class="toolbar">
        <fieldset class="filters">
          <legend>{t('filter')}</legend>
          {(['all', 'overdue', 'soon', 'paused', 'onTrack'] as const).map((b) => (
            <label key={b} class={`filter badge-${b}`}>
              <input type="radio" name="filter" value={b} checked={filter === b} onChange={() => setFilter(b)} />
              {t(b)} <span class="count" data-count={b}>{b === 'all' ? tasks.length : count(b)}</span>
            </label>
          ))}
        </fieldset>
        <button type="button" class="secondary" onClick={reload}>{t('refresh')}</button>
      </div>
      <p class="muted" role="status">{data ? t('refreshed', { at: formatDateTime(platformNow(), lang) }) : '…'}</p>
      {data && shown.length === 0 && <p>{t('empty')}</p>}
      {shown.length > 0 && (
        <table class="queue">
          <caption>{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('code')}</th>
              <th scope="col">{t('step')}</th>
              <th scope="col">{t('assigned')}</th>
              <th scope="col">{t('due')}</th>
              <th scope="col">{t('state')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((x) => (
              <tr key={`${x.dossierCode}/${x.stepId}`} data-dossier={x.dossierCode}>
                <td><Link href={`/dossier/${x.dossierCode}`}>{x.dossierCode}</Link></td>
                <td>{t('stage')} {x.stage}: {pick(x.name)}</td>
                <td>{formatDateTime(x.assignedAt, lang)}</td>
                <td>{formatDateTime(x.dueAt, lang)}{x.extensions > 0 && <small> ({t('apologies')}: {x.extensions})</small>}</td>
                <td><span class={`badge badge-${x.badge}`}>{t(x.badge)}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
