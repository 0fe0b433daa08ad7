// System: the node's health and settings, one lazy page; its tab is in the URL.
import type { RouteObject } from 'react-router';
import { paths } from '../../app/paths';

export function systemRoutes(): RouteObject[] {
  return [
    {
      path: paths.system,
      handle: { titleKey: 'nav.system' },
      lazy: { Component: async () => (await import('./pages/system-page')).SystemPage },
    },
  ];
}
