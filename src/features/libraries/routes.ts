// Face libraries: the list, a library's gallery, and its batch import. Each page lazy.
import type { RouteObject } from 'react-router';
import { paths } from '../../app/paths';

export function libraryRoutes(): RouteObject[] {
  return [
    {
      path: paths.libraries,
      handle: { titleKey: 'nav.libraries' },
      lazy: { Component: async () => (await import('./pages/libraries-page')).LibrariesPage },
    },
    {
      path: `${paths.libraries}/:libId`,
      handle: { titleKey: 'nav.libraries' },
      lazy: { Component: async () => (await import('./pages/gallery-page')).GalleryPage },
    },
    {
      path: `${paths.libraries}/:libId/import`,
      handle: { titleKey: 'nav.libraries' },
      lazy: { Component: async () => (await import('./pages/import-page')).ImportPage },
    },
  ];
}
