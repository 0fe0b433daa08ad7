// Cameras: the feature's routes, each page lazy.
import type { RouteObject } from 'react-router';
import { routes } from '../../config/paths';

export function cameraRoutes(): RouteObject[] {
  return [
    {
      path: routes.cameras,
      handle: { titleKey: 'nav.cameras' },
      lazy: { Component: async () => (await import('./pages/cameras-page')).CamerasPage },
    },
    {
      path: routes.cameraRoi,
      handle: { titleKey: 'nav.cameras' },
      lazy: { Component: async () => (await import('./pages/roi-page')).RoiPage },
    },
  ];
}
