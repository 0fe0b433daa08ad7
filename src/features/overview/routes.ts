// The overview: the landing page and its printable report, each page lazy
// (the chart library comes with them, never with the first load).
import type { RouteObject } from 'react-router';
import { routes } from '../../config/paths';

export function overviewRoutes(): RouteObject[] {
  return [
    {
      index: true,
      handle: { titleKey: 'nav.overview' },
      lazy: { Component: async () => (await import('./pages/overview-page')).OverviewPage },
    },
    {
      path: routes.overviewReport,
      handle: { titleKey: 'nav.overview' },
      lazy: { Component: async () => (await import('./pages/report-page')).ReportPage },
    },
  ];
}
