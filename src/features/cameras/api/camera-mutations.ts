// Writes. Each invalidates what it changes; every caller shows its own failure
// next to the field or form it concerns (meta.errorHandled keeps the global
// notifier quiet).
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../../../api/device';
import { addCamera, addRelay, deleteCamera, deleteRelay, updateCamera } from '../../../api/protocol/cameras';
import type { RequestOf } from '../../../api/protocol/operation';
import { cameraQueries } from '../../../api/queries/cameras';
import { relayQueries } from './camera-queries';

/** The shared camera list (the device's power in the header is a view of it) and the relays. */
function afterCameraChange(qc: QueryClient): Promise<unknown> {
  return Promise.all([
    qc.invalidateQueries({ queryKey: cameraQueries.all() }),
    // A deleted camera takes its relay bindings with it; a renamed one renames them.
    qc.invalidateQueries({ queryKey: relayQueries.all() }),
  ]);
}

export function useAddCamera() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: RequestOf<typeof addCamera>) => call(addCamera, req),
    onSuccess: () => afterCameraChange(qc),
    meta: { errorHandled: true },
  });
}

export function useUpdateCamera() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: RequestOf<typeof updateCamera>) => call(updateCamera, req),
    onSuccess: () => afterCameraChange(qc),
    meta: { errorHandled: true },
  });
}

export function useDeleteCamera() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (channel: number) => call(deleteCamera, { channel }),
    onSuccess: () => afterCameraChange(qc),
    meta: { errorHandled: true },
  });
}

export function useAddRelay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: RequestOf<typeof addRelay>) => call(addRelay, req),
    onSuccess: () => qc.invalidateQueries({ queryKey: relayQueries.all() }),
    meta: { errorHandled: true },
  });
}

export function useDeleteRelay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(deleteRelay, { id }),
    onSuccess: () => qc.invalidateQueries({ queryKey: relayQueries.all() }),
    meta: { errorHandled: true },
  });
}
