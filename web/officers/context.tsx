import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from '../shared/api';
import type { WebConfig } from '../shared/config';
import type { Session } from './auth';

export interface AppState {
  config: WebConfig;
  session: Session | undefined;
  api: ApiClient;
  setSession: (s: Session | undefined) => void;
}
export const AppContext = createContext<AppState>(undefined as unknown as AppState);
export const useApp = () => useContext(AppContext);

/** The PIN of a dossier just received: in memory only, shown once on its receipt. */
export const freshPins = new Map<string, string>();
