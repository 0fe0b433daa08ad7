// The source's pictures for a run (1032), each read once for all the targets
// that need it and dropped when the last of them is answered. Held at most
// MAX at a time (~30-100 KB each as base64): a node far behind the others makes
// its pictures be read again rather than the page grow.
export const PHOTO_CACHE_MAX = 200;

interface Entry {
  photo: Promise<string>;
  refs: number;
}

export class PhotoCache {
  private readonly entries = new Map<string, Entry>();
  private readonly wanted = new Map<string, number>();

  constructor(
    private readonly read: (imgId: string) => Promise<string>,
    private readonly max = PHOTO_CACHE_MAX,
  ) {}

  /** How many jobs of the run will ask for this picture. */
  want(imgId: string, jobs = 1): void {
    this.wanted.set(imgId, (this.wanted.get(imgId) ?? 0) + jobs);
  }

  get(imgId: string): Promise<string> {
    const hit = this.entries.get(imgId);
    if (hit) return hit.photo;
    const photo = this.read(imgId);
    const refs = this.wanted.get(imgId) ?? 0;
    if (refs > 0 && this.entries.size < this.max) {
      this.entries.set(imgId, { photo, refs });
      // A failed read is not kept: the next job asks the source again.
      photo.catch(() => this.entries.delete(imgId));
    }
    return photo;
  }

  /**
   * Reads a picture ahead of its job, while there is room: the job then
   * waits for one request (its enrolment), not two. Nothing is read when full.
   */
  warm(imgId: string): void {
    if (this.entries.has(imgId) || this.entries.size >= this.max || !this.wanted.has(imgId)) return;
    this.get(imgId).catch(() => undefined);
  }

  /** A job for this picture is answered (either way): the picture goes with its last job. */
  done(imgId: string): void {
    const left = (this.wanted.get(imgId) ?? 1) - 1;
    if (left > 0) this.wanted.set(imgId, left);
    else this.wanted.delete(imgId);
    const e = this.entries.get(imgId);
    if (e && left <= 0) this.entries.delete(imgId);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.wanted.clear();
  }
}
