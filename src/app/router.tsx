// Every route is lazy: the first load carries the router and the session, the
// login page comes as its own small chunk, and antd arrives only with the
// authenticated layout (bench/bundle.ts measures it).
import { createBrowserRouter, redirect, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { selectSignedIn, useSessionStore } from '../session/session-store';
import { loginPath, paths, safeNext } from '../config/paths';
import { BootSplash, NotFound, RouteError } from './routes/route-states';
import { alarmWallRoutes } from '../features/alarm-wall/routes';
import { cameraRoutes } from '../features/cameras/routes';
import { faceSearchRoutes } from '../features/face-search/routes';
import { libraryRoutes } from '../features/libraries/routes';
import { overviewRoutes } from '../features/overview/routes';
import { recordRoutes } from '../features/records/routes';
import { systemRoutes } from '../features/system/routes';

const signedIn = () => selectSignedIn(useSessionStore.getState());

/**
 * Checked before the layout's chunk loads, so a signed-out user never fetches
 * antd. A session the device ended is not "signed out": the page loads and the
 * password is asked for over it (session-guard.tsx).
 */
function requireSession({ request }: LoaderFunctionArgs) {
  if (!signedIn() && !useSessionStore.getState().expired) {
    const url = new URL(request.url);
    throw redirect(loginPath(url.pathname + url.search + url.hash));
  }
  return null;
}

function leaveLoginIfSignedIn({ request }: LoaderFunctionArgs) {
  if (signedIn()) throw redirect(safeNext(new URL(request.url).searchParams.get('next')));
  return null;
}

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
          lazy: { Component: async () => (await import('../features/login/pages/login-page')).LoginPage },
        },
        {
          id: 'app',
          loader: requireSession,
          lazy: { Component: async () => (await import('./layout/app-layout')).AppLayout },
          children: [
            // Each feature owns its routes (lazy pages) in src/features/<feature>/routes.ts.
            ...overviewRoutes(),
            ...libraryRoutes(),
            ...cameraRoutes(),
            ...recordRoutes(),
            ...faceSearchRoutes(),
            ...alarmWallRoutes(),
            ...systemRoutes(),
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
