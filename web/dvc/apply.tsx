/**
 * Applying online: the procedure's own form (its fields from the catalogue), pre-filled from the
 * national identity, checked in the page with the same schema the API checks it with
 * (`answersSchema` of functions/core/online.ts) and each problem named by the field's label in
 * the reader's language; a file per document it needs (checked, then uploaded through a
 * presigned POST: ./upload.ts); a review; submit → the dossier's code and what happens next.
 *
 * On submit: the draft is made (`POST /public/applications`, one Idempotency-Key for the act),
 * each file uploaded and recorded against it (a file already sent is not sent again on a retry),
 * the draft updated with the documents, then submitted.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { answersSchema, type Answer, type FormField } from '../../functions/core/online';
import { ACCEPT_ATTR } from '../shared/file-checks';
import { formatLocal } from '../citizen/format';
import { newKey } from '../shared/api';
import { useI18n, type Lang } from '../shared/i18n';
import { statusName } from './status';
import { fetchers, useMe, useProcedure, type Me, type ProcedureDetail, type Submitted } from './api';
import { Link, usePortal } from './context';
import { words } from './i18n';
import { desksOf } from './pages';
import { UploadError, checkChosen, uploadForApplication, type Uploaded } from './upload';

type Step = 'form' | 'files' | 'review' | 'done';

/** The answers the national identity gives (the field's `prefill`). */
function prefilled(form: FormField[], me: Me | undefined): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  const c = (me as { citizen?: Record<string, string | undefined> } | undefined)?.citizen ?? (me as Record<string, string | undefined> | undefined);
  if (!c) return out;
  for (const f of form) {
    const v = f.prefill ? c[f.prefill] : undefined;
    if (v) out[f.name] = v;
  }
  return out;
}

/** The answers as the schema reads them: blanks left out, numbers as numbers. */
function cleaned(form: FormField[], answers: Record<string, Answer>): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const f of form) {
    const v = answers[f.name];
    if (v === undefined || v === '') continue;
    if (f.type === 'number' && typeof v === 'string') out[f.name] = Number(v.replace(',', '.'));
    else if (f.type === 'checkbox') out[f.name] = v === true;
    else out[f.name] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

export function Apply({ code }: { code: string }) {
  const { t } = useI18n(words);
  const portal = usePortal();
  const { data: p, loading, status } = useProcedure(code);
  if (!portal.session) {
    return (
      <>
        <h1 tabIndex={-1}>{t('signIn')}</h1>
        <p>{t('signInNeeded')}</p>
        <Link class="button primary" href={`/dvc/sign-in?next=${encodeURIComponent(`/dvc/apply/${code}`)}`}>{t('signInGo')}</Link>
      </>
    );
  }
  if (loading) return <p role="status">{t('loading')}</p>;
  if (!p || !p.online || p.online.level === 'none') return <><h1 tabIndex={-1}>{code}</h1><p role="alert" class="error">{status === 404 ? t('noneFound') : t('notOnline')}</p></>;
  return <ApplyForm p={p} />;
}

function ApplyForm({ p }: { p: ProcedureDetail }) {
  const { t, lang } = useI18n(words);
  const online = p.online!;
  const form = online.form as FormField[];
  const me = useMe(true);
  const desks = desksOf(p, lang);
  const [step, setStep] = useState<Step>('form');
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [desk, setDesk] = useState(desks.find((d) => d.main)?.code ?? desks[0]?.code ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<Record<string, File | undefined>>({});
  const [declared, setDeclared] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Submitted>();
  // one act, one key: a retried submission makes no second draft and sends no file twice
  const act = useRef({ create: newKey(), submit: newKey(), id: '', sent: new Map<File, Uploaded>() });

  useEffect(() => {
    if (me.data) setAnswers((a) => ({ ...prefilled(form, me.data), ...a }));
  }, [me.data]);
  useEffect(() => {
    requestAnimationFrame(() => (document.querySelector('main h1, main h2.step') as HTMLElement | null)?.focus());
  }, [step]);

  const label = (f: FormField) => f.label[lang];
  const checkForm = (e: Event) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    // the API's own schema: each issue's path is the field, its message starts with the field's label
    const parsed = answersSchema(form, lang).safeParse(cleaned(form, answers));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const name = String(issue.path[0] ?? '');
        if (!found[name]) found[name] = issue.message;
      }
    }
    if (desks.length > 1 && !desk) found.desk = t('fieldRequired', { label: t('desk') });
    setErrors(found);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => document.getElementById('form-errors')?.focus());
      return;
    }
    setStep('files');
  };

  const checkFiles = async (e: Event) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    for (const d of online.documents) {
      const file = files[d.id];
      if (!file) {
        if (d.required) found[d.id] = t('fileMissing', { name: d.name[lang] });
        continue;
      }
      const problem = await checkChosen(file);
      if (problem) found[d.id] = t(`fileWhy_${problem}`, { file: file.name });
    }
    setErrors(found);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => document.getElementById('form-errors')?.focus());
      return;
    }
    setStep('review');
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!declared) return setError(t('mustDeclare'));
    setBusy(true);
    setError('');
    try {
      const a = act.current;
      // the main desk is the default: a branch is named only when chosen
      const chosen = desks.find((d) => d.code === desk && !d.main) ? { desk } : {};
      const body = { answers: cleaned(form, answers), ...chosen };
      if (!a.id) {
        const made = await fetchers.createApplication({ procedureCode: p.code, ...body }, a.create);
        if (!made.data) return setError(made.error && 'detail' in made.error && made.error.detail ? String(made.error.detail) : t('failed'));
        a.id = made.data.id;
      }
      const documents: { requirement: string; documentId: string }[] = [];
      for (const d of online.documents) {
        const file = files[d.id];
        if (!file) continue;
        try {
          const up = a.sent.get(file) ?? (await uploadForApplication(a.id, d.id, d.name[lang], file));
          a.sent.set(file, up);
          documents.push({ requirement: d.id, documentId: up.documentId });
        } catch (err) {
          const why = err instanceof UploadError ? err.problem : 'refused';
          return setError(t(`fileWhy_${why}`, { file: file.name }));
        }
      }
      const updated = await fetchers.updateApplication(a.id, { ...body, documents });
      if (updated.response.status >= 300) return setError(updated.error && 'detail' in updated.error && updated.error.detail ? String(updated.error.detail) : t('failed'));
      const sent = await fetchers.submit(a.id, a.submit);
      if (!sent.data) return setError(sent.error && 'detail' in sent.error && sent.error.detail ? String(sent.error.detail) : t('failed'));
      setDone(sent.data);
      setStep('done');
    } catch {
      setError(t('offline'));
    } finally {
      setBusy(false);
    }
  };

  const errorList = Object.values(errors);
  const summary = errorList.length ? (
    <div id="form-errors" class="error" role="alert" tabIndex={-1}>
      <p>{t('fixErrors', { n: errorList.length })}</p>
      <ul>{errorList.map((m) => <li key={m}>{m}</li>)}</ul>
    </div>
  ) : null;

  if (step === 'done' && done) {
    return (
      <>
        <h1 tabIndex={-1}>{t('submittedTitle')}</h1>
        <section class="card ok-card" aria-labelledby="code-h">
          <h2 id="code-h">{t('submittedCode')}</h2>
          <p class="code" data-testid="dossier-code">{done.code}</p>
          <dl class="facts">
            <dt>{t('procedure')}</dt><dd>{p.name[lang]}</dd>
            <dt>{t('submittedAt')}</dt><dd>{formatLocal(done.submittedAt, lang)}</dd>
            <dt>{t('status')}</dt><dd>{statusName(1, lang)}</dd>
          </dl>
        </section>
        <section class="card next" aria-labelledby="next-h">
          <h2 id="next-h">{t('whatNext')}</h2>
          <p>{t('checkWithin', { when: formatLocal(done.checkDueAt, lang) })}</p>
          <p>{t('followInMine')}</p>
        </section>
        <Link class="button primary" href={`/dvc/my/${encodeURIComponent(done.code)}`}>{t('mine')}</Link>
      </>
    );
  }

  const stepNo = step === 'form' ? 1 : step === 'files' ? 2 : 3;
  const stepName = step === 'form' ? t('stepForm') : step === 'files' ? t('stepFiles') : t('stepReview');
  return (
    <>
      <h1 tabIndex={-1}>{t('applyTitle', { name: p.name[lang] })}</h1>
      <h2 class="step" tabIndex={-1}>{t('step', { n: stepNo })}: {stepName}</h2>
      {step === 'form' && (
        <form method="post" class="card" noValidate onSubmit={checkForm}>
          {summary}
          {me.data && form.some((f) => f.prefill) && <p class="hint">{t('prefilled')}</p>}
          {form.map((f) => (
            <FieldInput key={f.name} f={f} value={answers[f.name]} error={errors[f.name]} onChange={(v) => { setAnswers({ ...answers, [f.name]: v }); if (errors[f.name]) setErrors(({ [f.name]: _, ...rest }) => rest); }} />
          ))}
          {desks.length > 1 && (
            <>
              <label for="desk">{t('desk')}</label>
              <select id="desk" value={desk} aria-invalid={errors.desk ? true : undefined} onChange={(e) => setDesk((e.target as HTMLSelectElement).value)}>
                <option value="">{t('choose')}</option>
                {desks.map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
              </select>
            </>
          )}
          <button type="submit" class="primary">{t('next')}</button>
        </form>
      )}
      {step === 'files' && (
        <form method="post" class="card" noValidate onSubmit={(e) => void checkFiles(e)}>
          {summary}
          {online.documents.length === 0 && <p>{t('noDocuments')}</p>}
          {online.documents.map((d) => (
            <div key={d.id} class="file">
              <label for={`file-${d.id}`}>{t('fileFor', { name: d.name[lang] })}{d.required ? '' : ` ${t('optionalMark')}`}</label>
              <input id={`file-${d.id}`} type="file" accept={ACCEPT_ATTR} aria-describedby={`file-${d.id}-hint`} aria-invalid={errors[d.id] ? true : undefined}
                onChange={(e) => setFiles({ ...files, [d.id]: (e.target as HTMLInputElement).files?.[0] })} />
              <p id={`file-${d.id}-hint`} class="hint">{t('fileHint')}{d.eCopy ? ` ${t('eCopy')}.` : ''}</p>
              {errors[d.id] && <p class="field-error">{errors[d.id]}</p>}
            </div>
          ))}
          <button type="button" class="secondary" onClick={() => { setErrors({}); setStep('form'); }}>{t('back')}</button>
          <button type="submit" class="primary">{t('next')}</button>
        </form>
      )}
      {step === 'review' && (
        <form method="post" class="card" noValidate onSubmit={(e) => void submit(e)}>
          <p>{t('review')}</p>
          <dl class="facts review">
            {form.map((f) => (
              <>
                <dt key={`${f.name}-l`}>{label(f)}</dt>
                <dd key={`${f.name}-v`}>{shown(f, answers[f.name], lang, t)}</dd>
              </>
            ))}
            {desk && (<><dt>{t('desk')}</dt><dd>{desks.find((d) => d.code === desk)?.name ?? desk}</dd></>)}
            <dt>{t('attached')}</dt>
            <dd>
              {Object.values(files).some(Boolean) ? (
                <ul class="plain">{online.documents.filter((d) => files[d.id]).map((d) => <li key={d.id}>{d.name[lang]}: {files[d.id]!.name}</li>)}</ul>
              ) : t('none')}
            </dd>
          </dl>
          <button type="button" class="secondary" onClick={() => setStep('form')}>{t('edit')}</button>
          <label class="check">
            <input type="checkbox" checked={declared} onChange={(e) => setDeclared((e.target as HTMLInputElement).checked)} />
            <span>{t('declare')}</span>
          </label>
          <div role="alert" class={error ? 'error' : 'sr-only'}>{error}</div>
          <button type="submit" class="primary" disabled={busy}>{busy ? t('submitting') : t('submit')}</button>
        </form>
      )}
    </>
  );
}

function shown(f: FormField, v: Answer | undefined, lang: Lang, t: ReturnType<typeof useI18n<typeof words>>['t']): string {
  if (f.type === 'checkbox') return v === true ? t('yes') : t('no');
  if (v === undefined || v === '') return t('noAnswer');
  if (f.type === 'select') return f.options?.find((o) => o.value === v)?.label[lang] ?? String(v);
  return String(v);
}

/** One field of the form, by its type; its label, help and problem tied to it for screen readers. */
function FieldInput({ f, value, error, onChange }: { f: FormField; value: Answer | undefined; error?: string; onChange: (v: Answer) => void }) {
  const { t, lang } = useI18n(words);
  const id = `f-${f.name}`;
  const described = [f.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, name: f.name, 'aria-describedby': described, 'aria-invalid': error ? true : undefined, 'aria-required': f.required ? true : undefined };
  const text = value === undefined ? '' : String(value);
  const input = (e: Event) => onChange((e.target as HTMLInputElement).value);
  const labelText = `${f.label[lang]}${f.required ? '' : ` ${t('optionalMark')}`}`;
  if (f.type === 'checkbox') {
    return (
      <div class="field">
        <label class="check">
          <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange((e.target as HTMLInputElement).checked)} />
          <span>{labelText}</span>
        </label>
        {f.help && <p id={`${id}-help`} class="hint">{f.help[lang]}</p>}
        {error && <p id={`${id}-error`} class="field-error">{error}</p>}
      </div>
    );
  }
  const auto: Record<string, string> = { name: 'name', email: 'email', phone: 'tel', address: 'street-address', identityNumber: 'off' };
  return (
    <div class="field">
      <label for={id}>{labelText}</label>
      {f.type === 'textarea' ? (
        <textarea {...common} rows={3} maxLength={f.maxLength ?? 4000} value={text} onInput={input} />
      ) : f.type === 'select' ? (
        <select {...common} value={text} onChange={input}>
          <option value="">{t('choose')}</option>
          {(f.options ?? []).map((o) => <option key={o.value} value={o.value}>{o.label[lang]}</option>)}
        </select>
      ) : (
        <input {...common} type={(f.type === 'number' ? 'text' : f.type) as 'text'} inputMode={f.type === 'number' ? 'decimal' : f.type === 'tel' ? 'tel' : undefined}
          maxLength={f.type === 'date' ? undefined : f.maxLength ?? 500} autocomplete={f.prefill ? auto[f.prefill] : 'off'} value={text} onInput={input} />
      )}
      {f.help && <p id={`${id}-help`} class="hint">{f.help[lang]}</p>}
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
    </div>
  );
}
