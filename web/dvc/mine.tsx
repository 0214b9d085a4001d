/**
 * "My dossiers": every dossier of the signed-in citizen's identity (online or received at a desk),
 * and one of them opened without a PIN: its status in plain words (the citizen's pages' wording),
 * the appointment, its history, and — when the desk asked for completion — the form to complete it.
 */
import { useRef, useState } from 'preact/hooks';
import { ACCEPT_ATTR } from '../shared/file-checks';
import { formatLocal } from '../citizen/format';
import { newKey } from '../shared/api';
import { useI18n } from '../shared/i18n';
import { EvaluationSection } from '../shared/evaluation';
import { fetchers, useMyDossier, useMyDossiers, useProcedure, type MyDossierView } from './api';
import { Link, usePortal } from './context';
import { words } from './i18n';
import { statusName } from './status';
import { UploadError, checkChosen, uploadForApplication, type Uploaded } from './upload';
import { dong } from '../../functions/core/money';
import { saveBase64File } from '../shared/save-file';

function NeedSignIn({ next }: { next: string }) {
  const { t } = useI18n(words);
  return (
    <>
      <h1 tabIndex={-1}>{t('mineTitle')}</h1>
      <p>{t('signInNeeded')}</p>
      <Link class="button primary" href={`/dvc/sign-in?next=${encodeURIComponent(next)}`}>{t('signInGo')}</Link>
    </>
  );
}

export function MyDossiers() {
  const { t, lang } = useI18n(words);
  const portal = usePortal();
  const list = useMyDossiers(!!portal.session);
  if (!portal.session) return <NeedSignIn next="/dvc/my" />;
  const items = list.data?.dossiers ?? [];
  return (
    <>
      <h1 tabIndex={-1}>{t('mineTitle')}</h1>
      <p>{t('mineIntro')}</p>
      {list.loading ? <p role="status">{t('loading')}</p> : list.status !== 200 ? <p role="alert" class="error">{t('failed')}</p> : !items.length ? <p>{t('mineEmpty')}</p> : null}
      <ul class="results" data-testid="my-dossiers">
        {items.map((d) => (
          <li key={d.code} class="card">
            <h2><Link href={`/dvc/my/${encodeURIComponent(d.code)}`}>{d.code}</Link></h2>
            <p>{d.procedure.name[lang]}</p>
            <dl class="facts compact">
              <dt>{t('status')}</dt><dd data-status={d.status}>{statusName(d.status, lang)}</dd>
              {d.receivedAt && (<><dt>{t('receivedAt')}</dt><dd>{formatLocal(d.receivedAt, lang)}</dd></>)}
              {/* in status 1 the appointment is only provisional: it is set when the desk receives it */}
              {d.appointmentAt && d.status !== 1 && (<><dt>{t('appointmentAt')}</dt><dd>{formatLocal(d.appointmentAt, lang)}</dd></>)}
            </dl>
            <p class="hint">{d.channel === 'online' ? t('channel_online') : t('channel_desk')}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The fees (status 6 until paid) and "Pay online": the hub's page; coming back here only shows what the platform recorded. */
function Fees({ view }: { view: MyDossierView }) {
  const { t, lang } = useI18n(words);
  const f = view.fees!;
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const pay = async () => {
    setBusy(true);
    const r = await fetchers.pay(view.code, newKey());
    setBusy(false);
    if (!r.data) return setError(t('failed'));
    location.assign(r.data.payUrl);
  };
  const download = async (paymentId: string) => {
    const r = await fetchers.myReceipt(view.code, paymentId);
    if (!r.data) return setError(t('failed'));
    setError('');
    saveBase64File({ ...r.data, mediaType: 'application/pdf' });
  };
  return (
    <section class="card action" id="fees" aria-labelledby="fees-h">
      <h2 id="fees-h">{t('feesTitle')}</h2>
      {!f.paid && <p>{t('feesDue')}</p>}
      <ul>{f.lines.map((l) => <li key={l.code}>{l.name[lang]}: <strong>{dong(l.amount)}</strong></li>)}</ul>
      <p>{t('feesTotal')}: <strong data-testid="fee-total">{dong(f.total)}</strong>{f.paid && ` — ${t('feesPaid')}`}</p>
      {f.paid && f.receipt && (
        <>
          <p data-testid="fee-receipt">{t('feesReceipt', { series: f.receipt.invoiceIssueNo, number: f.receipt.invoiceNo })}</p>
          <p role="alert" class={error ? 'error' : 'sr-only'}>{error}</p>
          <button type="button" class="secondary" data-testid="fee-receipt-pdf" onClick={() => void download(f.receipt!.paymentId)}>{t('feesDownload')}</button>
        </>
      )}
      {!f.paid && (
        <>
          {new URLSearchParams(location.search).has('payment') && <p role="status">{t('feesPending')}</p>}
          <p role="alert" class={error ? 'error' : 'sr-only'}>{error}</p>
          <button type="button" disabled={busy} onClick={() => void pay()}>{t('feesPay')}</button>
        </>
      )}
    </section>
  );
}

export function MyDossier({ code }: { code: string }) {
  const { t, lang } = useI18n(words);
  const portal = usePortal();
  const one = useMyDossier(code, !!portal.session);
  const [flash, setFlash] = useState('');
  if (!portal.session) return <NeedSignIn next={`/dvc/my/${code}`} />;
  if (one.loading && !one.data) return <p role="status">{t('loading')}</p>;
  const v = one.data;
  if (!v) return <><h1 tabIndex={-1}>{code}</h1><p role="alert" class="error">{one.status === 404 ? t('notFound') : t('failed')}</p></>;
  const explain = t(`explain_${v.status}` as keyof typeof words) as string;
  return (
    <>
      <p><Link href="/dvc/my">← {t('mineTitle')}</Link></p>
      <h1 tabIndex={-1}>{v.code}</h1>
      <p role="status" class={flash ? 'ok' : 'sr-only'}>{flash}</p>
      <section class="card" aria-labelledby="status-h">
        <h2 id="status-h">{t('status')}: <span data-status={v.status}>{statusName(v.status, lang)}</span></h2>
        {explain && <p>{explain}</p>}
        <dl class="facts">
          <dt>{t('procedure')}</dt><dd>{v.procedure.name[lang]}</dd>
          {/* applied online and not received: no receipt yet, the submission's instant */}
          <dt>{t('receivedAt')}</dt><dd>{formatLocal(v.receivedAt ?? v.online?.submittedAt, lang)}</dd>
          {v.online?.checkDueAt && (<><dt>{t('checkDue')}</dt><dd>{formatLocal(v.online.checkDueAt, lang)}</dd></>)}
          {v.appointmentAt && v.status !== 1 && (<><dt>{t('appointmentAt')}</dt><dd>{formatLocal(v.appointmentAt, lang)}</dd></>)}
        </dl>
      </section>
      {v.fees && <Fees view={v} />}
      {v.status === 10 && (
        <EvaluationSection
          lang={lang}
          dossier={v.code}
          load={async () => (await fetchers.myEvaluationForm(v.code)).data}
          send={async (body) => (await fetchers.myEvaluate(v.code, body)).response.status}
        />
      )}
      {v.online?.completion && <CompleteIt view={v} onDone={() => { setFlash(t('completionSent')); one.reload(); }} />}
      {v.history.length ? (
        <section class="card" aria-labelledby="history-h">
          <h2 id="history-h">{t('history')}</h2>
          <ol class="history">
            {v.history.map((e) => <li key={e.at + e.text.vi}><time>{formatLocal(e.at, lang)}</time>{e.text[lang]}</li>)}
          </ol>
        </section>
      ) : null}
    </>
  );
}

/**
 * The desk asked to complete the application: a file for any of the procedure's documents
 * (uploaded to the application, as at the first submission), then the completion names them.
 */
function CompleteIt({ view, onDone }: { view: MyDossierView; onDone: () => void }) {
  const { t, lang } = useI18n(words);
  const asked = view.online!.completion!;
  const procedure = useProcedure(view.procedure.code);
  const documents = procedure.data?.online.documents ?? [];
  const [files, setFiles] = useState<Record<string, File | undefined>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const act = useRef({ key: newKey(), sent: new Map<File, Uploaded>() });
  const send = async (e: Event) => {
    e.preventDefault();
    const chosen = documents.flatMap((d) => (files[d.id] ? [{ d, file: files[d.id]! }] : []));
    if (!chosen.length) return setError(t('chooseFile'));
    for (const x of chosen) {
      const problem = await checkChosen(x.file);
      if (problem) return setError(t(`fileWhy_${problem}`, { file: x.file.name }));
    }
    setBusy(true);
    setError('');
    try {
      const sent: { requirement: string; documentId: string }[] = [];
      for (const x of chosen) {
        try {
          const up = act.current.sent.get(x.file) ?? (await uploadForApplication(view.online!.applicationId, x.d.id, x.d.name[lang], x.file));
          act.current.sent.set(x.file, up);
          sent.push({ requirement: x.d.id, documentId: up.documentId });
        } catch (err) {
          return setError(t(`fileWhy_${err instanceof UploadError ? err.problem : 'refused'}`, { file: x.file.name }));
        }
      }
      const r = await fetchers.completion(view.code, { documents: sent }, act.current.key);
      if (r.response.status >= 300) return setError(r.error && 'detail' in r.error && r.error.detail ? String(r.error.detail) : t('failed'));
      onDone();
    } catch {
      setError(t('offline'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card action" id="completion" aria-labelledby="completion-h">
      <h2 id="completion-h">{t('completionTitle')}</h2>
      <p>{t('completionAsked')} <span class="hint">({formatLocal(asked.askedAt, lang)})</span></p>
      <ul>{asked.missing.map((m) => <li key={m}>{m}</li>)}</ul>
      {asked.reason && <p>{t('reason')}: {asked.reason}</p>}
      <form method="post" noValidate onSubmit={(e) => void send(e)}>
        {documents.map((d) => (
          <div key={d.id}>
            <label for={`completion-file-${d.id}`}>{t('fileFor', { name: d.name[lang] })}</label>
            <input id={`completion-file-${d.id}`} type="file" accept={ACCEPT_ATTR} onChange={(e) => setFiles({ ...files, [d.id]: (e.target as HTMLInputElement).files?.[0] })} />
          </div>
        ))}
        <div role="alert" class={error ? 'error' : 'sr-only'}>{error}</div>
        <button type="submit" class="primary" disabled={busy}>{busy ? t('submitting') : t('sendCompletion')}</button>
      </form>
    </section>
  );
}
