// Writes. Each invalidates what it changes; every caller shows its own failure
// next to the field or form it concerns (meta.errorHandled keeps the global
// notifier quiet).
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../../../api/device';
import { addCamera, addRelay, deleteCamera, deleteRelay, updateCamera } from '../../../api/protocol/cameras';
import type { RequestOf } from '../../../api/protocol/operation';
import { cameraQueries, relayQueries } from './camera-queries';

/**
 * The session feature's device summary (header, overview) reads 516 under
 * ['device'] (its versionQueries.all()). Features do not import each other, so
 * the key is written here, literally: a camera added or deleted changes the
 * camera count and the power it shows.
 */
const DEVICE_SUMMARY_KEY = ['device'] as const;

function afterCameraChange(qc: QueryClient, deviceToo: boolean): Promise<unknown> {
  return Promise.all([
    qc.invalidateQueries({ queryKey: cameraQueries.all() }),
    // A deleted camera takes its relay bindings with it; a renamed one renames them.
    qc.invalidateQueries({ queryKey: relayQueries.all() }),
    deviceToo ? qc.invalidateQueries({ queryKey: DEVICE_SUMMARY_KEY }) : null,
  ]);
}

export function useAddCamera() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: RequestOf<typeof addCamera>) => call(addCamera, req),
    onSuccess: () => afterCameraChange(qc, true),
    meta: { errorHandled: true },
  });
}

export function useUpdateCamera() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: RequestOf<typeof updateCamera>) => call(updateCamera, req),
    onSuccess: () => afterCameraChange(qc, false),
    meta: { errorHandled: true },
  });
}

export function useDeleteCamera() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (channel: number) => call(deleteCamera, { channel }),
    onSuccess: () => afterCameraChange(qc, true),
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
