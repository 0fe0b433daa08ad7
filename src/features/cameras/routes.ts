// Cameras: the feature's routes, each page lazy.
import type { RouteObject } from 'react-router';
import { camerasPath, roiRoutePath } from './paths';

export function cameraRoutes(): RouteObject[] {
  return [
    {
      path: camerasPath,
      handle: { titleKey: 'nav.cameras' },
      lazy: { Component: async () => (await import('./pages/cameras-page')).CamerasPage },
    },
    {
      path: roiRoutePath,
      handle: { titleKey: 'nav.cameras' },
      lazy: { Component: async () => (await import('./pages/roi-page')).RoiPage },
    },
  ];
}
