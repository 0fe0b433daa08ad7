// Detection (§3.25, 3.26, 3.29), 1:N search (§5.1, 5.3) and 1:1 comparison
// (§5.2, 5.4). Both variants are here: the page sends pictures as form files
// (no base64 inflation of a 5 MB photo, and the browser streams them), the
// JSON/base64 ones serve callers that hold pictures as text; the tests run
// both against the emulator and expect the same answers.
import { useMutation } from '@tanstack/react-query';
import { call } from '../../../api/device';
import { deviceFileBase } from '../../../api/protocol/files';
import { targetCall } from '../../../api/target-call';
import { mergeHits, searchOnNodes, type NodeTarget } from '../model/across-nodes';
import type { Call } from '../../../api/client';
import { leftToRight } from '../../../api/protocol/face-box';
import {
  compareFaces,
  compareFacesB64,
  detectFace,
  detectFaceB64,
  detectFaces,
  searchFace,
  searchFaceB64,
} from '../../../api/protocol/recognition';

export interface SearchSettings {
  /** Comma list, at most ID_LIST_MAX (§5.1). */
  libIds: string;
  threshold: number;
  topk: number;
}

/** A stored picture on the device (a snapshot, a crop of 782) as a File, through the proxy's /ws/. */
export async function fetchDeviceFile(devicePath: string, opts: { baseUrl?: string; signal?: AbortSignal } = {}): Promise<File> {
  const path = devicePath.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/');
  // The node the page is about (fleet mode: /node/<id>), unless told another.
  const res = await fetch(`${opts.baseUrl ?? deviceFileBase()}/ws/${path}`, { signal: opts.signal });
  if (!res.ok) throw new DeviceFileError(devicePath, res.status);
  const blob = await res.blob();
  return new File([blob], devicePath.split('/').pop() || 'photo.jpg', { type: blob.type || 'image/jpeg' });
}

/** The device has no such picture (a record deleted since, a crop cleared). */
export class DeviceFileError extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
  ) {
    super(`GET /ws/${path}: HTTP ${status}`);
    this.name = 'DeviceFileError';
  }
}

/** §3.27's base64 picture: a file name and the bytes as plain base64 (no data: prefix). */
export async function toBase64Image(file: Blob, filename?: string): Promise<{ filename: string; data: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  // In slices: String.fromCharCode(...all) overflows the stack on a large photo.
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const name = filename ?? (file instanceof File && file.name ? file.name : 'photo.jpg');
  return { filename: name, data: btoa(bin) };
}

// ---- form variants (the page's) ----------------------------------------------

export const detectAll = (img: Blob, c: Call = call, signal?: AbortSignal) => c(detectFaces, { img }, { signal });
export const detectMain = (img: Blob, c: Call = call, signal?: AbortSignal) => c(detectFace, { img }, { signal });
export const searchPhoto = (img: Blob, s: SearchSettings, c: Call = call, signal?: AbortSignal) =>
  c(searchFace, { img, lib_ids: s.libIds, threshold: s.threshold, topk: s.topk }, { signal });
export const comparePhotos = (a: Blob, b: Blob, c: Call = call, signal?: AbortSignal) =>
  c(compareFaces, { img_1: a, img_2: b }, { signal });

// ---- base64 (JSON) variants ------------------------------------------------------

export const detectMainB64 = async (img: Blob, c: Call = call) => c(detectFaceB64, { img: await toBase64Image(img) });
export const searchPhotoB64 = async (img: Blob, s: SearchSettings, c: Call = call) =>
  c(searchFaceB64, { img: await toBase64Image(img), lib_ids: s.libIds, threshold: s.threshold, topk: s.topk });
export const comparePhotosB64 = async (a: Blob, b: Blob, c: Call = call) =>
  c(compareFacesB64, { img_1: await toBase64Image(a), img_2: await toBase64Image(b) });

// ---- the page's mutations ------------------------------------------------------------

export type PhotoSource = { kind: 'file'; file: File } | { kind: 'device'; path: string };

export interface ExaminedPhoto {
  /** Distinguishes one accepted photo from the next (results belong to one). */
  id: number;
  file: File;
  faces: Awaited<ReturnType<typeof detectAll>>;
  fromDevice: string | null;
}

let photoSeq = 0;

/**
 * A new photo: fetched from the device when it is one of its own pictures,
 * then every face found (782). A photo the device refuses (-1104 not a
 * picture, -1101 no face) rejects here; the page keeps the previous photo.
 */
export function useExaminePhoto() {
  return useMutation({
    mutationFn: async (source: PhotoSource): Promise<ExaminedPhoto> => {
      const file = source.kind === 'file' ? source.file : await fetchDeviceFile(source.path);
      const faces = leftToRight(await detectAll(file));
      return { id: ++photoSeq, file, faces, fromDevice: source.kind === 'device' ? source.path : null };
    },
    meta: { errorHandled: true },
  });
}

/** The main face of one photo (769), for the 1:1 slots. */
export function useDetectMain() {
  return useMutation({
    mutationFn: async (file: File) => ({ id: ++photoSeq, file, face: await detectMain(file) }),
    meta: { errorHandled: true },
  });
}

export interface SearchJob {
  photo: ExaminedPhoto;
  /** Index into photo.faces. */
  face: number;
  settings: SearchSettings;
}

/**
 * 1:N. With one face the photo itself is searched (the device takes its main
 * face). With several, the device would only search the largest, so the crop
 * 782 stored for the chosen face is fetched and searched instead.
 */
async function probeOf(photo: ExaminedPhoto, face: number): Promise<Blob> {
  const chosen = photo.faces[face];
  return photo.faces.length > 1 && chosen ? fetchDeviceFile(chosen.img_path) : photo.file;
}

export function useSearchFace() {
  return useMutation({
    mutationFn: async (job: SearchJob) => {
      const img = await probeOf(job.photo, job.face);
      const answer = await searchPhoto(img, job.settings);
      return { photoId: job.photo.id, face: job.face, settings: job.settings, answer };
    },
    meta: { errorHandled: true },
  });
}

export function useComparePhotos() {
  return useMutation({
    mutationFn: async ({ a, b }: { a: { id: number; file: File }; b: { id: number; file: File } }) => ({
      ids: [a.id, b.id] as const,
      score: (await comparePhotos(a.file, b.file)).FaceImg1to1Rsp_Score,
    }),
    meta: { errorHandled: true },
  });
}

export interface NodesSearchJob {
  photo: ExaminedPhoto;
  face: number;
  /** Each chosen node with its own ids of the chosen libraries. */
  nodes: readonly NodeTarget[];
  /** The libraries chosen by name and type (model/across-nodes.ts libKey); none: all. */
  libKeys: readonly string[];
  settings: { threshold: number; topk: number };
}

/**
 * 1:N on several nodes (fleet mode): the probe (the chosen face's crop, made
 * once on the node shown) goes to every node; each node's hits or failure,
 * and all hits merged by score.
 */
export function useSearchOnNodes() {
  return useMutation({
    mutationFn: async (job: NodesSearchJob) => {
      const img = await probeOf(job.photo, job.face);
      const results = await searchOnNodes(job.nodes, async (node, libIds) => {
        const answer = await searchPhoto(img, { ...job.settings, libIds }, targetCall(node));
        return answer.topn;
      });
      return { photoId: job.photo.id, face: job.face, job, results, hits: mergeHits(results) };
    },
    meta: { errorHandled: true },
  });
}
