// Every route is lazy: the first load carries the router and the session, the
// login page comes as its own small chunk, and antd arrives only with the
// authenticated layout (bench/bundle.ts measures it).
import { createBrowserRouter, redirect, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { selectSignedIn, useSessionStore } from '../features/session/session-store';
import { loginPath, paths, safeNext } from './paths';
import type { RouteHandle } from './route-handle';
import { BootSplash, NotFound, RouteError } from './routes/route-states';

const signedIn = () => selectSignedIn(useSessionStore.getState());

/** Checked before the layout's chunk loads, so a signed-out user never fetches antd. */
function requireSession({ request }: LoaderFunctionArgs) {
  if (!signedIn()) {
    const url = new URL(request.url);
    throw redirect(loginPath(url.pathname + url.search + url.hash));
  }
  return null;
}

function leaveLoginIfSignedIn({ request }: LoaderFunctionArgs) {
  if (signedIn()) throw redirect(safeNext(new URL(request.url).searchParams.get('next')));
  return null;
}

const comingSoon = async () => (await import('./routes/coming-soon')).ComingSoon;
const handle = (titleKey: RouteHandle['titleKey']): RouteHandle => ({ titleKey });

/**
 * A fresh tree per router: React Router writes the loaded properties into a
 * route's `lazy` object, so two routers (tests) must not share one.
 */
export function createRoutes(): RouteObject[] {
  return [
    {
      id: 'root',
      HydrateFallback: BootSplash,
      ErrorBoundary: RouteError,
      children: [
        {
          path: paths.login,
          loader: leaveLoginIfSignedIn,
          lazy: { Component: async () => (await import('../features/session/pages/login-page')).LoginPage },
        },
        {
          id: 'app',
          loader: requireSession,
          lazy: { Component: async () => (await import('./layout/app-layout')).AppLayout },
          children: [
            {
              index: true,
              handle: handle('nav.overview'),
              lazy: { Component: async () => (await import('./routes/overview-page')).OverviewPage },
            },
            // Placeholders: each page's own module replaces `comingSoon` when it is built.
            { path: paths.libraries, handle: handle('nav.libraries'), lazy: { Component: comingSoon } },
            { path: paths.cameras, handle: handle('nav.cameras'), lazy: { Component: comingSoon } },
            { path: paths.records, handle: handle('nav.records'), lazy: { Component: comingSoon } },
            { path: paths.faceSearch, handle: handle('nav.faceSearch'), lazy: { Component: comingSoon } },
            { path: paths.alarmWall, handle: handle('nav.alarmWall'), lazy: { Component: comingSoon } },
            { path: paths.system, handle: handle('nav.system'), lazy: { Component: comingSoon } },
            { path: '*', Component: NotFound },
          ],
        },
      ],
    },
  ];
}

export function createAppRouter() {
  return createBrowserRouter(createRoutes());
}
