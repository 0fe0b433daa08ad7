import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { call } from '../../../api/device';
import { deleteFace, enrolFace, getFace, queryFaces, updateFace } from '../../../api/protocol/faces';
import { detectFace, detectFaces } from '../../../api/protocol/recognition';
import { leftToRight, parseCoordinate } from '../../../api/protocol/face-box';
import { deviceFileUrl } from '../../../api/protocol/files';
import { cropToFace } from '../lib/crop-photo';
import { deleteInBatches, type DeleteBatchResult } from '../lib/delete-batches';
import type { FaceQuery } from '../lib/gallery-view';
import { useImportStore } from '../store/import-store';
import { useNodeStore } from '../../../session/node-store';
import { libraryQueries } from '../../../api/queries/libraries';
import { nodeLibraryQueries } from '../../../api/queries/node-libraries';
import { targetCall } from '../../../api/target-call';
import { enrolOnTargets, type LibraryIdentity, type TargetPlan } from '../lib/node-targets';

export const galleryQueries = {
  all: (libId: number) => [...libraryQueries.all(), 'gallery', libId] as const,
  /** §3.10: one page; the last page stays on screen while the next loads, so paging never flashes empty. */
  page: (req: FaceQuery) =>
    queryOptions({
      queryKey: [...galleryQueries.all(Number(req.lib_id)), 'page', req] as const,
      queryFn: ({ signal }) => call(queryFaces, req, { signal }),
      placeholderData: keepPreviousData,
    }),
  /** §3.6: one face (its picture comes from /ws/<img_path>, the answer's base64 copy is not used). */
  face: (libId: number, imgId: string) =>
    queryOptions({
      queryKey: [...galleryQueries.all(libId), 'face', imgId] as const,
      queryFn: ({ signal }) => call(getFace, { lib_id: libId, img_id: imgId }, { signal }),
      meta: { errorHandled: true },
    }),
  /**
   * Where the person's face is in their stored picture: the device's main
   * face of it (§3.25), the face it enrolled. Keyed by the picture, not the
   * library, so face writes do not detect it again.
   */
  faceBox: (imgPath: string) =>
    queryOptions({
      queryKey: ['face-box', imgPath] as const,
      queryFn: async ({ signal }) => {
        const res = await fetch(deviceFileUrl(imgPath), { signal });
        if (!res.ok) throw new Error(`GET ${imgPath}: HTTP ${res.status}`);
        const img = new File([await res.blob()], imgPath.split('/').pop() || 'face.jpg', { type: 'image/jpeg' });
        return parseCoordinate((await call(detectFace, { img }, { signal })).coordinate);
      },
      staleTime: Infinity,
      retry: false,
      meta: { errorHandled: true },
    }),
};

/** Face writes change the gallery and the library's count. */
function useInvalidateFaces() {
  const qc = useQueryClient();
  return useCallback(
    (libId: number) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: galleryQueries.all(libId) }),
        qc.invalidateQueries({ queryKey: libraryQueries.list().queryKey }),
      ]),
    [qc],
  );
}

/**
 * An import runs outside React (its store): wherever the user is among the
 * library pages, each chunk that stores faces refreshes that library's gallery
 * and the counts, so nobody imports again into a library that looks empty.
 */
export function useRefreshAfterImport() {
  const invalidate = useInvalidateFaces();
  const tick = useImportStore((s) => s.storedTick);
  const libId = useImportStore((s) => s.libId);
  // Fleet mode: only on the import's own node (this cache is the node shown's).
  const here = useImportStore((s) => s.node) === useNodeStore((s) => s.current);
  useEffect(() => {
    if (tick > 0 && libId !== null && here) void invalidate(libId);
  }, [tick, libId, here, invalidate]);
}

export interface PersonInput {
  person_name?: string;
  person_idcard?: string;
  person_gender?: '' | '0' | '1';
  person_age?: string;
  person_addr?: string;
}

/** §3.25: the main face of a picture, its box and quality, before anything is stored. */
export function useDetectFace() {
  return useMutation({
    mutationFn: (img: File) => call(detectFace, { img }),
    meta: { errorHandled: true },
  });
}

/** §3.26: every face of a picture, numbered left to right, so a group photo can be enrolled face by face. */
export function useDetectAllFaces() {
  return useMutation({
    mutationFn: async (img: File) => leftToRight(await call(detectFaces, { img })),
    meta: { errorHandled: true },
  });
}

/**
 * The chosen face of a group photo as a picture of its own to enrol: cut in
 * the browser with a margin (lib/crop-photo.ts); a picture the browser cannot
 * decode (TIFF) takes the device's own crop of that face (782's img_path).
 */
export function useCropFace() {
  return useMutation({
    mutationFn: async ({
      file,
      faces,
      chosen,
    }: {
      file: File;
      faces: readonly { coordinate: string; img_path: string }[];
      chosen: number;
    }) => {
      try {
        return await cropToFace(file, faces, chosen);
      } catch {
        const res = await fetch(deviceFileUrl(faces[chosen]!.img_path));
        if (!res.ok) throw new Error(`GET ${faces[chosen]!.img_path}: HTTP ${res.status}`);
        return new File([await res.blob()], `face${chosen + 1}.jpg`, { type: 'image/jpeg' });
      }
    },
    meta: { errorHandled: true },
  });
}

export function useEnrolFace(libId: number) {
  const invalidate = useInvalidateFaces();
  return useMutation({
    mutationFn: (req: PersonInput & { img: File; img_id?: string }) => call(enrolFace, { lib_id: libId, ...req }),
    meta: { errorHandled: true },
    onSuccess: () => invalidate(libId),
  });
}

/** Enrol once, to many (fleet mode): one person on every target node, an outcome per node (never throws). */
export function useEnrolOnNodes(libId: number) {
  const invalidate = useInvalidateFaces();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (job: { plans: readonly TargetPlan[]; want: LibraryIdentity; person: PersonInput & { img: File; img_id: string } }) =>
      enrolOnTargets(job.plans, job.want, job.person, (node) => targetCall(node)),
    meta: { errorHandled: true },
    // This node's gallery, and the other nodes' lists (a library created there, its count).
    onSuccess: () => Promise.all([invalidate(libId), qc.invalidateQueries({ queryKey: nodeLibraryQueries.all() })]),
  });
}

export function useUpdateFace(libId: number) {
  const invalidate = useInvalidateFaces();
  return useMutation({
    mutationFn: (req: PersonInput & { img_id: string }) => call(updateFace, { lib_id: libId, ...req }),
    meta: { errorHandled: true },
    onSuccess: () => invalidate(libId),
  });
}

export function useDeleteFace(libId: number) {
  const invalidate = useInvalidateFaces();
  return useMutation({
    mutationFn: (imgId: string) => call(deleteFace, { lib_id: libId, img_id: imgId }),
    meta: { errorHandled: true },
    onSuccess: () => invalidate(libId),
  });
}

export type { DeleteBatchResult };

export function useBulkDelete(libId: number) {
  const invalidate = useInvalidateFaces();
  return useMutation({
    mutationFn: (args: { ids: readonly string[]; onBatch: (r: DeleteBatchResult, done: number) => void; shouldStop: () => boolean }) =>
      deleteInBatches(call, libId, args.ids, args.onBatch, args.shouldStop),
    meta: { errorHandled: true },
    onSettled: () => invalidate(libId),
  });
}
