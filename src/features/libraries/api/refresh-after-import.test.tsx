import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { libraryQueries } from '../../../api/queries/libraries';
import { useImportStore } from '../store/import-store';
import { galleryQueries, useRefreshAfterImport } from './gallery-queries';

describe('an import landing in chunks', () => {
  it("refreshes the library's gallery and the counts as each chunk stores faces", () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const spy = vi.spyOn(qc, 'invalidateQueries');
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={qc}>{children}</QueryClientProvider>;
    useImportStore.setState({ libId: 7, storedTick: 0 });
    renderHook(() => useRefreshAfterImport(), { wrapper });
    expect(spy).not.toHaveBeenCalled();

    act(() => useImportStore.setState({ storedTick: 1 }));
    const keys = spy.mock.calls.map(([f]) => JSON.stringify(f?.queryKey));
    expect(keys).toContain(JSON.stringify(galleryQueries.all(7)));
    expect(keys).toContain(JSON.stringify(libraryQueries.list().queryKey));
  });
});
