/** The actions on a dossier: supplement, withdraw, rate, and the result files. */
import { useRef, useState } from 'preact/hooks';
import { ACCEPT_ATTR, checkFile } from '../shared/file-checks';
import { api, type DossierView } from './api';
import { formatLocal } from './format';
import type { Ctx } from './context';
import { UploadError, uploadFile, type Uploaded } from './upload';
import { saveBase64File } from '../shared/save-file';
import { dong } from '../../functions/core/money';

/**
 * Form 02 answered: what is missing and why, a file for each item, an optional note. Each file
 * is uploaded and recorded on the dossier first (./upload.ts); the supplement then names the
 * recorded documents. Sending fewer files than items asked for needs a second press, after a
 * warning naming what is still missing.
 */
export function Supplement({ ctx, view }: { ctx: Ctx; view: DossierView }) {
  const { t, lang } = ctx;
  const s = view.supplement!;
  const items = s.missing.length ? s.missing : [t.supplementTitle];
  const [files, setFiles] = useState<(File | undefined)[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [warned, setWarned] = useState('');
  const [busy, setBusy] = useState(false);
  // a file already recorded is not sent twice when the supplement is retried
  const sent = useRef(new Map<File, Uploaded>());
  const send = async (e: Event) => {
    e.preventDefault();
    const chosen = items.map((label, i) => ({ label, file: files[i] })).filter((x): x is { label: string; file: File } => !!x.file);
    if (!chosen.length) return setError(t.chooseFile);
    for (const x of chosen) {
      const checked = checkFile(x.file.size, new Uint8Array(await x.file.slice(0, 8).arrayBuffer()));
      if (!checked.ok) {
        setWarned('');
        return setError(t.fileProblem(x.file.name, t.fileWhy[checked.problem]!));
      }
    }
    const without = items.filter((_, i) => !files[i]);
    const warning = s.missing.length && without.length ? t.incomplete(without.join('; ')) : '';
    if (warning && warned !== warning) {
      setError('');
      return setWarned(warning);
    }
    setBusy(true);
    setError('');
    try {
      const documents: Uploaded[] = [];
      for (const x of chosen) {
        try {
          const done = sent.current.get(x.file) ?? (await uploadFile(ctx.code, ctx.pin, x.file, s.missing.length ? x.label : ''));
          sent.current.set(x.file, done);
          documents.push(done);
        } catch (err) {
          const why = err instanceof UploadError ? err.problem : 'refused';
          return setError(t.fileProblem(x.file.name, t.fileWhy[why] ?? t.failed));
        }
      }
      const r = await api.supplement(ctx.code, ctx.pin, documents.map((d) => ({ documentId: d.documentId })), note.trim() || undefined);
      if (r.status >= 300) setError(r.status === 404 ? t.notFound : t.failed);
      else {
        setWarned('');
        sessionFlash(t.supplementSent);
        await ctx.refresh();
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card action" id="supplement" aria-labelledby="supplement-h">
      <h2 id="supplement-h">{t.supplementTitle}</h2>
      <p>{t.supplementAsked(s.agency[lang], formatLocal(s.requestedAt, lang))}</p>
      <ul>{s.missing.map((m) => <li key={m}>{m}</li>)}</ul>
      {s.reason && <p>{t.reason}: {s.reason}</p>}
      <p class="hint">{t.supplementDeadline}</p>
      <form method="post" onSubmit={send} noValidate>
        {items.map((label, i) => (
          <div key={label}>
            <label for={`file-${i}`}>{t.fileFor(label)}</label>
            <input id={`file-${i}`} type="file" accept={ACCEPT_ATTR}
              onChange={(e) => { const next = [...files]; next[i] = (e.target as HTMLInputElement).files?.[0]; setFiles(next); setWarned(''); }} />
          </div>
        ))}
        <label for="supplement-note">{t.note}</label>
        <textarea id="supplement-note" rows={2} maxLength={2000} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
        <div role="alert" class={error || warned ? 'error' : 'sr-only'} data-testid="supplement-alert">{error || warned}</div>
        <button type="submit" class="primary" disabled={busy}>{busy ? t.sendingFiles : t.sendSupplement}</button>
      </form>
    </section>
  );
}

/** The electronic receipt as a PDF (Vietnamese with English; made by the platform from what it recorded: docs/fees.md). */
async function downloadReceipt(ctx: Ctx, paymentId: string): Promise<boolean> {
  const r = await api.receiptPdf(ctx.code, ctx.pin, paymentId);
  if (r.status !== 200 || !r.body) return false;
  saveBase64File({ ...r.body, mediaType: 'application/pdf' });
  return true;
}

/**
 * The fees (status 6 until paid): the lines and the total, "Pay online" (the hub's page; the hub
 * confirms to the platform server to server, so coming back here only shows the status), or at
 * the desk; once paid, the receipt's series and number.
 */
export function Fees({ ctx, view }: { ctx: Ctx; view: DossierView }) {
  const { t, lang } = ctx;
  const f = view.fees!;
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const returning = new URLSearchParams(location.search).has('payment');
  const pay = async () => {
    setBusy(true);
    const r = await api.pay(ctx.code, ctx.pin);
    setBusy(false);
    if (r.status !== 201 || !r.body) return setError(t.failed);
    location.assign(r.body.payUrl);
  };
  return (
    <section class="card action" id="fees" aria-labelledby="fees-h">
      <h2 id="fees-h">{t.feesTitle}</h2>
      {!f.paid && <p>{t.feesDue}</p>}
      <ul data-testid="fee-lines">
        {f.lines.map((l) => <li key={l.code}>{l.name[lang]}: <strong>{dong(l.amount)}</strong></li>)}
      </ul>
      <p>{t.feesTotal}: <strong data-testid="fee-total">{dong(f.total)}</strong>{f.paid && ` — ${t.feesPaid}`}</p>
      {f.paid && f.receipt && (
        <>
          <p data-testid="fee-receipt">{t.feesReceipt(f.receipt.invoiceIssueNo, f.receipt.invoiceNo)}</p>
          {f.refunded !== undefined && <p data-testid="fee-refunded">{t.feesRefunded(dong(f.refunded))}</p>}
          <button type="button" class="secondary" data-testid="fee-receipt-pdf" onClick={() => void downloadReceipt(ctx, f.receipt!.paymentId).then((ok) => setError(ok ? '' : t.failed))}>{t.feesDownload}</button>
        </>
      )}
      {!f.paid && (
        <>
          {returning && <p role="status">{t.feesPending}</p>}
          <div role="alert" class={error ? 'error' : 'sr-only'}>{error}</div>
          <button type="button" disabled={busy} onClick={() => void pay()}>{t.feesPay}</button>
          <p class="hint">{t.feesAtDesk}</p>
        </>
      )}
    </section>
  );
}

/** Withdrawing: the reason, then a confirmation before anything is sent. */
export function Withdraw({ ctx }: { ctx: Ctx }) {
  const { t } = ctx;
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    const r = await api.withdraw(ctx.code, ctx.pin, reason.trim() || undefined);
    setBusy(false);
    setConfirming(false);
    if (r.status >= 300) return setError(r.status === 409 ? t.failed : r.status === 404 ? t.notFound : t.failed);
    sessionFlash(t.withdrawn);
    await ctx.refresh();
  };
  return (
    <section class="card action" id="withdraw" aria-labelledby="withdraw-h">
      <h2 id="withdraw-h">{t.withdrawTitle}</h2>
      <p>{t.withdrawIntro}</p>
      <form method="post" onSubmit={(e) => { e.preventDefault(); setConfirming(true); }} noValidate>
        <label for="withdraw-reason">{t.withdrawReason}</label>
        <textarea id="withdraw-reason" rows={2} maxLength={1000} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
        <div role="alert" class={error ? 'error' : 'sr-only'}>{error}</div>
        {confirming ? (
          <div class="confirm" role="alertdialog" aria-labelledby="withdraw-confirm">
            <p id="withdraw-confirm"><strong>{t.withdrawConfirm}</strong></p>
            <button type="button" class="danger" disabled={busy} onClick={() => void confirm()}>{t.withdrawYes}</button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>{t.cancel}</button>
          </div>
        ) : (
          <button type="submit" class="danger">{t.withdraw}</button>
        )}
      </form>
    </section>
  );
}

/** Rating 1–5 and a comment, once, after the result. */
export function Rating({ ctx, view }: { ctx: Ctx; view: DossierView }) {
  const { t } = ctx;
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (view.rating) {
    return (
      <section class="card" id="rating" aria-labelledby="rating-h">
        <h2 id="rating-h">{t.ratingTitle}</h2>
        <p role="status" class="ok">{t.ratedBefore(view.rating.score)}</p>
      </section>
    );
  }
  const send = async (e: Event) => {
    e.preventDefault();
    if (!score) return setError(t.chooseScore);
    setBusy(true);
    const r = await api.rate(ctx.code, ctx.pin, score, comment.trim() || undefined);
    setBusy(false);
    if (r.status >= 300) return setError(t.failed);
    sessionFlash(t.rated);
    await ctx.refresh();
  };
  return (
    <section class="card action" id="rating" aria-labelledby="rating-h">
      <h2 id="rating-h">{t.ratingTitle}</h2>
      <form method="post" onSubmit={send} noValidate>
        <fieldset class="stars">
          <legend>{t.ratingLegend}</legend>
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} class="star">
              <input type="radio" name="score" value={n} checked={score === n} onChange={() => setScore(n)} />
              <span>{n}</span>
            </label>
          ))}
        </fieldset>
        <label for="rating-comment">{t.comment}</label>
        <textarea id="rating-comment" rows={3} maxLength={2000} value={comment} onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)} />
        <div role="alert" class={error ? 'error' : 'sr-only'}>{error}</div>
        <button type="submit" class="primary" disabled={busy}>{t.rate}</button>
      </form>
    </section>
  );
}

/**
 * The result files an agency returned electronically: the lookup's `documents` whose purpose is
 * `result` (the page read a `resultDocuments` field the API never answered until its types came
 * from the contract); the download goes through the PIN header, then to the presigned URL it answers.
 */
export function ResultFiles({ ctx, view }: { ctx: Ctx; view: DossierView }) {
  const { t } = ctx;
  const docs = view.documents.filter((d) => d.purpose === 'result');
  if (!docs.length) return null;
  const open = async (documentId: string) => {
    const r = await api.resultFile(ctx.code, ctx.pin, documentId);
    if (r.status === 200 && r.body?.url) location.assign(r.body.url);
  };
  return (
    <section class="card" id="result" aria-labelledby="result-h">
      <h2 id="result-h">{t.resultTitle}</h2>
      <ul>
        {docs.map((d) => (
          <li key={d.documentId}>
            {d.name} <button type="button" class="secondary" onClick={() => void open(d.documentId)}>{t.download}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A short confirmation shown above the page after an action (announced to screen readers). */
function sessionFlash(message: string) {
  const el = document.getElementById('flash');
  if (el) el.textContent = message;
}
