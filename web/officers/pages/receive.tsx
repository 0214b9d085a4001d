import { useEffect, useMemo, useState } from 'preact/hooks';
import { DossierInput } from '../../../functions/contracts/intake';
import { fieldErrors, newKey } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { fieldMessages } from '../../../functions/core/problem-text';
import { fold } from '../../../functions/core/text';
import { freshPins, useApp } from '../context';
import { navigate } from '../router';
import { Alert, Field } from '../ui';

const T = {
  title: { vi: 'Tiếp nhận hồ sơ', en: 'Receive a dossier' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' },
  find: { vi: 'Tìm thủ tục theo mã hoặc tên', en: 'Find the procedure by code or name' },
  findHint: { vi: 'Gõ đúng mã thủ tục để chọn ngay; Enter chọn thủ tục duy nhất tìm thấy.', en: 'Type a procedure’s exact code to pick it; Enter picks the only match.' },
  picked: { vi: 'Đã chọn: {code} — {name}', en: 'Picked: {code} — {name}' },
  none: { vi: 'Không có thủ tục phù hợp.', en: 'No procedure matches.' },
  pick: { vi: 'Chọn một thủ tục.', en: 'Pick a procedure.' },
  applicant: { vi: 'Người nộp hồ sơ', en: 'Applicant' },
  name: { vi: 'Họ và tên', en: 'Full name' },
  email: { vi: 'Thư điện tử', en: 'Email' },
  phone: { vi: 'Số điện thoại (không bắt buộc)', en: 'Phone (optional)' },
  idNumber: { vi: 'Số CMND/CCCD (không bắt buộc)', en: 'ID number (optional)' },
  idHint: { vi: '9 hoặc 12 chữ số', en: '9 or 12 digits' },
  channel: { vi: 'Hình thức nộp', en: 'Channel' },
  counter: { vi: 'Trực tiếp tại quầy', en: 'At the counter' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  post: { vi: 'Qua bưu chính', en: 'By post' },
  documents: { vi: 'Giấy tờ đã nhận', en: 'Documents received' },
  docName: { vi: 'Tên giấy tờ {n}', en: 'Document {n}: name' },
  docRef: { vi: 'Số hiệu / nơi lưu giấy tờ {n}', en: 'Document {n}: reference' },
  addDoc: { vi: 'Thêm giấy tờ', en: 'Add a document' },
  removeDoc: { vi: 'Bỏ giấy tờ {n}', en: 'Remove document {n}' },
  submit: { vi: 'Tiếp nhận và in giấy biên nhận', en: 'Receive and print the receipt' },
  sending: { vi: 'Đang gửi…', en: 'Sending…' },
  fix: { vi: 'Hãy sửa các trường được đánh dấu.', en: 'Please correct the fields marked.' },
  failed: { vi: 'Không tiếp nhận được: {m}', en: 'Not received: {m}' },
  hours: { vi: '{h} giờ làm việc', en: '{h} working hours' },
};

type Procedures = { code: string; name: { vi: string; en: string }; legalHours: number }[];

/** The desk receives a dossier: procedure by search, the applicant (checked as the API checks), channel, documents. */
export function Receive() {
  const { api } = useApp();
  const { t, pick, lang } = useI18n(T);
  const [procedures, setProcedures] = useState<Procedures>([]);
  const [query, setQuery] = useState('');
  const [procedureCode, setProcedureCode] = useState('');
  const [applicant, setApplicant] = useState({ name: '', email: '', phone: '', idNumber: '' });
  const [channel, setChannel] = useState<'counter' | 'online' | 'post'>('counter');
  const [documents, setDocuments] = useState<{ name: string; ref: string }[]>([{ name: '', ref: '' }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [key] = useState(newKey);

  useEffect(() => {
    api.GET('/procedures').then(({ data }) => data && setProcedures(data.procedures));
  }, []);
  const matches = useMemo(
    () => procedures.filter((p) => !query || fold(`${p.code} ${p.name.vi} ${p.name.en}`).includes(fold(query))),
    [procedures, query],
  );

  const chosen = procedures.find((p) => p.code === procedureCode);
  // a code typed before the list arrived is picked once it is here
  useEffect(() => {
    const exact = procedures.find((p) => fold(p.code) === fold(query.trim()));
    if (exact && !procedureCode) setProcedureCode(exact.code);
  }, [procedures]);
  /** Typing a procedure's exact code picks it. */
  const find = (value: string) => {
    setQuery(value);
    const exact = procedures.find((p) => fold(p.code) === fold(value.trim()));
    if (exact) setProcedureCode(exact.code);
  };
  /** Enter in the search picks the exact code or the only match, and moves on; it never sends the form. */
  const enterPicks = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const exact = procedures.find((p) => fold(p.code) === fold(query.trim()));
    const only = exact ?? (matches.length === 1 ? matches[0] : undefined);
    if (!only) return;
    setProcedureCode(only.code);
    setTimeout(() => document.getElementById('applicant.name')?.focus(), 0);
  };

  const body = () => ({
    procedureCode,
    applicant: Object.fromEntries(Object.entries(applicant).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== '')) as { name: string; email: string },
    channel,
    documents: documents.filter((d) => d.name.trim() || d.ref.trim()).map((d) => ({ name: d.name.trim(), ref: d.ref.trim() })),
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    setFailure(undefined);
    const input = body();
    // The same schema as the API's (functions/contracts/intake.ts), so the messages are its own.
    const checked = DossierInput.safeParse(input);
    const local: Record<string, string> = {};
    if (!procedureCode) local.procedureCode = t('pick');
    if (!checked.success) for (const [field, message] of Object.entries(fieldMessages(checked.error.issues, lang))) local[field] ??= message;
    setErrors(local);
    if (Object.keys(local).length) return focusFirstError();
    setBusy(true);
    const { data, error, response } = await api.POST('/dossiers', { params: { header: { 'Idempotency-Key': key } }, body: input });
    setBusy(false);
    if (data) {
      freshPins.set(data.code, data.lookupPin);
      return navigate(`/receipt/${data.code}`);
    }
    const errs = fieldErrors(error);
    setErrors(errs);
    setFailure(t('failed', { m: error?.detail ?? String(response.status) }));
    focusFirstError();
  };

  const setA = (k: keyof typeof applicant) => (e: Event) => setApplicant({ ...applicant, [k]: (e.target as HTMLInputElement).value });
  const docId = (i: number, f: string) => `doc-${i}-${f}`;
  return (
    <section>
      <h1>{t('title')}</h1>
      {failure && <Alert>{failure}</Alert>}
      {Object.keys(errors).length > 0 && !failure && <Alert>{t('fix')}</Alert>}
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('procedure')}</legend>
          <Field id="procedure-search" label={t('find')} hint={t('findHint')}>
            {(aria) => <input {...aria} type="search" value={query} onInput={(e) => find((e.target as HTMLInputElement).value)} onKeyDown={enterPicks} autoComplete="off" />}
          </Field>
          <p role="status" class="muted" data-testid="procedure-picked">{chosen ? t('picked', { code: chosen.code, name: pick(chosen.name) }) : ''}</p>
          <div class={`choices${errors.procedureCode ? ' invalid' : ''}`} role="radiogroup" aria-label={t('procedure')} aria-describedby={errors.procedureCode ? 'procedureCode-error' : undefined}>
            {matches.length === 0 && <p>{t('none')}</p>}
            {matches.map((p) => (
              <label key={p.code} class="choice">
                <input type="radio" name="procedureCode" value={p.code} checked={procedureCode === p.code} onChange={() => setProcedureCode(p.code)} />
                <span><strong>{p.code}</strong> — {pick(p.name)} <small>({t('hours', { h: p.legalHours })})</small></span>
              </label>
            ))}
          </div>
          {errors.procedureCode && <span class="error" id="procedureCode-error" data-field-error="procedureCode">{errors.procedureCode}</span>}
        </fieldset>
        <fieldset>
          <legend>{t('applicant')}</legend>
          <div class="grid">
            <Field id="applicant.name" label={t('name')} error={errors['applicant.name']}>
              {(aria) => <input {...aria} value={applicant.name} onInput={setA('name')} autoComplete="off" required />}
            </Field>
            <Field id="applicant.email" label={t('email')} error={errors['applicant.email']}>
              {(aria) => <input {...aria} type="email" value={applicant.email} onInput={setA('email')} autoComplete="off" required />}
            </Field>
            <Field id="applicant.phone" label={t('phone')} error={errors['applicant.phone']}>
              {(aria) => <input {...aria} type="tel" value={applicant.phone} onInput={setA('phone')} autoComplete="off" />}
            </Field>
            <Field id="applicant.idNumber" label={t('idNumber')} hint={t('idHint')} error={errors['applicant.idNumber']}>
              {(aria) => <input {...aria} inputMode="numeric" value={applicant.idNumber} onInput={setA('idNumber')} autoComplete="off" />}
            </Field>
          </div>
        </fieldset>
        <Field id="channel" label={t('channel')} error={errors.channel}>
          {(aria) => (
            <select {...aria} value={channel} onChange={(e) => setChannel((e.target as HTMLSelectElement).value as typeof channel)}>
              <option value="counter">{t('counter')}</option>
              <option value="online">{t('online')}</option>
              <option value="post">{t('post')}</option>
            </select>
          )}
        </Field>
        <fieldset>
          <legend>{t('documents')}</legend>
          {documents.map((d, i) => (
            <div class="doc-row" key={i}>
              <Field id={docId(i, 'name')} label={t('docName', { n: i + 1 })} error={errors[`documents.${i}.name`]}>
                {(aria) => <input {...aria} value={d.name} onInput={(e) => setDocuments(documents.map((x, j) => (j === i ? { ...x, name: (e.target as HTMLInputElement).value } : x)))} />}
              </Field>
              <Field id={docId(i, 'ref')} label={t('docRef', { n: i + 1 })} error={errors[`documents.${i}.ref`]}>
                {(aria) => <input {...aria} value={d.ref} onInput={(e) => setDocuments(documents.map((x, j) => (j === i ? { ...x, ref: (e.target as HTMLInputElement).value } : x)))} />}
              </Field>
              <button type="button" class="secondary" onClick={() => setDocuments(documents.filter((_, j) => j !== i))}>
                {t('removeDoc', { n: i + 1 })}
              </button>
            </div>
          ))}
          <button type="button" class="secondary" onClick={() => setDocuments([...documents, { name: '', ref: '' }])}>
            {t('addDoc')}
          </button>
        </fieldset>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('sending') : t('submit')}
        </button>
      </form>
    </section>
  );
}

/** Move the keyboard to the first field in error, once the page shows it. */
export function focusFirstError() {
  setTimeout(() => (document.querySelector('[aria-invalid="true"], .choices.invalid input') as HTMLElement | null)?.focus(), 0);
}
