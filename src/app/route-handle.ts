import { useMatches } from 'react-router';
import type { MessageKey } from '../i18n';

/** What a route tells the shell about itself. */
export interface RouteHandle {
  titleKey: MessageKey;
}

function isRouteHandle(h: unknown): h is RouteHandle {
  return typeof h === 'object' && h !== null && typeof (h as { titleKey?: unknown }).titleKey === 'string';
}

/** The title of the deepest route that has one. */
export function useRouteTitleKey(): MessageKey | undefined {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const h = matches[i]?.handle;
    if (isRouteHandle(h)) return h.titleKey;
  }
  return undefined;
}
