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
import { fetchers, useMyDossier, useMyDossiers, type MyDossierView } from './api';
import { Link, usePortal } from './context';
import { words } from './i18n';
import { statusName } from './status';
import { UploadError, checkChosen, uploadForApplication, type Uploaded } from './upload';

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
  const items = list.data?.items ?? [];
  return (
    <>
      <h1 tabIndex={-1}>{t('mineTitle')}</h1>
      <p>{t('mineIntro')}</p>
      {list.loading ? <p role="status">{t('loading')}</p> : list.status !== 200 ? <p role="alert" class="error">{t('failed')}</p> : !items.length ? <p>{t('mineEmpty')}</p> : null}
      <ul class="results" data-testid="my-dossiers">
        {items.map((d) => (
          <li key={d.code} class="card">
            <h2><Link href={`/dvc/my/${encodeURIComponent(d.code)}`}><span class="sr-only">{t('open', { code: '' })}</span>{d.code}</Link></h2>
            <p>{d.procedure.name[lang]}</p>
            <dl class="facts compact">
              <dt>{t('status')}</dt><dd data-status={d.status}>{statusName(d.status, lang)}</dd>
              <dt>{t('receivedAt')}</dt><dd>{formatLocal(d.receivedAt, lang)}</dd>
              {d.appointmentAt && (<><dt>{t('appointmentAt')}</dt><dd>{formatLocal(d.appointmentAt, lang)}</dd></>)}
            </dl>
            <p class="hint">{d.channel === 'online' ? t('channel_online') : t('channel_desk')}</p>
          </li>
        ))}
      </ul>
    </>
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
  const view = v as MyDossierView & { online?: { checkDueAt?: string }; completion?: Completion; history?: { at: string; text: { vi: string; en: string } }[] };
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
          <dt>{t('receivedAt')}</dt><dd>{formatLocal(v.receivedAt, lang)}</dd>
          {v.status === 1 && view.online?.checkDueAt && (<><dt>{t('checkDue')}</dt><dd>{formatLocal(view.online.checkDueAt, lang)}</dd></>)}
          {v.appointmentAt && v.status !== 1 && (<><dt>{t('appointmentAt')}</dt><dd>{formatLocal(v.appointmentAt, lang)}</dd></>)}
        </dl>
      </section>
      {view.completion && <CompleteIt code={v.code} completion={view.completion} onDone={() => { setFlash(t('completionSent')); one.reload(); }} />}
      {view.history?.length ? (
        <section class="card" aria-labelledby="history-h">
          <h2 id="history-h">{t('history')}</h2>
          <ol class="history">
            {view.history.map((e) => <li key={e.at + e.text.vi}><time>{formatLocal(e.at, lang)}</time>{e.text[lang]}</li>)}
          </ol>
        </section>
      ) : null}
    </>
  );
}

/** What the desk asked to complete (the last, open ask). */
interface Completion {
  askedAt: string;
  missing: string[];
  reason: string;
  applicationId?: string;
}

function CompleteIt({ code, completion, onDone }: { code: string; completion: Completion; onDone: () => void }) {
  const { t, lang } = useI18n(words);
  const [files, setFiles] = useState<(File | undefined)[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const act = useRef({ key: newKey(), sent: new Map<File, Uploaded>() });
  const items = completion.missing.length ? completion.missing : [t('completionTitle')];
  const send = async (e: Event) => {
    e.preventDefault();
    const chosen = items.map((label, i) => ({ label, file: files[i] })).filter((x): x is { label: string; file: File } => !!x.file);
    if (!chosen.length) return setError(t('chooseFile'));
    for (const x of chosen) {
      const problem = await checkChosen(x.file);
      if (problem) return setError(t(`fileWhy_${problem}`, { file: x.file.name }));
    }
    setBusy(true);
    setError('');
    try {
      const documents: { requirement: string; documentId: string }[] = [];
      for (const [i, x] of chosen.entries()) {
        try {
          const up = act.current.sent.get(x.file) ?? (await uploadForApplication(completion.applicationId ?? '', `completion-${i + 1}`, x.label, x.file));
          act.current.sent.set(x.file, up);
          documents.push({ requirement: up.requirement, documentId: up.documentId });
        } catch (err) {
          return setError(t(`fileWhy_${err instanceof UploadError ? err.problem : 'refused'}`, { file: x.file.name }));
        }
      }
      const r = await fetchers.completion(code, { documents, ...(note.trim() ? { note: note.trim() } : {}) } as never, act.current.key);
      if (r.response.status >= 300) return setError(t('failed'));
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
      <p>{t('completionAsked')} <span class="hint">({formatLocal(completion.askedAt, lang)})</span></p>
      <ul>{completion.missing.map((m) => <li key={m}>{m}</li>)}</ul>
      {completion.reason && <p>{t('reason')}: {completion.reason}</p>}
      <form method="post" noValidate onSubmit={(e) => void send(e)}>
        {items.map((label, i) => (
          <div key={label}>
            <label for={`completion-file-${i}`}>{t('fileFor', { name: label })}</label>
            <input id={`completion-file-${i}`} type="file" accept={ACCEPT_ATTR} onChange={(e) => { const next = [...files]; next[i] = (e.target as HTMLInputElement).files?.[0]; setFiles(next); }} />
          </div>
        ))}
        <label for="completion-note">{t('completionNote')}</label>
        <textarea id="completion-note" rows={2} maxLength={2000} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
        <div role="alert" class={error ? 'error' : 'sr-only'}>{error}</div>
        <button type="submit" class="primary" disabled={busy}>{busy ? t('submitting') : t('sendCompletion')}</button>
      </form>
    </section>
  );
}
