// Cameras: the feature's routes, each page lazy. Placeholder until the page is built.
import type { RouteObject } from 'react-router';
import { paths } from '../../app/paths';

const comingSoon = async () => (await import('../../app/routes/coming-soon')).ComingSoon;

export function cameraRoutes(): RouteObject[] {
  return [{ path: paths.cameras, handle: { titleKey: 'nav.cameras' }, lazy: { Component: comingSoon } }];
}
