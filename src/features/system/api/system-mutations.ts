// Every write of the system page. Each shows its own failure where it happened
// (errorHandled) and refreshes the factory's data; the restarting ones
// (reboot, reset, upgrade, HTTPS switch) hand over to the restart overlay.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/device';
import { deleteHttpsFile, switchProtocol, uploadHttpsFile } from '../../../api/protocol/https';
import { setHttpPush } from '../../../api/protocol/push';
import {
  disableWeb,
  enableWeb,
  reboot,
  restoreDefaults,
  setDefaultInterface,
  setDeviceId,
  setInterface,
  setNtp,
  setStorage,
  setTime,
  upgrade,
} from '../../../api/protocol/system';
import type { RequestOf } from '../../../api/protocol/operation';
import { deviceQueries } from '../../../api/queries/device';
import type { HttpsFileType } from '../../../api/settings/files';
import { systemQueries } from './system-queries';

const handled = { errorHandled: true } as const;

function useInvalidateSystem() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: systemQueries.all() });
}

export function useSetDeviceId() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deviceId: string) => call(setDeviceId, { device_id: deviceId }),
    meta: handled,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: systemQueries.all() }),
        // The header shows the id from 1281.
        queryClient.invalidateQueries({ queryKey: deviceQueries.all() }),
      ]),
  });
}

export function useSetNtp() {
  const invalidate = useInvalidateSystem();
  return useMutation({
    mutationFn: (req: RequestOf<typeof setNtp>) => call(setNtp, req),
    meta: handled,
    // With NTP on, the device synchronises: its time changes too.
    onSuccess: invalidate,
  });
}

export function useSetTime() {
  const invalidate = useInvalidateSystem();
  return useMutation({
    mutationFn: (req: RequestOf<typeof setTime>) => call(setTime, req),
    meta: handled,
    onSuccess: invalidate,
  });
}

export function useSetInterface() {
  const invalidate = useInvalidateSystem();
  return useMutation({
    mutationFn: (req: RequestOf<typeof setInterface>) => call(setInterface, req),
    meta: handled,
    onSuccess: invalidate,
  });
}

export function useSetDefaultInterface() {
  const invalidate = useInvalidateSystem();
  return useMutation({
    mutationFn: (req: RequestOf<typeof setDefaultInterface>) => call(setDefaultInterface, req),
    meta: handled,
    onSuccess: invalidate,
  });
}

export function useSetStorage() {
  const invalidate = useInvalidateSystem();
  return useMutation({
    mutationFn: (strategy: 1 | 2) => call(setStorage, { storage_strategy: strategy }),
    meta: handled,
    onSuccess: invalidate,
  });
}

export function useSetPush() {
  const invalidate = useInvalidateSystem();
  return useMutation({
    mutationFn: (req: { url: string; key: string }) => call(setHttpPush, req),
    meta: handled,
    onSuccess: invalidate,
  });
}

/** §6.16 / §6.17: the device does not say which is on, so the page only reports what it did. */
export function useSetWebPages() {
  return useMutation({
    mutationFn: (enabled: boolean) => (enabled ? call(enableWeb, {}) : call(disableWeb, {})),
    meta: handled,
  });
}

export function useUploadHttpsFile() {
  const invalidate = useInvalidateSystem();
  return useMutation({
    mutationFn: ({ type, file }: { type: HttpsFileType; file: File }) => call(uploadHttpsFile, { file_type: type, file }),
    meta: handled,
    onSuccess: invalidate,
  });
}

export function useDeleteHttpsFile() {
  const invalidate = useInvalidateSystem();
  return useMutation({
    mutationFn: (type: HttpsFileType) => call(deleteHttpsFile, { file_type: type }),
    meta: handled,
    onSuccess: invalidate,
  });
}

// The restarting ones: no invalidation (the device is about to go away; the
// overlay takes over and the user logs in again afterwards).

export function useSwitchProtocol() {
  return useMutation({
    mutationFn: (mode: 'http' | 'https') => call(switchProtocol, { prot_mode: mode }),
    meta: handled,
  });
}

export function useReboot() {
  return useMutation({ mutationFn: () => call(reboot, {}), meta: handled });
}

export function useRestoreDefaults() {
  return useMutation({ mutationFn: () => call(restoreDefaults, {}), meta: handled });
}

export function useUpgrade() {
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (sent: number, total: number) => void }) =>
      call(upgrade, { file }, { onUploadProgress: onProgress }),
    meta: handled,
  });
}
