// For this feature's component tests: a fresh QueryClient (no retry) and
// antd's App (the confirm dialogs and messages come from App.useApp()).
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { createQueryClient } from '../../../app/query-client';

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
