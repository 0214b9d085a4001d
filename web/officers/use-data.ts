import { useEffect, useState } from 'preact/hooks';
import type { Problem } from '../shared/api';

/** Load once (and again on `reload`, or every `refreshMs`): data, the problem if any, loading. */
export function useData<T>(load: () => Promise<{ data?: T; error?: Problem | unknown; response: Response }>, deps: unknown[], refreshMs?: number) {
  const [state, setState] = useState<{ data?: T; problem?: Problem; status?: number; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      ({ data, error, response }) => live && setState({ data, problem: error as Problem | undefined, status: response.status, loading: false }),
      (e: Error) => live && setState({ problem: { type: 'about:blank', title: e.message, status: 0 }, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  useEffect(() => {
    if (!refreshMs) return;
    const id = setInterval(() => setTick((n) => n + 1), refreshMs);
    return () => clearInterval(id);
  }, [refreshMs]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}
