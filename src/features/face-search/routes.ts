// Face search: the feature's routes, each page lazy.
import type { RouteObject } from 'react-router';
import { paths } from '../../app/paths';

export function faceSearchRoutes(): RouteObject[] {
  return [
    {
      path: paths.faceSearch,
      handle: { titleKey: 'nav.faceSearch' },
      lazy: { Component: async () => (await import('./pages/face-search-page')).FaceSearchPage },
    },
  ];
}
