import { useEffect, useState } from 'preact/hooks';
import { fieldErrors, type Problem } from '../../shared/api';
import { platformNow } from '../../shared/clock';
import { formatDateTime, localDay } from '../../shared/dates';
import { useI18n } from '../../shared/i18n';
import { CT } from '../console/shared';
import { useApp } from '../context';
import { navigate } from '../router';
import { Alert, Field } from '../ui';
import { useData } from '../use-data';

const T = {
  ...CT,
  year: { vi: 'Năm', en: 'Year' },
  show: { vi: 'Xem', en: 'Show' },
  status: { vi: 'Tình trạng', en: 'Status' },
  announced: { vi: 'Đã công bố', en: 'Announced' },
  'awaiting-notice': { vi: 'Chờ thông báo chính thức', en: 'Awaiting the official notice' },
  origin: { vi: 'Nguồn dữ liệu: {o}', en: 'Data: {o}' },
  stored: { vi: 'đã lưu', en: 'stored' },
  bundled: { vi: 'mặc định của trung tâm', en: 'the centre’s default' },
  updated: { vi: 'Sửa lần cuối {at} bởi {by}', en: 'Last changed {at} by {by}' },
  entries: { vi: 'Ngày nghỉ lễ, ngày nghỉ bù và thứ Bảy làm bù', en: 'Holidays, days off and make-up Saturdays' },
  n: { vi: 'Mục {n}', en: 'Entry {n}' },
  date: { vi: 'Ngày', en: 'Date' },
  kind: { vi: 'Loại', en: 'Kind' },
  holiday: { vi: 'Ngày lễ', en: 'Holiday' },
  'day-off': { vi: 'Ngày nghỉ bù', en: 'Day off' },
  'working-saturday': { vi: 'Thứ Bảy làm bù', en: 'Make-up Saturday' },
  nameVi: { vi: 'Tên (tiếng Việt)', en: 'Name (Vietnamese)' },
  nameEn: { vi: 'Tên (tiếng Anh)', en: 'Name (English)' },
  source: { vi: 'Căn cứ pháp lý', en: 'Legal source' },
  remove: { vi: 'Xoá mục {n}', en: 'Remove entry {n}' },
  add: { vi: 'Thêm một ngày', en: 'Add a day' },
  publish: { vi: 'Công bố lịch năm {year}', en: 'Publish the {year} calendar' },
  published: { vi: 'Đã công bố lịch năm {year}.', en: 'The {year} calendar is published.' },
  invalid: { vi: 'Chưa công bố: {n} lỗi, xem bên cạnh từng ô.', en: 'Not published: {n} errors, shown beside their fields.' },
  missing: { vi: 'Chưa có lịch năm này: thêm các ngày rồi công bố.', en: 'No calendar for this year yet: add its days and publish.' },
};
type Entry = { date: string; kind: 'holiday' | 'day-off' | 'working-saturday'; name: { vi: string; en: string }; source: string };
const KINDS = ['holiday', 'day-off', 'working-saturday'] as const;

/** A year's working calendar: edit its entries, publish it (PUT /calendars/{year}); errors beside their fields. */
export function ConsoleCalendars({ search }: { search: string }) {
  const { api } = useApp();
  const { t, lang } = useI18n(T);
  const year = Number(new URLSearchParams(search).get('year') ?? Number(localDay(platformNow()).slice(0, 4)));
  const [pickYear, setPickYear] = useState(String(year));
  const loaded = useData(() => api.GET('/calendars/{year}', { params: { path: { year } } }), [year]);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [status, setStatus] = useState<'announced' | 'awaiting-notice'>('announced');
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setEntries(loaded.data ? loaded.data.entries.map((e) => ({ ...e, name: { ...e.name } })) : []);
    setStatus(loaded.data?.status ?? 'awaiting-notice');
    setProblem(undefined);
    // `done` stays: the reload after a publish brings the data it announces
  }, [loaded.data, loaded.status]);
  useEffect(() => setDone(false), [year]);
  const errors = fieldErrors(problem);
  const set = (i: number, change: Partial<Entry>) => {
    setDone(false);
    setEntries(entries.map((e, j) => (j === i ? { ...e, ...change } : e)));
  };
  const publish = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setDone(false);
    const { error, response } = await api.PUT('/calendars/{year}', { params: { path: { year } }, body: { year, status, entries } });
    setBusy(false);
    if (response.ok) {
      setProblem(undefined);
      setDone(true);
      loaded.reload();
    } else {
      setProblem(error as Problem);
      setTimeout(() => (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus(), 0);
    }
  };
  return (
      <section>
        <h1>{t('calendars')}</h1>
        <form class="inline" onSubmit={(e) => { e.preventDefault(); navigate(`/console/calendars?year=${pickYear}`); }}>
          <Field id="cal-year" label={t('year')}>
            {(aria) => <input {...aria} type="number" min="2000" max="2100" value={pickYear} onInput={(e) => setPickYear((e.target as HTMLInputElement).value)} />}
          </Field>
          <button type="submit" class="secondary">{t('show')}</button>
        </form>
        {loaded.loading && <p role="status">…</p>}
        {loaded.status === 404 && <p>{t('missing')}</p>}
        {loaded.problem && loaded.status !== 404 && loaded.status !== 200 && <Alert>{loaded.problem.detail ?? loaded.problem.title}</Alert>}
        {loaded.data && (
          <p class="muted">
            {t('origin', { o: t(loaded.data.origin) })}
            {loaded.data.updatedAt ? ` · ${t('updated', { at: formatDateTime(loaded.data.updatedAt, lang), by: loaded.data.updatedBy ?? '' })}` : ''}
          </p>
        )}
        {!loaded.loading && (
          <form onSubmit={publish} noValidate>
            <Field id="status" label={t('status')} error={errors.status}>
              {(aria) => (
                <select {...aria} value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value as typeof status)}>
                  <option value="announced">{t('announced')}</option>
                  <option value="awaiting-notice">{t('awaiting-notice')}</option>
                </select>
              )}
            </Field>
            <h2>{t('entries')}</h2>
            {errors.entries && <Alert>{errors.entries}</Alert>}
            {entries.map((x, i) => (
              <fieldset key={i} class="calendar-entry" data-entry={i}>
                <legend>{t('n', { n: i + 1 })}</legend>
                <div class="entry-grid">
                  <Field id={`entries[${i}].date`} label={t('date')} error={errors[`entries[${i}].date`]}>
                    {(aria) => <input {...aria} type="text" inputMode="numeric" placeholder="YYYY-MM-DD" value={x.date} onInput={(e) => set(i, { date: (e.target as HTMLInputElement).value })} />}
                  </Field>
                  <Field id={`entries[${i}].kind`} label={t('kind')} error={errors[`entries[${i}].kind`]}>
                    {(aria) => (
                      <select {...aria} value={x.kind} onChange={(e) => set(i, { kind: (e.target as HTMLSelectElement).value as Entry['kind'] })}>
                        {KINDS.map((k) => <option key={k} value={k}>{t(k)}</option>)}
                      </select>
                    )}
                  </Field>
                  <Field id={`entries[${i}].name.vi`} label={t('nameVi')} error={errors[`entries[${i}].name.vi`] ?? errors[`entries[${i}].name`]}>
                    {(aria) => <input {...aria} value={x.name.vi} onInput={(e) => set(i, { name: { ...x.name, vi: (e.target as HTMLInputElement).value } })} />}
                  </Field>
                  <Field id={`entries[${i}].name.en`} label={t('nameEn')} error={errors[`entries[${i}].name.en`]}>
                    {(aria) => <input {...aria} value={x.name.en} onInput={(e) => set(i, { name: { ...x.name, en: (e.target as HTMLInputElement).value } })} />}
                  </Field>
                  <Field id={`entries[${i}].source`} label={t('source')} error={errors[`entries[${i}].source`]}>
                    {(aria) => <input {...aria} value={x.source} onInput={(e) => set(i, { source: (e.target as HTMLInputElement).value })} />}
                  </Field>
                </div>
                <button type="button" class="secondary" onClick={() => setEntries(entries.filter((_, j) => j !== i))}>{t('remove', { n: i + 1 })}</button>
              </fieldset>
            ))}
            <p class="actions">
              <button type="button" class="secondary" onClick={() => setEntries([...entries, { date: `${year}-`, kind: 'holiday', name: { vi: '', en: '' }, source: '' }])}>{t('add')}</button>
              <button type="submit" class="primary" disabled={busy}>{t('publish', { year })}</button>
            </p>
            {problem && <Alert>{t('invalid', { n: problem.errors?.length ?? 1 })}{problem.errors?.length ? '' : ` ${problem.detail ?? problem.title}`}</Alert>}
            {done && <Alert kind="ok">{t('published', { year })}</Alert>}
          </form>
        )}
      </section>
  );
}
