// Face libraries: the list, a library's gallery, and its batch import. Each page lazy.
import type { RouteObject } from 'react-router';
import { routes } from '../../config/paths';

export function libraryRoutes(): RouteObject[] {
  return [
    {
      path: routes.libraries,
      handle: { titleKey: 'nav.libraries' },
      lazy: { Component: async () => (await import('./pages/libraries-page')).LibrariesPage },
    },
    {
      path: routes.library,
      handle: { titleKey: 'nav.libraries' },
      lazy: { Component: async () => (await import('./pages/gallery-page')).GalleryPage },
    },
    {
      path: routes.libraryImport,
      handle: { titleKey: 'nav.libraries' },
      lazy: { Component: async () => (await import('./pages/import-page')).ImportPage },
    },
  ];
}
