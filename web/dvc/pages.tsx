/** The portal's public pages: search, a procedure, signing in and the provider's return. */
import { useEffect, useState } from 'preact/hooks';
import { useI18n, type Lang } from '../shared/i18n';
import type { WebConfig } from '../shared/config';
import { fetchers, useProcedure, useProcedures, type ProcedureDetail, type ProcedureSummary } from './api';
import { Link, navigate, usePortal } from './context';
import { words } from './i18n';
import { sessionOf, startSignIn, takeCallback, type SignInSettings } from './session';

type T = ReturnType<typeof useI18n<typeof words>>;
export type Level = 'none' | 'partly' | 'fully';

/** A procedure's legal time in words: working days when whole, else working hours. */
export function legalTime(t: T['t'], hours: number): string {
  return hours % 8 === 0 ? t('days', { n: hours / 8 }) : t('hours', { n: hours });
}

/** The label of a level, with its badge class. */
export function LevelBadge({ level }: { level: Level }) {
  const { t } = useI18n(words);
  return <span class={`badge level-${level}`}>{t(`level_${level}`)}</span>;
}

/** The national sign-in's settings, as /config.json gives them (null: the centre has none; the PIN lookup only). */
export function signInSettings(config: WebConfig | undefined): SignInSettings | undefined {
  const c = config?.citizenSignIn;
  return c ? { authorizationEndpoint: c.authorizationEndpoint, clientId: c.clientId, scope: c.scope, acrValues: c.acrValues ?? undefined, redirectPath: c.redirectPath } : undefined;
}

/** What the search shows of the field: its name in the reader's language. */
const fieldName = (f: ProcedureSummary['field'], lang: Lang) => f[lang];
const fieldValue = (f: ProcedureSummary['field']) => f.vi;

export function Home() {
  const { t, lang } = useI18n(words);
  const [typed, setTyped] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const [q, setQ] = useState(typed);
  const [field, setField] = useState('');
  const [level, setLevel] = useState('');
  const all = useProcedures('', '', '');
  const found = useProcedures(q, field, level);
  const fields = [...new Map((all.data?.items ?? []).map((p) => [fieldValue(p.field), p.field])).values()];
  // a pause in typing searches (the name may be typed without diacritics)
  useEffect(() => {
    const id = setTimeout(() => setQ(typed), 300);
    return () => clearTimeout(id);
  }, [typed]);
  const items = found.data?.items ?? [];
  return (
    <>
      <h1 tabIndex={-1}>{t('homeTitle')}</h1>
      <p>{t('homeIntro')}</p>
      <form role="search" class="card" onSubmit={(e) => { e.preventDefault(); setQ(typed); }}>
        <label for="q">{t('search')}</label>
        <input id="q" type="search" value={typed} autocomplete="off" aria-describedby="q-hint" onInput={(e) => setTyped((e.target as HTMLInputElement).value)} />
        <p id="q-hint" class="hint">{t('searchHint')}</p>
        <label for="field">{t('field')}</label>
        <select id="field" value={field} onChange={(e) => setField((e.target as HTMLSelectElement).value)}>
          <option value="">{t('anyField')}</option>
          {fields.map((f) => <option key={fieldValue(f)} value={fieldValue(f)}>{fieldName(f, lang)}</option>)}
        </select>
        <label for="level">{t('level')}</label>
        <select id="level" value={level} onChange={(e) => setLevel((e.target as HTMLSelectElement).value)}>
          <option value="">{t('anyLevel')}</option>
          <option value="fully">{t('level_fully')}</option>
          <option value="partly">{t('level_partly')}</option>
          <option value="none">{t('level_none')}</option>
        </select>
        <button type="submit" class="primary">{t('find')}</button>
      </form>
      <p role="status" class="count">{found.loading ? t('loading') : found.status === 200 ? (items.length ? t('found', { n: items.length }) : t('noneFound')) : found.status === 0 ? t('offline') : t('failed')}</p>
      <ul class="results">
        {items.map((p) => (
          <li key={p.code} class="card">
            <h2><Link href={`/dvc/procedures/${encodeURIComponent(p.code)}`}>{p.name[lang]}</Link></h2>
            <p class="meta">
              <LevelBadge level={p.level as Level} /> <span>{fieldName(p.field, lang)}</span> · <span>{legalTime(t, p.legalHours)}</span>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

function Documents({ p }: { p: ProcedureDetail }) {
  const { t, lang } = useI18n(words);
  const docs = p.online?.documents ?? [];
  if (!docs.length) return <p>{t('noDocuments')}</p>;
  return (
    <ul class="docs">
      {docs.map((d) => (
        <li key={d.id}>
          {d.name[lang]} <span class="hint">({d.required ? t('required') : t('optional')}{d.eCopy ? `; ${t('eCopy')}` : ''})</span>
        </li>
      ))}
    </ul>
  );
}

/** Where the procedure is received: its desks (the main desk first, then the branches). */
export function desksOf(p: ProcedureDetail, lang: Lang): { code: string; name: string; address: string; main: boolean }[] {
  return p.desks.map((d) => ({ code: d.code, name: d.name[lang], address: d.address[lang], main: d.main }));
}

export function ProcedurePage({ code }: { code: string }) {
  const { t, lang } = useI18n(words);
  const portal = usePortal();
  const { data: p, loading, status } = useProcedure(code);
  if (loading) return <p role="status">{t('loading')}</p>;
  if (!p) return <><h1 tabIndex={-1}>{code}</h1><p role="alert" class="error">{status === 404 ? t('noneFound') : t('failed')}</p></>;
  const level = (p.online?.level ?? 'none') as Level;
  const desks = desksOf(p, lang);
  return (
    <>
      <p><Link href="/dvc/">← {t('back')}</Link></p>
      <h1 tabIndex={-1}>{p.name[lang]}</h1>
      <section class="card" aria-labelledby="facts-h">
        <h2 id="facts-h" class="sr-only">{t('code')}</h2>
        <dl class="facts">
          <dt>{t('code')}</dt><dd>{p.code}</dd>
          <dt>{t('level')}</dt><dd><LevelBadge level={level} /> {t(`levelExplain_${level}`)}</dd>
          <dt>{t('legalTime')}</dt><dd>{legalTime(t, p.legalHours)}</dd>
          <dt>{t('receivedBy')}</dt>
          <dd>{desks.length ? <ul class="plain">{desks.map((d) => <li key={d.code}>{d.name}{d.address ? ` — ${d.address}` : ''}</li>)}</ul> : p.receivingAgency}</dd>
        </dl>
      </section>
      <section class="card" aria-labelledby="docs-h">
        <h2 id="docs-h">{t('documents')}</h2>
        <Documents p={p} />
      </section>
      {level === 'none' ? (
        <p>{t('notOnline')}</p>
      ) : portal.session ? (
        <Link class="button primary" href={`/dvc/apply/${encodeURIComponent(p.code)}`}>{t('applyNow')}</Link>
      ) : (
        <Link class="button primary" href={`/dvc/sign-in?next=${encodeURIComponent(`/dvc/apply/${p.code}`)}`}>{t('signInToApply')}</Link>
      )}
    </>
  );
}

export function SignIn() {
  const { t, lang } = useI18n(words);
  const portal = usePortal();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const next = new URLSearchParams(location.search).get('next') ?? '/dvc/my';
  const go = async () => {
    const settings = signInSettings(portal.config);
    if (!settings) return setError(t('signInFailed'));
    setBusy(true);
    await startSignIn(settings, next, lang);
  };
  return (
    <>
      <h1 tabIndex={-1}>{t('signInTitle')}</h1>
      <p>{t('signInIntro')}</p>
      <div role="alert" class={error ? 'error' : 'sr-only'}>{error}</div>
      <button type="button" class="primary" disabled={busy || !portal.config} onClick={() => void go()}>{busy ? t('signingIn') : t('signInGo')}</button>
    </>
  );
}

/** /dvc/callback: the state checked, the code, verifier and nonce posted, the session kept. */
export function Callback() {
  const { t } = useI18n(words);
  const portal = usePortal();
  const [error, setError] = useState('');
  useEffect(() => {
    const back = takeCallback();
    if ('error' in back) return setError(t('signInFailed'));
    void fetchers
      .signIn({ code: back.code, codeVerifier: back.verifier, nonce: back.nonce, redirectUri: `${location.origin}/dvc/callback` })
      .then(({ data }) => {
        if (!data) return setError(t('signInFailed'));
        portal.setSession(sessionOf(data));
        navigate(back.returnTo);
      }, () => setError(t('offline')));
  }, []);
  return (
    <>
      <h1 tabIndex={-1}>{t('signIn')}</h1>
      {error ? (
        <>
          <p role="alert" class="error">{error}</p>
          <Link href="/dvc/sign-in">{t('signInGo')}</Link>
        </>
      ) : (
        <p role="status">{t('signingIn')}</p>
      )}
    </>
  );
}
