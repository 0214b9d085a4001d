import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { apiClient } from '../shared/api';
import { loadConfig, type WebConfig } from '../shared/config';
import { initialLang, LangContext, LangSwitch, storeLang, useI18n, type Lang } from '../shared/i18n';
import { agenciesOf, currentSession, homeOf, isDesk, isOperator, saveSession, signOut, type Session } from './auth';
import { AppContext, useApp } from './context';
import { Link, navigate, useLocation } from './router';
import { SignIn, SignInCallback } from './pages/sign-in';
import { Desk } from './pages/desk';
import { Receive } from './pages/receive';
import { Receipt } from './pages/receipt';
import { Queue } from './pages/queue';
import { DossierPage } from './pages/dossier';
import { ControlSheetPage, LogbookPage, SearchPage } from './pages/records';
import { consolePage } from './console/routes';
import { FeedbackFigures, FeedbackItem, FeedbackList } from './pages/feedback';
import { OnlineChecks } from './pages/online-checks';
import { Kiosk } from './pages/kiosk';
import { FiguresPage } from './pages/figures';

const T = {
  title: { vi: 'Một cửa — cán bộ', en: 'One-stop — officers' },
  skip: { vi: 'Bỏ qua, đến nội dung chính', en: 'Skip to the main content' },
  nav: { vi: 'Điều hướng chính', en: 'Main navigation' },
  desk: { vi: 'Bộ phận một cửa', en: 'One-stop desk' },
  receive: { vi: 'Tiếp nhận hồ sơ', en: 'Receive a dossier' },
  checks: { vi: 'Hồ sơ trực tuyến chờ kiểm tra', en: 'Online dossiers to check' },
  queue: { vi: 'Hồ sơ cần xử lý', en: 'Work queue' },
  search: { vi: 'Tra cứu hồ sơ', en: 'Search dossiers' },
  logbook: { vi: 'Sổ theo dõi', en: 'Logbook' },
  console: { vi: 'Bảng điều hành', en: 'Operators’ console' },
  feedback: { vi: 'Phản ánh, kiến nghị', en: 'Feedback' },
  figures: { vi: 'Kết quả và đánh giá', en: 'Figures and evaluations' },
  kiosk: { vi: 'Phiếu đánh giá tại quầy', en: 'Evaluation kiosk' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  notFound: { vi: 'Không có trang này.', en: 'No such page.' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
};

function Nav() {
  const { session, config, setSession } = useApp();
  const { t } = useI18n(T);
  const agency = agenciesOf(session)[0];
  const desk = config.centre.deskAgency;
  return (
    <header class="top no-print">
      <a class="skip" href="#main">{t('skip')}</a>
      <nav aria-label={t('nav')}>
        <ul>
          {isDesk(session) && (
            <>
              <li><Link href="/desk">{t('desk')}</Link></li>
              <li><Link href="/desk/receive">{t('receive')}</Link></li>
              <li><Link href="/desk/checks">{t('checks')}</Link></li>
              <li><Link href={`/records/logbook/${desk}`}>{t('logbook')}</Link></li>
              <li><Link href={`/kiosk/${desk}`}>{t('kiosk')}</Link></li>
            </>
          )}
          {agency && (
            <>
              <li><Link href={`/queue/${agency}`}>{t('queue')}</Link></li>
              <li><Link href={`/records/logbook/${agency}`}>{t('logbook')}</Link></li>
            </>
          )}
          {(isDesk(session) || isOperator(session)) && <li><Link href="/records/search">{t('search')}</Link></li>}
          <li><Link href="/pakn">{t('feedback')}</Link></li>
          <li><Link href="/figures">{t('figures')}</Link></li>
          {isOperator(session) && <li><Link href="/console">{t('console')}</Link></li>}
        </ul>
      </nav>
      <div class="who">
        {session && <span>{session.name ?? session.sub}</span>}
        <LangSwitch />
        {session && (
          <button type="button" onClick={() => { signOut(config); setSession(undefined); navigate('/sign-in'); }}>
            {t('signOut')}
          </button>
        )}
      </div>
    </header>
  );
}

/** Replace the location once mounted (the router's listeners are subscribed by then). */
function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, true), [to]);
  return null;
}

function Routes() {
  const { path, search } = useLocation();
  const { session } = useApp();
  const { t } = useI18n(T);
  if (path === '/sign-in') return <SignIn search={search} />;
  if (path === '/auth/callback') return <SignInCallback search={search} />;
  // the page asked for comes back after the sign-in (a dossier's link opened in a new tab)
  if (!session) return <Redirect to={path === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(path + search)}`} />;
  const m = (re: RegExp) => re.exec(path);
  let x: RegExpExecArray | null;
  if (path === '/') return <Redirect to={homeOf(session)} />;
  if (path === '/desk') return <Desk />;
  if (path === '/desk/receive') return <Receive />;
  if (path === '/desk/checks') return <OnlineChecks heading="h1" />;
  if ((x = m(/^\/receipt\/([^/]+)$/))) return <Receipt code={decodeURIComponent(x[1]!)} />;
  if ((x = m(/^\/queue\/([A-Z0-9]+)$/))) return <Queue agency={x[1]!} />;
  if ((x = m(/^\/dossier\/([^/]+)$/))) return <DossierPage code={decodeURIComponent(x[1]!)} />;
  if ((x = m(/^\/records\/control-sheet\/([^/]+)$/))) return <ControlSheetPage code={decodeURIComponent(x[1]!)} />;
  if ((x = m(/^\/records\/logbook\/([A-Z0-9]+)$/))) return <LogbookPage agency={x[1]!} search={search} />;
  if (path === '/records/search') return <SearchPage search={search} />;
  if (path === '/pakn') return <FeedbackList search={search} />;
  if (path === '/pakn/figures') return <FeedbackFigures search={search} />;
  if ((x = m(/^\/pakn\/(PA-[0-9-]+)$/))) return <FeedbackItem code={x[1]!} />;
  // issue 25: the desk's kiosk evaluation (/kiosk/<desk>), and an officer's own figures
  if ((x = m(/^\/kiosk\/([A-Z0-9]+)$/))) return <Kiosk desk={x[1]!} search={search} />;
  if (path === '/figures') return <FiguresPage search={search} />;
  if (path === '/console' || path.startsWith('/console/')) return consolePage(path, search) ?? <p>{t('notFound')}</p>;
  return <p>{t('notFound')}</p>;
}

function App() {
  const [config, setConfig] = useState<WebConfig>();
  const [failed, setFailed] = useState<string>();
  const [session, setSessionState] = useState<Session | undefined>(currentSession());
  const [lang, setLangState] = useState<Lang>(initialLang());
  const setLang = (l: Lang) => {
    storeLang(l);
    setLangState(l);
  };
  const setSession = (s: Session | undefined) => {
    saveSession(s);
    setSessionState(s);
  };
  useEffect(() => {
    storeLang(lang);
    loadConfig().then(setConfig, (e: Error) => setFailed(e.message));
  }, []);
  useEffect(() => {
    document.title = T.title[lang];
  }, [lang]);
  const api = useMemo(() => apiClient(() => currentSession()?.token, () => setSessionState(undefined)), []);
  const langValue = { lang, setLang };
  if (!config) return <main id="main"><h1>{T.title[lang]}</h1><p role="status">{failed ?? T.loading[lang]}</p></main>;
  return (
    <LangContext.Provider value={langValue}>
      <AppContext.Provider value={{ config, session, api, setSession }}>
        <Nav />
        <main id="main" tabIndex={-1}>
          <Routes />
        </main>
      </AppContext.Provider>
    </LangContext.Provider>
  );
}

render(<App />, document.getElementById('app')!);
