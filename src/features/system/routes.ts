// System: the node's health and settings, one lazy page; its tab is in the URL.
import type { RouteObject } from 'react-router';
import { routes } from '../../config/paths';

export function systemRoutes(): RouteObject[] {
  return [
    {
      path: routes.system,
      handle: { titleKey: 'nav.system' },
      lazy: { Component: async () => (await import('./pages/system-page')).SystemPage },
    },
  ];
}
