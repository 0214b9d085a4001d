import { byCode, cal, dossiers as all, L, steps } from './figures-fixture';
import { localDate } from '../../functions/core/local-time';

/** readFacts (functions/commons/figures-read.ts) over the fixture: the dossiers received between the two local dates, and their steps. */
export function fixtureFacts(from: string, to: string) {
  const codes = all.filter((d) => localDate(d.receivedAt) >= from && localDate(d.receivedAt) <= to).map((d) => d.code);
  const dossiers = byCode(codes);
  const received = [...dossiers.values()];
  return {
    cal,
    dossiers,
    received,
    steps: steps.filter((s) => codes.includes(s.code)),
    skipped: [] as { code: string; reason: string }[],
    start: new Date(L(`${from}T00:00:00`)),
    end: new Date(new Date(L(`${to}T00:00:00`)).getTime() + 86_400_000),
  };
}
