// The camera and library lists are one query each, whichever screen reads
// them: a write in one feature shows at once in every other. Before, the
// cameras' library picker, the wall's and the records' filters and the face
// search each cached 1028 under a key of their own (and 516 under six), so a
// new library showed there only when their minute was up. This test sits in
// src/app because it mixes features (features do not import each other).
import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CameraRecord } from '../api/protocol/cameras';
import type { Library } from '../api/protocol/libraries';
import { deviceQueries } from '../api/queries/device';
import { useAddCamera } from '../features/cameras/api/camera-mutations';
import { wallQueries } from '../features/alarm-wall/api/wall-queries';
import { faceSearchQueries } from '../features/face-search/api/face-search-queries';
import { useCreateLibrary, useUpdateLibrary } from '../features/libraries/api/library-queries';
import { recordQueries } from '../features/records/api/record-queries';
import { libraryQueries } from '../api/queries/libraries';
import { cameraQueries, selectWatchers } from '../api/queries/cameras';
import { useSessionStore } from '../session/session-store';
import { FAKE_SESSION, FAKE_USER, fakeDevice } from '../test/fake-device';
import { createTestQueryClient, resetState } from '../test/render';

const lib = (lib_id: number, lib_name: string, lib_type = 2): Library => ({
  lib_id,
  lib_name,
  lib_type,
  picture_no: 0,
  create_time: '2024-01-01 00:00:00',
  update_time: '2024-01-01 00:00:00',
});

const camera = (channel: number, lib_ids: string): CameraRecord => ({
  camera_name: `Gate ${channel}`,
  channel,
  camera_mode: 'RTSP',
  description: '',
  lib_ids,
  position: '',
  status: 1,
  threshold: 80,
});

/** A device whose lists change with the writes sent to it. */
function device() {
  const libraries = [lib(1, 'Staff')];
  const cameras = [camera(1, '1')];
  return fakeDevice({
    '1028': () => ({ data: libraries.map((l) => ({ ...l })) }),
    '1025': ({ body }) => {
      const created = lib(libraries.length + 1, String(body.lib_name), Number(body.lib_type));
      libraries.push(created);
      return { data: { lib_id: created.lib_id, lib_name: created.lib_name } };
    },
    '1027': ({ body }) => {
      const found = libraries.find((l) => l.lib_id === body.lib_id)!;
      found.lib_name = String(body.lib_name);
      return { data: { lib_id: found.lib_id, lib_name: found.lib_name } };
    },
    '516': () => ({ data: { camera: cameras.map((c) => ({ ...c })), computing_power_capacity: 16, used_computing_power: cameras.length } }),
    '513': ({ body }) => {
      cameras.push(camera(Number(body.channel), String(body.lib_ids ?? '')));
      return { data: { channel: Number(body.channel) } };
    },
  });
}

function wrapper() {
  const client = createTestQueryClient();
  return ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

beforeEach(() => {
  resetState('en-US');
  useSessionStore.getState().start(FAKE_SESSION, FAKE_USER);
});

/** What each screen reads, side by side in one client. */
function useScreens() {
  return {
    libraryPage: useQuery(libraryQueries.list()),
    cameraPicker: useQuery(libraryQueries.list()),
    wallFilter: useQuery(wallQueries.libraries()),
    recordsFilter: useQuery(recordQueries.libraries()),
    faceSearch: useQuery(faceSearchQueries.libraries()),
    wallCameras: useQuery(wallQueries.cameras()),
    recordsCameras: useQuery(recordQueries.cameras()),
    watchers: useQuery({ ...cameraQueries.list(), select: selectWatchers }),
    power: useQuery(deviceQueries.power()),
    createLibrary: useCreateLibrary(),
    updateLibrary: useUpdateLibrary(),
    addCamera: useAddCamera(),
  };
}

type Screens = ReturnType<typeof useScreens>;
const libraryNames = (s: Screens) =>
  [s.libraryPage, s.cameraPicker, s.wallFilter, s.recordsFilter, s.faceSearch].map((q) => (q.data ?? []).map((l) => l.lib_name).join(','));

describe('the shared device lists', { timeout: 30_000 }, () => {
  it('a library created or renamed shows in every screen at once, from one request each time', async () => {
    const dev = device();
    const { result } = renderHook(useScreens, { wrapper: wrapper() });
    await waitFor(() => expect(libraryNames(result.current)).toEqual(Array(5).fill('Staff')));
    expect(dev.sent('1028')).toHaveLength(1);

    await act(() => result.current.createLibrary.mutateAsync({ lib_name: 'Visitors', lib_type: 2 }));
    await waitFor(() => expect(libraryNames(result.current)).toEqual(Array(5).fill('Staff,Visitors')));
    expect(dev.sent('1028')).toHaveLength(2);

    await act(() => result.current.updateLibrary.mutateAsync({ lib_id: 2, lib_name: 'Guests', lib_type: 2 }));
    await waitFor(() => expect(libraryNames(result.current)).toEqual(Array(5).fill('Staff,Guests')));
    expect(dev.sent('1028')).toHaveLength(3);
  });

  it('a camera added shows in the filters, the watchers and the device power at once', async () => {
    const dev = device();
    const { result } = renderHook(useScreens, { wrapper: wrapper() });
    await waitFor(() => expect(result.current.power.data?.cameraCount).toBe(1));
    expect(dev.sent('516')).toHaveLength(1);

    await act(() =>
      result.current.addCamera.mutateAsync({
        channel: 2,
        camera_name: 'Gate 2',
        camera_mode: 'VIDEO',
        snap_mode: 1,
        lib_ids: '1',
        threshold: 80,
        protocol: 'rtsp',
        url: 'rtsp://10.0.0.2/stream',
      }),
    );
    await waitFor(() => expect(result.current.power.data?.cameraCount).toBe(2));
    expect(result.current.wallCameras.data?.map((c) => c.channel)).toEqual([1, 2]);
    expect(result.current.recordsCameras.data?.map((c) => c.channel)).toEqual([1, 2]);
    expect(result.current.watchers.data?.get(1)?.map((w) => w.name)).toEqual(['Gate 1', 'Gate 2']);
    expect(dev.sent('516')).toHaveLength(2);
  });
});
