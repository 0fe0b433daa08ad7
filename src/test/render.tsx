import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { createMemoryRouter, MemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { createQueryClient } from '../app/query-client';
import { useSessionStore } from '../session/session-store';
import { useLangStore, type Lang } from '../i18n';

/** A fresh start: no session, no stored anything, the given language. */
export function resetState(lang: Lang = 'en-US') {
  sessionStorage.clear();
  localStorage.clear();
  useSessionStore.getState().clear();
  useLangStore.setState({ chosen: lang });
}

/** The app's QueryClient (its defaults, its error routing) without retries and without the notifier. */
export function createTestQueryClient() {
  const queryClient = createQueryClient(() => {});
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  return queryClient;
}

/** Routes in a memory router with a fresh QueryClient (no retry), like the app's providers. */
export function renderRoutes(routes: RouteObject[], initialEntry: string) {
  const queryClient = createTestQueryClient();
  const router = createMemoryRouter(routes, { initialEntries: [initialEntry] });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient };
}

/** One component in a memory router with a fresh QueryClient (no retry) and antd's App (confirm dialogs, messages). */
export function renderWithApp(ui: ReactElement, route = '/') {
  const queryClient = createQueryClient(() => {});
  queryClient.setDefaultOptions({ queries: { retry: false } });
  return {
    queryClient,
    ...render(
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[route]}>
          <App>{ui}</App>
        </MemoryRouter>
      </QueryClientProvider>,
    ),
  };
}
