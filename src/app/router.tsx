// Every route is lazy: the first load carries the router and the session, the
// login page comes as its own small chunk, and antd arrives only with the
// authenticated layout (bench/bundle.ts measures it).
import { createBrowserRouter, redirect, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { selectSignedIn, useSessionStore } from '../session/session-store';
import { isFleet, nodeInfo, nodesReady, showNode, useNodeStore } from '../session/node-store';
import { fleetPaths, loginPath, nodeRoute, onNode, paths, safeNext } from '../config/paths';
import type { RouteHandle } from './route-handle';
import { BootSplash, NotFound, RouteError } from './routes/route-states';
import { alarmWallRoutes, fleetAlarmWallRoutes } from '../features/alarm-wall/routes';
import { cameraRoutes } from '../features/cameras/routes';
import { faceSearchRoutes } from '../features/face-search/routes';
import { libraryRoutes } from '../features/libraries/routes';
import { overviewRoutes } from '../features/overview/routes';
import { recordRoutes } from '../features/records/routes';
import { systemRoutes } from '../features/system/routes';

// Fleet mode: signed in (or asked again over the page) on at least one node.
const signedIn = () =>
  isFleet()
    ? Object.values(useSessionStore.getState().sessions).some((n) => n.sessionId !== null)
    : selectSignedIn(useSessionStore.getState());
const expired = () =>
  isFleet() ? Object.values(useSessionStore.getState().sessions).some((n) => n.expired) : useSessionStore.getState().expired;

/**
 * Checked before the layout's chunk loads, so a signed-out user never fetches
 * antd. A session the device ended is not "signed out": the page loads and the
 * password is asked for over it (session-guard.tsx).
 */
async function requireSession({ request }: LoaderFunctionArgs) {
  await nodesReady();
  if (!signedIn() && !expired()) {
    const url = new URL(request.url);
    throw redirect(loginPath(url.pathname + url.search + url.hash));
  }
  return null;
}

async function leaveLoginIfSignedIn({ request }: LoaderFunctionArgs) {
  await nodesReady();
  if (signedIn()) throw redirect(safeNext(new URL(request.url).searchParams.get('next')));
  return null;
}

/** /n/<node>/…: the page is about that node from here on (its session, links, pictures). */
async function enterNode({ params }: LoaderFunctionArgs) {
  await nodesReady();
  const node = params.node ?? '';
  if (!isFleet() || !nodeInfo(node)) throw redirect(paths.overview);
  showNode(node);
  return null;
}

/** Fleet mode: a node-less link of single-node mode (/cameras) opens on the node last shown. */
function onShownNode({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  throw redirect(onNode(useNodeStore.getState().current, url.pathname + url.search + url.hash));
}

/** The same pages under /n/:node: react-router wants child paths relative to their parent. */
function relative(routes: RouteObject[], parent = '/'): RouteObject[] {
  return routes.map((r) => {
    const absolute = r.path?.startsWith('/') ? r.path : undefined;
    const full = absolute ?? (r.path ? `${parent.replace(/\/$/, '')}/${r.path}` : parent);
    const path = absolute === undefined ? r.path : absolute.slice(parent.length).replace(/^\//, '');
    return { ...r, ...(path !== undefined ? { path } : {}), ...(r.children ? { children: relative(r.children, full) } : {}) };
  }) as RouteObject[];
}

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
          lazy: { Component: async () => (await import('../features/login/pages/login-page')).LoginPage },
        },
        {
          id: 'app',
          loader: requireSession,
          lazy: { Component: async () => (await import('./layout/app-layout')).AppLayout },
          children: isFleet()
            ? [
                {
                  index: true,
                  handle: handle('nav.fleet'),
                  lazy: { Component: async () => (await import('../features/fleet/pages/fleet-overview-page')).FleetOverviewPage },
                },
                ...fleetAlarmWallRoutes(),
                {
                  path: fleetPaths.settings,
                  handle: handle('nav.fleetSettings'),
                  lazy: { Component: async () => (await import('../features/fleet-ops/pages/fleet-settings-page')).FleetSettingsPage },
                },
                {
                  path: fleetPaths.upgrade,
                  handle: handle('nav.fleetUpgrade'),
                  lazy: { Component: async () => (await import('../features/fleet-ops/pages/fleet-upgrade-page')).FleetUpgradePage },
                },
                {
                  path: paths.distribute,
                  handle: handle('nav.distribute'),
                  lazy: { Component: async () => (await import('../features/distribute/pages/distribute-page')).DistributePage },
                },
                {
                  path: nodeRoute,
                  loader: enterNode,
                  lazy: { Component: async () => (await import('./layout/node-scope')).NodeScope },
                  children: [...relative(nodePages()), { path: '*', Component: NotFound }],
                },
                { path: '*', loader: onShownNode },
              ]
            : [...nodePages(), { path: '*', Component: NotFound }],
        },
      ],
    },
  ];
}

/** Every page of one node: the one route table, at the root in single-node mode, under /n/:node in fleet mode. */
function nodePages(): RouteObject[] {
  return [
    // Each feature owns its routes (lazy pages) in src/features/<feature>/routes.ts.
    ...overviewRoutes(),
    ...libraryRoutes(),
    ...cameraRoutes(),
    ...recordRoutes(),
    ...faceSearchRoutes(),
    ...alarmWallRoutes(),
    ...systemRoutes(),
  ];
}

/** After the node list is read (main.tsx): fleet mode has its own index and the node prefix. */
export function createAppRouter() {
  return createBrowserRouter(createRoutes());
}
