// Records: the feature's routes, each page lazy.
import type { RouteObject } from 'react-router';
import { paths } from '../../app/paths';

export function recordRoutes(): RouteObject[] {
  return [
    {
      path: paths.records,
      handle: { titleKey: 'nav.records' },
      lazy: { Component: async () => (await import('./pages/records-page')).RecordsPage },
    },
  ];
}
