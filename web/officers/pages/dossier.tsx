import { useEffect, useRef, useState } from 'preact/hooks';
import { ContactChanges } from '../../../functions/contracts/intake';
import { fieldMessages } from '../../../functions/core/problem-text';
import { fieldErrors, newKey, type Problem } from '../../shared/api';
import { platformNow } from '../../shared/clock';
import { formatDate, formatDateTime, localDay } from '../../shared/dates';
import { useI18n } from '../../shared/i18n';
import { agenciesOf, branchesOf, isDesk } from '../auth';
import { useApp } from '../context';
import { Link } from '../router';
import { Alert, Field, StatusText } from '../ui';
import { useData } from '../use-data';
import { workingDaysAfter, type CalendarYear } from '../working-days';
import { focusFirstError } from './receive';
import { LetterState } from '../console/desk-calls';
import { letterWord } from '../words';
import { OnlineCheckActions } from './online-checks';
import { dong } from '../../../functions/core/money';

const T = {
  title: { vi: 'Hồ sơ {code}', en: 'Dossier {code}' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' },
  status: { vi: 'Tình trạng', en: 'Status' },
  applicant: { vi: 'Người nộp', en: 'Applicant' },
  receivedAt: { vi: 'Tiếp nhận lúc', en: 'Received at' },
  original: { vi: 'Hẹn trả ban đầu', en: 'Original appointment' },
  pausedAppointment: { vi: 'Tạm dừng chờ bổ sung; tính lại khi nhận đủ hồ sơ bổ sung', en: 'Paused for a supplement; computed again once it has arrived' },
  current: { vi: 'Hẹn trả hiện tại', en: 'Current appointment' },
  steps: { vi: 'Các bước xử lý', en: 'Steps' },
  stage: { vi: 'Giai đoạn {n}', en: 'Stage {n}' },
  assigned: { vi: 'Nhận', en: 'Received' },
  due: { vi: 'Hạn', en: 'Due' },
  decided: { vi: 'Quyết định', en: 'Decided' },
  pending: { vi: 'Đang xử lý', en: 'Pending' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  refused: { vi: 'Từ chối', en: 'Refused' },
  'supplement-requested': { vi: 'Đã yêu cầu bổ sung', en: 'Supplement requested' },
  apologies: { vi: 'Xin lỗi / gia hạn: {n}', en: 'Apologies / extensions: {n}' },
  rounds: { vi: 'Số lần yêu cầu bổ sung: {n}', en: 'Supplement rounds: {n}' },
  apology: { vi: 'Phiếu xin lỗi {n}: {reason} — hạn xử lý mới của bước: {at}', en: 'Apology {n}: {reason} — the step’s new due time: {at}' },
  missingItems: { vi: 'Cần bổ sung: {items} ({reason})', en: 'Missing: {items} ({reason})' },
  documents: { vi: 'Giấy tờ', en: 'Documents' },
  noDocuments: { vi: 'Không có giấy tờ.', en: 'No documents.' },
  emails: { vi: 'Thư đã gửi công dân', en: 'Emails sent to the citizen' },
  attached: { vi: 'tệp đính kèm, xem mục Tệp', en: 'a file, see Files' },
  files: { vi: 'Tệp', en: 'Files' },
  download: { vi: 'Tải về', en: 'Download' },
  downloadOf: { vi: 'Tải về {name}', en: 'Download {name}' },
  byCitizen: { vi: 'công dân gửi', en: 'sent by the citizen' },
  byDesk: { vi: 'bộ phận một cửa', en: 'the desk' },
  byAgency: { vi: 'cơ quan {agency}', en: 'agency {agency}' },
  noEmails: { vi: 'Chưa gửi thư nào.', en: 'No email sent yet.' },
  emailFailed: { vi: 'Gửi lỗi', en: 'Failed' },
  actions: { vi: 'Xử lý bước {step}', en: 'Act on step {step}' },
  approve: { vi: 'Duyệt', en: 'Approve' },
  'request-supplement': { vi: 'Yêu cầu bổ sung', en: 'Request a supplement' },
  refuse: { vi: 'Từ chối', en: 'Refuse' },
  delay: { vi: 'Báo chậm trễ', en: 'Report a delay' },
  handBack: { vi: 'Trả kết quả cho công dân', en: 'Hand the result back' },
  supplyTitle: { vi: 'Nhận hồ sơ bổ sung tại quầy', en: 'Record the supplement brought to the desk' },
  supplyDoc: { vi: 'Giấy tờ bổ sung (mỗi dòng một giấy tờ)', en: 'Documents supplied (one per line)' },
  supply: { vi: 'Ghi nhận bổ sung', en: 'Record the supplement' },
  asked: { vi: 'Đang yêu cầu bổ sung: {items}', en: 'Asked for: {items}' },
  supplyIncomplete: {
    vi: 'Mới có {n} giấy tờ cho {m} mục được yêu cầu ({items}). Hồ sơ chỉ được giải quyết tiếp khi đủ; bấm «Ghi nhận bổ sung» lần nữa nếu vẫn ghi nhận phần này.',
    en: 'Only {n} documents for the {m} items asked for ({items}). The dossier is processed further only once it is complete; press “Record the supplement” again to record this anyway.',
  },
  feesTitle: { vi: 'Phí, lệ phí', en: 'Fees' },
  feesUnpaid: { vi: 'Chưa nộp: hồ sơ chờ thực hiện nghĩa vụ tài chính (trạng thái 6), thời gian giải quyết tạm dừng.', en: 'Unpaid: the dossier awaits its fees (status 6); the clock is paused.' },
  feesTotal: { vi: 'Tổng cộng: {total}', en: 'Total: {total}' },
  feesPaidAt: { vi: 'Đã nộp lúc {at}.', en: 'Paid at {at}.' },
  feesMethod: { vi: 'Hình thức', en: 'Method' },
  feesCash: { vi: 'Tiền mặt', en: 'Cash' },
  feesCard: { vi: 'Thẻ', en: 'Card' },
  feesRecord: { vi: 'Ghi nhận đã thu {total}', en: 'Record {total} received' },
  feesRecorded: { vi: 'Đã ghi nhận; biên lai ký hiệu {series}, số {number}, gửi đến thư điện tử của người nộp.', en: 'Recorded; receipt series {series}, number {number}, emailed to the payer.' },
  pinTitle: { vi: 'Cấp lại mã PIN tra cứu', en: 'Reissue the lookup PIN' },
  pinIntro: {
    vi: 'Mã PIN mới được gửi vào thư điện tử của người nộp hồ sơ (cán bộ không nhìn thấy mã). Mã PIN cũ sẽ không dùng được nữa.',
    en: 'A new PIN is emailed to the applicant (the officer never sees it). The old PIN stops working.',
  },
  pinAsk: { vi: 'Cấp lại mã PIN', en: 'Reissue the PIN' },
  pinConfirm: { vi: 'Xác nhận cấp mã PIN mới cho hồ sơ {code}?', en: 'Issue a new PIN for dossier {code}?' },
  pinYes: { vi: 'Xác nhận cấp lại', en: 'Yes, reissue it' },
  pinSent: { vi: 'Đã gửi mã PIN mới đến thư điện tử của người nộp lúc {at}.', en: 'The new PIN was emailed to the applicant at {at}.' },
  contactTitle: { vi: 'Sửa thông tin liên hệ của người nộp', en: "Correct the applicant's contact details" },
  contactIntro: {
    vi: 'Khi thư bị trả lại hoặc số điện thoại sai. Địa chỉ thư cũ được báo về việc sửa; các thư chưa đến được gửi lại tới địa chỉ mới.',
    en: 'When a letter bounced or the phone is wrong. The old address is told of the change; letters that did not arrive go again to the new address.',
  },
  contactEmail: { vi: 'Thư điện tử', en: 'Email' },
  contactPhone: { vi: 'Số điện thoại (để trống để xoá)', en: 'Phone (leave empty to remove)' },
  contactSave: { vi: 'Lưu thông tin liên hệ', en: 'Save the contact details' },
  contactSame: { vi: 'Thông tin liên hệ không thay đổi.', en: 'The contact details are unchanged.' },
  contactSaved: {
    vi: 'Đã sửa {fields} lúc {at}. Đã báo địa chỉ thư cũ; gửi lại {n} thư chưa đến.',
    en: 'Corrected the {fields} at {at}. The old address is told; {n} undelivered letters sent again.',
  },
  fieldEmail: { vi: 'thư điện tử', en: 'email' },
  fieldPhone: { vi: 'số điện thoại', en: 'phone' },
  corrections: { vi: 'Lần sửa thông tin liên hệ', en: 'Contact details corrected' },
  correction: { vi: '{at}: {fields} (bởi {by})', en: '{at}: {fields} (by {by})' },
  note: { vi: 'Ghi chú (không bắt buộc)', en: 'Note (optional)' },
  reason: { vi: 'Lý do', en: 'Reason' },
  missing: { vi: 'Giấy tờ còn thiếu (mỗi dòng một giấy tờ)', en: 'Missing documents (one per line)' },
  newDue: { vi: 'Hạn xử lý mới của bước (chỉ ngày làm việc), 17:00', en: 'The step’s new due date (working days only), 17:00' },
  send: { vi: 'Xác nhận', en: 'Confirm' },
  cancel: { vi: 'Huỷ', en: 'Cancel' },
  done: { vi: 'Đã ghi nhận.', en: 'Recorded.' },
  updating: { vi: 'Đang cập nhật tình trạng hồ sơ…', en: 'Updating the dossier’s status…' },
  updated: { vi: 'Tình trạng bên dưới là tình trạng hiện tại.', en: 'The status below is the current one.' },
  fix: { vi: 'Không ghi nhận được: {m}', en: 'Not recorded: {m}' },
  sheet: { vi: 'Phiếu kiểm soát (mẫu 06)', en: 'Control sheet (form 06)' },
  receipt: { vi: 'Giấy biên nhận (mẫu 01)', en: 'Receipt (form 01)' },
  kiosk: { vi: 'Mở phiếu đánh giá tại quầy', en: 'Open the evaluation kiosk' },
  notFound: { vi: 'Không có hồ sơ {code}, hoặc bạn không được xem.', en: 'No dossier {code}, or you may not see it.' },
  stop: { vi: 'Dừng: {reason}', en: 'Stopped: {reason}' },
};

type Action = 'approve' | 'request-supplement' | 'refuse' | 'delay';

/** What an act changes on the dossier (its status, its steps' states and due times). */
const snapshot = (x: { status: number; steps: { stepId: string; state: string; dueAt: string | null }[] }) =>
  JSON.stringify([x.status, x.steps.map((s) => [s.stepId, s.state, s.dueAt])]);

export function DossierPage({ code }: { code: string }) {
  const { api, session, config } = useApp();
  const { t, pick, lang } = useI18n(T);
  const dossier = useData(() => api.GET('/dossiers/{code}', { params: { path: { code } } }), [code]);
  const sheet = useData(() => api.GET('/dossiers/{code}/control-sheet', { params: { path: { code } } }), [code]);
  const [done, setDone] = useState<string>();
  // after an act, the workflow moves the dossier asynchronously: read it again until it shows (20 s at most)
  const [watch, setWatch] = useState<{ until: number; before: string; status: number; settle?: number }>();
  const doneRef = useRef<HTMLDivElement>(null);
  const d = dossier.data;
  useEffect(() => {
    if (!watch) return;
    if (d && snapshot(d) !== watch.before) {
      // the status is what officers look at: once it moved, or a few seconds after the steps did
      if (d.status !== watch.status || (watch.settle && Date.now() > watch.settle)) {
        setWatch(undefined);
        sheet.reload();
        return;
      }
      if (!watch.settle) return void setWatch({ ...watch, settle: Date.now() + 4000 });
    }
    if (Date.now() > watch.until) return void setWatch(undefined);
    const id = setTimeout(() => dossier.reload(), 700);
    return () => clearTimeout(id);
  }, [watch, d]);
  // the keyboard and the screen reader go to the result of the act
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  if (dossier.loading) return <p role="status">…</p>;
  if (!d) return <><h1>{t('title', { code })}</h1><Alert>{t('notFound', { code })}</Alert></>;
  const agencyName = (c: string) => pick(config.agencies.find((a) => a.code === c)?.name) || c;
  const mine = agenciesOf(session);
  const desk = isDesk(session);
  // the return step is handed back at the desk that received the dossier (its branch, or the main desk)
  const myBranches = branchesOf(session);
  const atMyDesk = (branch: string | undefined) => (branch ? myBranches.includes(branch) : myBranches.length === 0);
  const reload = (message: string) => {
    setDone(message);
    setWatch({ until: Date.now() + 20_000, before: snapshot(d), status: d.status });
    dossier.reload();
    sheet.reload();
  };
  const apologies = (stepId: string) => (sheet.data?.handOvers ?? []).filter((h) => h.stepId === stepId).flatMap((h) => h.apologies);
  const actable = d.steps.filter((s) => s.state === 'pending' && !d.stop && ((s.agency !== config.centre.deskAgency && mine.includes(s.agency)) || (desk && s.agency === config.centre.deskAgency && atMyDesk(s.branch))));
  return (
    <section>
      <h1>{t('title', { code: d.code })}</h1>
      <div ref={doneRef} tabIndex={-1} data-testid="done">
        {done && <Alert kind="ok">{done} {watch ? t('updating') : t('updated')}</Alert>}
      </div>
      <dl class="summary">
        <dt>{t('procedure')}</dt><dd>{d.procedure.code} — {pick(d.procedure.name)}</dd>
        <dt>{t('status')}</dt><dd data-testid="status"><StatusText status={d.status} /></dd>
        <dt>{t('applicant')}</dt><dd>{d.applicant.name}</dd>
        <dt>{t('receivedAt')}</dt><dd>{formatDateTime(d.receivedAt, lang)}{d.branch ? ` · ${pick(config.centre.branches?.find((b) => b.code === d.branch)?.name) || d.branch}` : ''}</dd>
        <dt>{t('original')}</dt><dd data-testid="original">{sheet.data?.appointment.original ? formatDateTime(sheet.data.appointment.original, lang) : sheet.data && d.status === 5 ? t('pausedAppointment') : formatDateTime(sheet.data?.appointment.original, lang)}</dd>
        <dt>{t('current')}</dt><dd data-testid="appointment">{formatDateTime(d.appointmentAt, lang)}</dd>
        {d.stop && <><dt>{t('status')}</dt><dd>{t('stop', { reason: d.stop.reason })}</dd></>}
      </dl>
      <p class="links">
        <Link href={`/records/control-sheet/${d.code}`}>{t('sheet')}</Link>
        {desk && <Link href={`/receipt/${d.code}`}>{t('receipt')}</Link>}
        {desk && d.status === 10 && atMyDesk(d.branch) && <Link href={`/kiosk/${d.branch ?? config.centre.deskAgency}?dossier=${encodeURIComponent(d.code)}`}>{t('kiosk')}</Link>}
      </p>
      {desk && d.status === 1 && atMyDesk(d.branch) && <OnlineCheckActions code={d.code} onDone={reload} />}
      {actable.map((s) => (
        <StepActions key={s.stepId} code={d.code} step={s} atDesk={s.agency === config.centre.deskAgency} onDone={() => reload(t('done'))} />
      ))}
      {desk && d.status === 5 && <DeskSupplement code={d.code} missing={d.pauses.filter((p) => !p.to).flatMap((p) => p.missing)} onDone={() => reload(t('done'))} />}
      {desk && d.fees && <DeskFees code={d.code} fees={d.fees} canRecord={desk && d.status === 6 && atMyDesk(d.branch)} onDone={() => reload(t('done'))} />}
      {desk && !d.stop && d.status !== 10 && <ReissuePin code={d.code} />}
      {desk && <ContactDetails code={d.code} applicant={d.applicant} onDone={() => dossier.reload()} />}
      {d.contactCorrections.length > 0 && (
        <>
          <h2>{t('corrections')}</h2>
          <ul data-testid="corrections">
            {d.contactCorrections.map((c) => (
              <li key={c.n}>{t('correction', { at: formatDateTime(c.at, lang), fields: c.fields.map((f) => t(f === 'email' ? 'fieldEmail' : 'fieldPhone')).join(', '), by: c.by })}</li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('steps')}</h2>
      <ol class="timeline">
        {d.steps.map((s) => (
          <li key={s.stepId} class={`step ${s.state}`} data-step={s.stepId}>
            <h3>{t('stage', { n: s.stage })}: {pick(s.name)} — {agencyName(s.agency)}</h3>
            <p>
              <span class={`badge state-${s.state}`}>{t((s.state in T ? s.state : 'pending') as keyof typeof T)}</span>{' '}
              {t('assigned')}: {formatDateTime(s.assignedAt, lang)} · {t('due')}: {formatDateTime(s.dueAt, lang) || '—'}
              {s.decidedAt && <> · {t('decided')}: {formatDateTime(s.decidedAt, lang)}</>}
            </p>
            {(s.extensions > 0 || s.supplementRounds > 0) && (
              <p>{t('apologies', { n: s.extensions })} · {t('rounds', { n: s.supplementRounds })}</p>
            )}
            <ul>
              {apologies(s.stepId).map((a) => <li key={a.n}>{t('apology', { n: a.n, reason: pick(a.reason), at: formatDateTime(a.newDueAt, lang) })}</li>)}
              {d.pauses.filter((p) => p.stepId === s.stepId).map((p) => <li key={p.key}>{t('missingItems', { items: p.missing.join('; '), reason: p.reason })}</li>)}
            </ul>
          </li>
        ))}
      </ol>
      <h2>{t('documents')}</h2>
      {d.documents.length ? <ul>{d.documents.map((x, i) => <li key={i}>{x.name} <small>({x.ref.startsWith('document:') ? t('attached') : x.ref})</small></li>)}</ul> : <p>{t('noDocuments')}</p>}
      <Files code={d.code} files={d.files.filter((f) => !f.deletedAt)} />
      <h2>{t('emails')}</h2>
      {d.emails.length || d.emailFailures.length ? (
        <ul>
          {[...d.emails].sort((a, b) => (a.sentAt ?? a.queuedAt ?? '').localeCompare(b.sentAt ?? b.queuedAt ?? '')).map((e) => (
            <li key={e.id} data-letter={e.eventKey ?? e.event ?? ''}>{letterWord(e.event, e.eventKey, lang)} — {formatDateTime(e.sentAt ?? e.queuedAt, lang)} <LetterState state={e.state} /></li>
          ))}
          {d.emailFailures.map((e) => <li key={e.eventKey}>{letterWord(undefined, e.eventKey, lang)} — {t('emailFailed')}: {e.error} ({formatDateTime(e.at, lang)})</li>)}
        </ul>
      ) : (
        <p>{t('noEmails')}</p>
      )}
    </section>
  );
}

type StepLike = { stepId: string; name: { vi: string; en: string }; dueAt: string | null };

/** The actions the caller may take on one pending step, each a small form; errors beside their fields. */
function StepActions({ code, step, atDesk, onDone }: { code: string; step: StepLike; atDesk: boolean; onDone: () => void }) {
  const { api } = useApp();
  const { t, pick, lang } = useI18n(T);
  const [action, setAction] = useState<Action | undefined>(atDesk ? 'approve' : undefined);
  const [form, setForm] = useState({ note: '', reason: '', missing: '', newDueAt: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newKey);
  const calendars = useData(
    async () => {
      const year = Number(localDay(platformNow()).slice(0, 4));
      const [a, b] = await Promise.all([year, year + 1].map((y) => api.GET('/calendars/{year}', { params: { path: { year: y } } })));
      return { data: [a!.data, b!.data].filter(Boolean) as CalendarYear[], response: a!.response };
    },
    [action === 'delay'],
  );
  const days = step.dueAt && calendars.data ? workingDaysAfter(localDay(step.dueAt), calendars.data) : [];
  const set = (k: keyof typeof form) => (e: Event) => setForm({ ...form, [k]: (e.target as HTMLInputElement).value });
  const id = (f: string) => `${step.stepId}-${f}`;
  const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailure(undefined);
    const path = { code, stepId: step.stepId };
    const headers = { 'Idempotency-Key': key };
    const opt = <V,>(v: V | '') => (v === '' ? undefined : v);
    const res =
      action === 'delay'
        ? await api.POST('/dossiers/{code}/steps/{stepId}/delay', { params: { path, header: headers }, body: { reason: form.reason, newDueAt: form.newDueAt ? `${form.newDueAt}T17:00:00+07:00` : '' } })
        : await api.POST('/dossiers/{code}/steps/{stepId}/decision', {
            params: { path, header: headers },
            body:
              action === 'approve'
                ? { outcome: 'approve', note: opt(form.note.trim()) }
                : action === 'refuse'
                  ? { outcome: 'refuse', reason: form.reason }
                  : { outcome: 'request-supplement', reason: form.reason, missing: lines(form.missing) },
          });
    setBusy(false);
    if (!res.error) {
      setKey(newKey());
      setAction(undefined);
      return onDone();
    }
    const p = res.error as Problem;
    const errs = fieldErrors(p);
    // `missing.0` → the missing field; a refusal without a field → beside the form.
    setErrors(Object.fromEntries(Object.entries(errs).map(([f, m]) => [f.split('.')[0]!, m])));
    setFailure(t('fix', { m: p.detail ?? p.title }));
    focusFirstError();
  };

  const section = useRef<HTMLElement>(null);
  const choose = (a: Action) => {
    setAction(a);
    setErrors({});
    setFailure(undefined);
    // the keyboard goes to the form just opened: its first field
    setTimeout(() => (section.current?.querySelector('form textarea, form select, form input') as HTMLElement | null)?.focus(), 0);
  };
  return (
    <section class="act" aria-labelledby={id('title')} ref={section}>
      <h2 id={id('title')}>{atDesk ? t('handBack') : t('actions', { step: pick(step.name) })}</h2>
      {!atDesk && (
        <div class="actions" role="group" aria-label={t('actions', { step: pick(step.name) })}>
          {(['approve', 'request-supplement', 'refuse', 'delay'] as const).map((a) => (
            <button key={a} type="button" class={action === a ? 'primary' : 'secondary'} aria-pressed={action === a} onClick={() => choose(a)}>
              {t(a)}
            </button>
          ))}
        </div>
      )}
      {action && (
        <form onSubmit={submit} noValidate class="act-form" data-action={action}>
          {failure && <Alert>{failure}</Alert>}
          {action === 'approve' && (
            <Field id={id('note')} label={t('note')} error={errors.note}>
              {(aria) => <textarea {...aria} value={form.note} onInput={set('note')} rows={2} />}
            </Field>
          )}
          {action === 'request-supplement' && (
            <Field id={id('missing')} label={t('missing')} error={errors.missing}>
              {(aria) => <textarea {...aria} value={form.missing} onInput={set('missing')} rows={3} />}
            </Field>
          )}
          {action !== 'approve' && (
            <Field id={id('reason')} label={t('reason')} error={errors.reason}>
              {(aria) => <textarea {...aria} value={form.reason} onInput={set('reason')} rows={2} />}
            </Field>
          )}
          {action === 'delay' && (
            <Field id={id('newDueAt')} label={t('newDue')} error={errors.newDueAt}>
              {(aria) => (
                <select {...aria} value={form.newDueAt} onChange={set('newDueAt')}>
                  <option value="">—</option>
                  {days.map((day) => <option key={day} value={day}>{formatDate(`${day}T10:00:00+07:00`, lang)}</option>)}
                </select>
              )}
            </Field>
          )}
          {errors.outcome && <span class="error" data-field-error="outcome">{errors.outcome}</span>}
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>{atDesk ? t('handBack') : `${t(action)}: ${t('send')}`}</button>
            {!atDesk && <button type="button" class="secondary" onClick={() => setAction(undefined)}>{t('cancel')}</button>}
          </div>
        </form>
      )}
    </section>
  );
}

/**
 * The desk records the supplement the citizen brought (the dossier is paused for it). Fewer
 * documents than the items asked for: a warning first, then a second press records it anyway.
 */
function DeskSupplement({ code, missing, onDone }: { code: string; missing: string[]; onDone: () => void }) {
  const { api } = useApp();
  const { t } = useI18n(T);
  const [docs, setDocs] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [warned, setWarned] = useState(false);
  const [key] = useState(newKey);
  const submit = async (e: Event) => {
    e.preventDefault();
    const lines = docs.split('\n').map((x) => x.trim()).filter(Boolean);
    if (lines.length < missing.length && !warned) {
      setWarned(true);
      setErrors({ documents: t('supplyIncomplete', { n: lines.length, m: missing.length, items: missing.join('; ') }) });
      return focusFirstError();
    }
    const documents = lines.map((name, i) => ({ name, ref: `desk://${code}/${Date.now()}-${i + 1}` }));
    const { error } = await api.POST('/dossiers/{code}/supplement', { params: { path: { code }, header: { 'Idempotency-Key': key } }, body: { documents, ...(note.trim() ? { note: note.trim() } : {}) } });
    if (!error) return onDone();
    const errs = fieldErrors(error as Problem);
    setErrors(Object.fromEntries(Object.entries(errs).map(([f, m]) => [f.split('.')[0]!, m])));
    if (!Object.keys(errs).length) setErrors({ documents: (error as Problem).detail ?? (error as Problem).title });
    focusFirstError();
  };
  return (
    <section class="act" aria-labelledby="supply-title">
      <h2 id="supply-title">{t('supplyTitle')}</h2>
      <form onSubmit={submit} noValidate>
        {missing.length > 0 && <p>{t('asked', { items: missing.join('; ') })}</p>}
        <Field id="supply-documents" label={t('supplyDoc')} error={errors.documents}>
          {(aria) => <textarea {...aria} value={docs} onInput={(e) => { setDocs((e.target as HTMLTextAreaElement).value); setWarned(false); }} rows={3} />}
        </Field>
        <Field id="supply-note" label={t('note')} error={errors.note}>
          {(aria) => <textarea {...aria} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} rows={2} />}
        </Field>
        <button type="submit" class="primary">{t('supply')}</button>
      </form>
    </section>
  );
}

/** The fees (docs/fees.md): the lines and the total; unpaid, the desk records the money taken at the counter (POST /dossiers/{code}/payments). */
function DeskFees({ code, fees, canRecord, onDone }: { code: string; fees: { lines: { code: string; name: { vi: string; en: string }; amount: number }[]; total: number; paidAt?: string }; canRecord: boolean; onDone: () => void }) {
  const { api } = useApp();
  const { t, lang } = useI18n(T);
  const [method, setMethod] = useState<'cash' | 'card'>('cash');
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const [key] = useState(newKey);
  const record = async () => {
    setBusy(true);
    const { data, error } = await api.POST('/dossiers/{code}/payments', { params: { path: { code }, header: { 'Idempotency-Key': key } }, body: { method, amount: fees.total } });
    setBusy(false);
    setResult(data ? { ok: true, text: t('feesRecorded', { series: data.receipt.invoiceIssueNo, number: data.receipt.invoiceNo }) } : { ok: false, text: t('fix', { m: (error as Problem)?.detail ?? (error as Problem)?.title ?? '' }) });
    if (data) onDone();
  };
  return (
    <section class="act" id="fees" aria-labelledby="fees-title">
      <h2 id="fees-title">{t('feesTitle')}</h2>
      <ul data-testid="fee-lines">{fees.lines.map((l) => <li key={l.code}>{l.code} — {l.name[lang]}: {dong(l.amount)}</li>)}</ul>
      <p><strong>{t('feesTotal', { total: dong(fees.total) })}</strong> {fees.paidAt ? t('feesPaidAt', { at: formatDateTime(fees.paidAt, lang) }) : t('feesUnpaid')}</p>
      {result && <Alert kind={result.ok ? 'ok' : 'error'}>{result.text}</Alert>}
      {canRecord && !fees.paidAt && (
        <div class="actions">
          <label for="fee-method">{t('feesMethod')}</label>
          <select id="fee-method" value={method} onChange={(e) => setMethod((e.target as HTMLSelectElement).value as 'cash' | 'card')}>
            <option value="cash">{t('feesCash')}</option>
            <option value="card">{t('feesCard')}</option>
          </select>
          <button type="button" class="primary" disabled={busy} onClick={() => void record()}>{t('feesRecord', { total: dong(fees.total) })}</button>
        </div>
      )}
    </section>
  );
}

/** The desk reissues the citizen's PIN (POST /dossiers/{code}/pin): emailed, never shown here; a confirmation first. */
function ReissuePin({ code }: { code: string }) {
  const { api } = useApp();
  const { t, lang } = useI18n(T);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newKey);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  const reissue = async () => {
    setBusy(true);
    const { data, error } = await api.POST('/dossiers/{code}/pin', { params: { path: { code }, header: { 'Idempotency-Key': key } }, body: {} });
    setBusy(false);
    setConfirming(false);
    setKey(newKey());
    setResult(data ? { ok: true, text: t('pinSent', { at: formatDateTime(data.reissuedAt, lang) }) } : { ok: false, text: t('fix', { m: (error as Problem)?.detail ?? (error as Problem)?.title ?? '' }) });
  };
  return (
    <section class="act" id="pin" aria-labelledby="pin-title">
      <h2 id="pin-title">{t('pinTitle')}</h2>
      <p>{t('pinIntro')}</p>
      <div ref={resultRef} tabIndex={-1}>{result && <Alert kind={result.ok ? 'ok' : 'error'}>{result.text}</Alert>}</div>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="pin-confirm" class="actions">
          <p id="pin-confirm"><strong>{t('pinConfirm', { code })}</strong></p>
          <button type="button" class="primary" ref={confirmRef} disabled={busy} onClick={() => void reissue()}>{t('pinYes')}</button>
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>{t('cancel')}</button>
        </div>
      ) : (
        <button type="button" class="secondary" onClick={() => { setResult(undefined); setConfirming(true); }}>{t('pinAsk')}</button>
      )}
    </section>
  );
}

/**
 * The desk corrects how the citizen is reached (PATCH /dossiers/{code}/applicant): a bounced
 * address, a wrong phone. Errors beside their field, in the page's language.
 */
function ContactDetails({ code, applicant, onDone }: { code: string; applicant: { email: string; phone?: string }; onDone: () => void }) {
  const { api } = useApp();
  const { t, lang } = useI18n(T);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const email = String(form.get('email') ?? '').trim();
    const phone = String(form.get('phone') ?? '').trim();
    const body = { ...(email ? { email } : {}), phone: phone || null };
    // the API's own schema (functions/contracts/intake.ts), so its messages, before sending
    const checked = ContactChanges.safeParse(body);
    if (!checked.success) {
      setErrors(fieldMessages(checked.error.issues, lang));
      return setResult(undefined);
    }
    setBusy(true);
    const { data, error } = await api.PATCH('/dossiers/{code}/applicant', { params: { path: { code } }, body });
    setBusy(false);
    const errs = fieldErrors(error as Problem);
    setErrors(errs);
    if (!data) return setResult({ ok: false, text: t('fix', { m: Object.keys(errs).length ? Object.values(errs).join('; ') : ((error as Problem)?.detail ?? (error as Problem)?.title ?? '') }) });
    if (data.changed.length === 0) return setResult({ ok: true, text: t('contactSame') });
    setResult({
      ok: true,
      text: t('contactSaved', {
        fields: data.changed.map((f) => t(f === 'email' ? 'fieldEmail' : 'fieldPhone')).join(', '),
        at: formatDateTime(data.correctedAt, lang),
        n: data.resent.length,
      }),
    });
    onDone();
  };
  return (
    <section class="act" id="contact" aria-labelledby="contact-title">
      <h2 id="contact-title">{t('contactTitle')}</h2>
      <p>{t('contactIntro')}</p>
      <div ref={resultRef} tabIndex={-1}>{result && <Alert kind={result.ok ? 'ok' : 'error'}>{result.text}</Alert>}</div>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label for="contact-email">{t('contactEmail')}</label>
        <input id="contact-email" name="email" type="email" autocomplete="off" defaultValue={applicant.email} aria-invalid={errors.email ? 'true' : undefined} aria-describedby={errors.email ? 'contact-email-error' : undefined} />
        {errors.email && <span class="error" id="contact-email-error" data-field-error="email">{errors.email}</span>}
        <label for="contact-phone">{t('contactPhone')}</label>
        <input id="contact-phone" name="phone" type="tel" autocomplete="off" defaultValue={applicant.phone ?? ''} aria-invalid={errors.phone ? 'true' : undefined} aria-describedby={errors.phone ? 'contact-phone-error' : undefined} />
        {errors.phone && <span class="error" id="contact-phone-error" data-field-error="phone">{errors.phone}</span>}
        <button type="submit" class="primary" disabled={busy}>{t('contactSave')}</button>
      </form>
    </section>
  );
}

type FileView = { documentId: string; name: string; size: number; uploaderKind: 'desk' | 'agency' | 'citizen'; agency?: string; recordedAt: string };

/** The files recorded on the dossier (the citizen's supplement among them), each downloaded through a short-lived link. */
function Files({ code, files }: { code: string; files: FileView[] }) {
  const { api } = useApp();
  const { t, lang } = useI18n(T);
  const [problem, setProblem] = useState<string>();
  if (!files.length) return null;
  const open = async (documentId: string) => {
    setProblem(undefined);
    const { data, error } = await api.GET('/dossiers/{code}/documents/{documentId}', { params: { path: { code, documentId } } });
    if (data?.url) location.assign(data.url);
    else setProblem((error as Problem)?.detail ?? (error as Problem)?.title);
  };
  const who = (f: FileView) => (f.uploaderKind === 'citizen' ? t('byCitizen') : f.uploaderKind === 'desk' ? t('byDesk') : t('byAgency', { agency: f.agency ?? '' }));
  return (
    <>
      <h2>{t('files')}</h2>
      {problem && <Alert>{problem}</Alert>}
      <ul data-testid="files">
        {files.map((f) => (
          <li key={f.documentId} data-file={f.documentId}>
            {f.name} <small>({who(f)}, {Math.max(1, Math.round(f.size / 1024))} KB, {formatDateTime(f.recordedAt, lang)})</small>{' '}
            <button type="button" class="secondary" aria-label={t('downloadOf', { name: f.name })} onClick={() => void open(f.documentId)}>{t('download')}</button>
          </li>
        ))}
      </ul>
    </>
  );
}
