import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/device';
import { createLibrary, deleteLibrary, updateLibrary } from '../../../api/protocol/libraries';
import { libraryQueries } from '../../../api/queries/libraries';

// The library list and the watchers (a view of the camera list) are shared:
// src/api/queries. A library write invalidates libraryQueries.all() once.

export function useCreateLibrary() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: { lib_name: string; lib_type: 1 | 2 }) => call(createLibrary, req),
    meta: { errorHandled: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: libraryQueries.all() }),
  });
}

export function useUpdateLibrary() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: { lib_id: number; lib_name: string; lib_type: 1 | 2 }) => call(updateLibrary, req),
    meta: { errorHandled: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: libraryQueries.all() }),
  });
}

export function useDeleteLibrary() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (libId: number) => call(deleteLibrary, { lib_id: libId }),
    meta: { errorHandled: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: libraryQueries.all() }),
  });
}
