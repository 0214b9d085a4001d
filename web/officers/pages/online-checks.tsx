import { useRef, useState } from 'preact/hooks';
import { fieldErrors, newKey, type ApiClient, type Problem } from '../../shared/api';
import { formatDateTime } from '../../shared/dates';
import { useI18n } from '../../shared/i18n';
import { useApp } from '../context';
import { Link } from '../router';
import { Alert, Field } from '../ui';
import { useData } from '../use-data';
import { focusFirstError } from './receive';

/**
 * The desk's check of online applications (issue 21 item 4): the queue of online dossiers waiting
 * for this desk's check, with the working hours left (lapsed ones marked), and on a dossier in
 * status 1 the three acts: receive, ask for completion (what is missing and why), refuse to
 * receive (with the reason). One fetcher and one hook per endpoint.
 */

const T = {
  title: { vi: 'Hồ sơ trực tuyến chờ kiểm tra', en: 'Online dossiers to check' },
  intro: {
    vi: 'Hồ sơ công dân nộp trên Cổng dịch vụ công. Trong 8 giờ làm việc, tiếp nhận, đề nghị bổ sung hoặc từ chối tiếp nhận (Nghị định 45/2020/NĐ-CP, Điều 11).',
    en: 'Dossiers citizens applied for on the public service portal. Within 8 working hours, receive them, ask for completion, or refuse to receive them (Decree 45/2020/NĐ-CP, art. 11).',
  },
  none: { vi: 'Không có hồ sơ trực tuyến nào chờ kiểm tra.', en: 'No online dossier is waiting for a check.' },
  caption: { vi: 'Hồ sơ chờ kiểm tra, hạn sớm nhất trước', en: 'Waiting for the check, soonest due first' },
  code: { vi: 'Mã hồ sơ', en: 'Dossier' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' },
  applicant: { vi: 'Người nộp', en: 'Applicant' },
  submitted: { vi: 'Nộp lúc', en: 'Submitted' },
  due: { vi: 'Hạn kiểm tra', en: 'Check due' },
  left: { vi: 'Còn lại', en: 'Time left' },
  hoursLeft: { vi: 'còn {n} giờ làm việc', en: '{n} working hours left' },
  lapsed: { vi: 'Quá hạn {n} giờ làm việc', en: 'Lapsed by {n} working hours' },
  asked: { vi: 'Chờ công dân bổ sung', en: 'Waiting for the citizen' },
  fully: { vi: 'Toàn trình', en: 'Fully online' },
  partly: { vi: 'Một phần', en: 'Partly online' },
  check: { vi: 'Kiểm tra hồ sơ trực tuyến', en: 'Check the online dossier' },
  checkIntro: {
    vi: 'Hồ sơ nộp trực tuyến, chưa được tiếp nhận. Tiếp nhận: thời hạn giải quyết tính từ lúc này và công dân nhận Giấy tiếp nhận (mẫu 01) qua thư điện tử.',
    en: 'Applied for online, not received yet. Receive it: the processing time counts from now and the citizen gets the receipt (form 01) by email.',
  },
  receive: { vi: 'Tiếp nhận', en: 'Receive' },
  'request-completion': { vi: 'Đề nghị bổ sung, hoàn thiện', en: 'Ask for completion' },
  refuse: { vi: 'Từ chối tiếp nhận', en: 'Refuse to receive' },
  missing: { vi: 'Giấy tờ, nội dung cần bổ sung (mỗi dòng một mục)', en: 'What is missing (one item a line)' },
  reason: { vi: 'Lý do', en: 'Reason' },
  send: { vi: 'Gửi', en: 'Send' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  fix: { vi: 'Chưa gửi được: {m}', en: 'Not sent: {m}' },
  done: { vi: 'Đã ghi nhận.', en: 'Recorded.' },
  reasonRequired: { vi: 'Nhập lý do', en: 'Type the reason' },
  missingRequired: { vi: 'Nhập ít nhất một mục cần bổ sung', en: 'Type at least one missing item' },
};

type Checks = NonNullable<Awaited<ReturnType<typeof fetchChecks>>['data']>;
type Outcome = 'receive' | 'request-completion' | 'refuse';

/** GET /checks */
export const fetchChecks = (api: ApiClient) => api.GET('/checks');
/** The desk's queue of online dossiers to check, refreshed every 30 s. */
export const useChecks = () => {
  const { api } = useApp();
  return useData(() => fetchChecks(api), [], 30_000);
};

/** POST /dossiers/{code}/check */
export const checkDossier = (api: ApiClient, code: string, key: string, body: { outcome: 'receive' } | { outcome: 'request-completion'; missing: string[]; reason: string } | { outcome: 'refuse'; reason: string }) =>
  api.POST('/dossiers/{code}/check', { params: { path: { code }, header: { 'Idempotency-Key': key } }, body });

function TimeLeft({ c }: { c: Checks['checks'][number] }) {
  const { t } = useI18n(T);
  const n = (x: number) => String(Math.abs(x)).replace('.', ',');
  if (c.completionAsked) return <span class="badge badge-paused">{t('asked')}</span>;
  if (c.lapsed) return <span class="badge badge-overdue" data-lapsed="true">{t('lapsed', { n: n(c.workingHoursLeft ?? 0) })}</span>;
  return <span class={`badge badge-${(c.workingHoursLeft ?? 0) < 2 ? 'soon' : 'onTrack'}`}>{t('hoursLeft', { n: n(c.workingHoursLeft ?? 0) })}</span>;
}

/** The list (on the desk's page and on its own page /desk/checks). */
export function OnlineChecks({ heading = 'h2' }: { heading?: 'h1' | 'h2' }) {
  const { t, pick, lang } = useI18n(T);
  const checks = useChecks();
  const H = heading;
  return (
    <section aria-labelledby="online-checks-title" data-testid="online-checks">
      <H id="online-checks-title">{t('title')}</H>
      <p class="muted">{t('intro')}</p>
      {checks.problem && checks.status !== 200 && <Alert>{checks.problem.detail ?? checks.problem.title}</Alert>}
      {checks.data && checks.data.checks.length === 0 && <p>{t('none')}</p>}
      {checks.data && checks.data.checks.length > 0 && (
        <table class="queue">
          <caption>{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('code')}</th>
              <th scope="col">{t('procedure')}</th>
              <th scope="col">{t('applicant')}</th>
              <th scope="col">{t('submitted')}</th>
              <th scope="col">{t('due')}</th>
              <th scope="col">{t('left')}</th>
            </tr>
          </thead>
          <tbody>
            {checks.data.checks.map((c) => (
              <tr key={c.code} data-dossier={c.code}>
                <td><Link href={`/dossier/${c.code}`}>{c.code}</Link></td>
                <td>{pick(c.procedure.name)} <small>({t(c.level)})</small></td>
                <td>{c.applicantName}</td>
                <td>{formatDateTime(c.submittedAt, lang)}</td>
                <td>{formatDateTime(c.checkDueAt, lang)}</td>
                <td><TimeLeft c={c} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** On a dossier in status 1 (applied for online): receive, ask for completion, refuse to receive. */
export function OnlineCheckActions({ code, onDone }: { code: string; onDone: (message: string) => void }) {
  const { api } = useApp();
  const { t } = useI18n(T);
  const [action, setAction] = useState<Outcome>();
  const [form, setForm] = useState({ missing: '', reason: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newKey);
  const section = useRef<HTMLElement>(null);
  const set = (k: keyof typeof form) => (e: Event) => setForm({ ...form, [k]: (e.target as HTMLTextAreaElement).value });
  const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);
  const choose = (a: Outcome) => {
    setAction(a);
    setErrors({});
    setFailure(undefined);
    setKey(newKey());
    setTimeout(() => (section.current?.querySelector('form textarea, form button[type=submit]') as HTMLElement | null)?.focus(), 0);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!action) return;
    // what the API requires, checked here first: the field says so, nothing is sent
    const required = {
      ...(action !== 'receive' && !form.reason.trim() ? { reason: t('reasonRequired') } : {}),
      ...(action === 'request-completion' && lines(form.missing).length === 0 ? { missing: t('missingRequired') } : {}),
    };
    if (Object.keys(required).length) {
      setErrors(required);
      return focusFirstError();
    }
    setBusy(true);
    setFailure(undefined);
    const body =
      action === 'receive'
        ? { outcome: action }
        : action === 'refuse'
          ? { outcome: action, reason: form.reason }
          : { outcome: action, reason: form.reason, missing: lines(form.missing) };
    const res = await checkDossier(api, code, key, body);
    setBusy(false);
    if (!res.error) {
      setAction(undefined);
      return onDone(t('done'));
    }
    const p = res.error as Problem;
    setErrors(Object.fromEntries(Object.entries(fieldErrors(p)).map(([f, m]) => [f.split('.')[0]!, m])));
    setFailure(t('fix', { m: p.detail ?? p.title }));
    focusFirstError();
  };
  return (
    <section class="act" aria-labelledby="online-check-title" ref={section} data-testid="online-check">
      <h2 id="online-check-title">{t('check')}</h2>
      <p class="muted">{t('checkIntro')}</p>
      <div class="actions" role="group" aria-label={t('check')}>
        {(['receive', 'request-completion', 'refuse'] as const).map((a) => (
          <button key={a} type="button" class={action === a ? 'primary' : 'secondary'} aria-pressed={action === a} onClick={() => choose(a)} data-outcome={a}>
            {t(a)}
          </button>
        ))}
      </div>
      {action && (
        <form onSubmit={submit} noValidate class="act-form" data-action={action}>
          {failure && <Alert>{failure}</Alert>}
          {action === 'request-completion' && (
            <Field id="check-missing" label={t('missing')} error={errors.missing}>
              {(aria) => <textarea {...aria} value={form.missing} onInput={set('missing')} rows={3} />}
            </Field>
          )}
          {action !== 'receive' && (
            <Field id="check-reason" label={t('reason')} error={errors.reason}>
              {(aria) => <textarea {...aria} value={form.reason} onInput={set('reason')} rows={2} />}
            </Field>
          )}
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>{`${t(action)}: ${t('send')}`}</button>
            <button type="button" class="secondary" onClick={() => setAction(undefined)}>{t('cancel')}</button>
          </div>
        </form>
      )}
    </section>
  );
}
