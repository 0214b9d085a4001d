/** What every page of the portal shares: /config.json, the citizen's session; and the in-portal links. */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { WebConfig } from '../shared/config';
import type { CitizenSession } from './session';

export interface Portal {
  config?: WebConfig;
  session?: CitizenSession;
  setSession: (s: CitizenSession | undefined) => void;
}

export const PortalContext = createContext<Portal>({ setSession: () => undefined });
export const usePortal = () => useContext(PortalContext);

/** Follows an in-portal link without reloading the page. */
export function navigate(path: string) {
  history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** A link inside the portal. */
export function Link({ href, children, class: cls }: { href: string; children: ComponentChildren; class?: string }) {
  return (
    <a href={href} class={cls} onClick={(e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      navigate(href);
    }}>{children}</a>
  );
}
