/** A dossier as the citizen sees it: status in plain words, dates, what to do next, history, actions. */
import type { Centre, DossierView } from './api';
import type { Ctx } from './context';
import { formatLocal, type Lang } from './format';
import type { Strings } from './i18n';
import { collectionIcs } from './ics';
import { Fees, Rating, ResultFiles, Supplement, Withdraw } from './sections';
import { Evaluation } from './evaluation';

export const CODE = /^[A-Z0-9]{2,12}-\d{6}-\d{4,}$/;

/** Where the citizen comes: the branch desk that received the dossier, or the centre. */
const placeOf = (v: DossierView, centre?: Centre): Centre | undefined => (centre && v.desk ? { ...centre, ...v.desk } : centre);

function nextSteps(t: Strings, lang: Lang, v: DossierView, centre?: Centre): string[] {
  const where = centre ? `${centre.name[lang]}, ${centre.address[lang]} (${centre.openingHours[lang]})` : '';
  switch (v.status) {
    case 2:
    case 4:
      return [t.nextInProgress(formatLocal(v.collection?.from ?? v.appointmentAt, lang), where)];
    case 5:
      return [t.nextSupplement(where)];
    case 6:
      return [t.nextFees(where)];
    case 7:
      return [t.nextWithdrawn];
    case 8:
      return [t.nextRefused(centre?.hotline ?? '')];
    case 9:
      return [t.nextDecided(where), ...(v.canRate ? [t.nextRate] : [])];
    default:
      return [v.canRate ? t.nextRate : t.nextDone];
  }
}

function downloadIcs(ctx: Ctx, v: DossierView) {
  if (!v.collection) return;
  const c = placeOf(v, ctx.centre);
  const ics = collectionIcs({
    code: v.code,
    from: v.collection.from,
    until: v.collection.until,
    summary: `Nhận kết quả hồ sơ ${v.code}${c ? ` — ${c.name.vi}` : ''}`,
    location: c?.address.vi ?? '',
    description: `${v.procedure.name.vi} / ${v.procedure.name.en}${c ? `\n${c.name.vi}, ${c.address.vi} (${c.openingHours.vi}). ${c.hotline}` : ''}`,
  });
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `hen-tra-ket-qua-${v.code}.ics`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function Dossier({ ctx, view: v, heading, onOther }: { ctx: Ctx; view: DossierView; heading: { current: HTMLHeadingElement | null }; onOther: () => void }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>{t.code} {v.code}</h1>
      <section class="card" aria-labelledby="status-h">
        <h2 id="status-h">{t.status}: <span class={`status s${v.status}`}>{v.statusText[lang]}</span></h2>
        <p>{t.explain[v.status]}</p>
        {v.stop?.kind === 'refused' && v.stop.reason && <p>{t.reason}: {v.stop.reason}</p>}
        <dl class="facts">
          <dt>{t.procedure}</dt>
          <dd>{v.procedure.name[lang]}</dd>
          <dt>{t.received}</dt>
          <dd>{formatLocal(v.receivedAt, lang)}</dd>
          {(v.status === 2 || v.status === 4 || v.status === 5) && (
            <>
              <dt>{t.appointment}</dt>
              <dd>{formatLocal(v.appointmentAt, lang)}</dd>
            </>
          )}
          {v.collection && (
            <>
              <dt>{t.collect}</dt>
              <dd>{t.collectRange(formatLocal(v.collection.from, lang), v.collection.until.slice(11, 16))}</dd>
            </>
          )}
        </dl>
        {v.collection && (
          <button type="button" class="secondary" onClick={() => downloadIcs(ctx, v)}>{t.downloadIcs}</button>
        )}
      </section>
      <section class="card next" aria-labelledby="next-h">
        <h2 id="next-h">{t.next}</h2>
        {nextSteps(t, lang, v, placeOf(v, ctx.centre)).map((s) => <p key={s}>{s}</p>)}
      </section>
      {v.status === 5 && v.supplement && <Supplement ctx={ctx} view={v} />}
      {v.fees && <Fees ctx={ctx} view={v} />}
      <ResultFiles ctx={ctx} view={v} />
      {v.status === 10 && <Evaluation ctx={ctx} />}
      {(v.canRate || v.rating) && <Rating ctx={ctx} view={v} />}
      <section class="card" aria-labelledby="history-h">
        <h2 id="history-h">{t.history}</h2>
        <ol class="history">
          {v.history.map((h) => (
            <li key={`${h.at}-${h.event}`}>
              <time dateTime={h.at}>{formatLocal(h.at, lang)}</time>
              <span>{h.text[lang]}</span>
            </li>
          ))}
        </ol>
      </section>
      {v.canWithdraw && <Withdraw ctx={ctx} />}
      <p><button type="button" class="link" onClick={onOther}>{t.otherDossier}</button></p>
    </>
  );
}

