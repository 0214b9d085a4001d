import { useEffect, useState } from 'preact/hooks';
import type { ApiClient, Problem, paths } from '../shared/api';
import { useApp } from './context';
import { useData } from './use-data';

type Answer = paths['/dossiers']['get']['responses'][200]['content']['application/json'];
export type DossierRow = Answer['dossiers'][number];
/** What the desk asks `GET /dossiers`: words or a code (`q`), a status, or both. */
export type DossierQuery = { q?: string; status?: number };

/** The fetcher of `GET /dossiers`: one page, the first or the one after `cursor` (the answer's `nextCursor`). */
export function fetchDossiers(api: ApiClient, query: DossierQuery, cursor?: string) {
  return api.GET('/dossiers', { params: { query: { ...query, ...(cursor ? { cursor } : {}) } as never } });
}

/**
 * The hook of `GET /dossiers`: the first page (again every `refreshMs` while no further page is
 * shown), then each page the officer asks for with `more()`, added below: the route reads a
 * bounded page per call (issue 26), so a common name or a long status list is followed by its
 * `nextCursor`, never read whole. `query` undefined: nothing asked yet.
 */
export function useDossierSearch(query: DossierQuery | undefined, refreshMs?: number) {
  const { api } = useApp();
  const key = JSON.stringify(query ?? null);
  const [pages, setPages] = useState<{ key: string; rows: DossierRow[]; searched: number; nextCursor?: string }>();
  const [next, setNext] = useState<{ loading: boolean; problem?: Problem }>({ loading: false });
  const first = useData<Answer>(
    async () => (query ? fetchDossiers(api, query) : { response: new Response(null, { status: 204 }) }),
    [key],
    pages?.key === key ? undefined : refreshMs,
  );
  // a new question (or the first page refreshed) starts the list again
  useEffect(() => {
    setPages(undefined);
    setNext({ loading: false });
  }, [key, first.data]);
  const shown = pages?.key === key ? pages : undefined;
  const data = first.data && {
    dossiers: [...first.data.dossiers, ...(shown?.rows ?? [])],
    searched: first.data.searched + (shown?.searched ?? 0),
    nextCursor: shown ? shown.nextCursor : first.data.nextCursor,
  };
  const more = async () => {
    if (!query || !data?.nextCursor || next.loading) return;
    setNext({ loading: true });
    try {
      const { data: page, error } = await fetchDossiers(api, query, data.nextCursor);
      if (!page) return setNext({ loading: false, problem: error as Problem });
      setPages({ key, rows: [...(shown?.rows ?? []), ...page.dossiers], searched: (shown?.searched ?? 0) + page.searched, nextCursor: page.nextCursor });
      setNext({ loading: false });
    } catch (e) {
      setNext({ loading: false, problem: { type: 'about:blank', title: (e as Error).message, status: 0 } });
    }
  };
  return { data, problem: first.problem ?? next.problem, status: first.status, loading: first.loading, loadingMore: next.loading, more };
}
