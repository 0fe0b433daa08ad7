// Face search: the feature's routes, each page lazy.
import type { RouteObject } from 'react-router';
import { routes } from '../../config/paths';

export function faceSearchRoutes(): RouteObject[] {
  return [
    {
      path: routes.faceSearch,
      handle: { titleKey: 'nav.faceSearch' },
      lazy: { Component: async () => (await import('./pages/face-search-page')).FaceSearchPage },
    },
  ];
}
