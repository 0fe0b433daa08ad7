// Records: the feature's routes, each page lazy.
import type { RouteObject } from 'react-router';
import { routes } from '../../config/paths';

export function recordRoutes(): RouteObject[] {
  return [
    {
      path: routes.records,
      handle: { titleKey: 'nav.records' },
      lazy: { Component: async () => (await import('./pages/records-page')).RecordsPage },
    },
    {
      path: routes.personSeen,
      handle: { titleKey: 'nav.records' },
      lazy: { Component: async () => (await import('./pages/person-seen-page')).PersonSeenPage },
    },
  ];
}
