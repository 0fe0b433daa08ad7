import crypto from 'node:crypto';

/**
 * §1: a session lasts until logout or `ttlSeconds` without a request (30 min on
 * the device; --session-ttl shortens it for tests). Ids look like the device's:
 * a decimal 64-bit number ("10538985380704462465").
 */
export class SessionStore {
  private readonly sessions = new Map<string, { user: string; lastSeen: number }>();
  constructor(public ttlSeconds: number) {}

  create(user: string): string {
    const id = crypto.randomBytes(8).readBigUInt64BE().toString();
    this.sessions.set(id, { user, lastSeen: Date.now() });
    return id;
  }

  /** True and refreshed if the session is live; an expired one is forgotten. */
  touch(id: string | null | undefined): boolean {
    if (!id) return false;
    const s = this.sessions.get(id);
    if (!s) return false;
    if (Date.now() - s.lastSeen > this.ttlSeconds * 1000) {
      this.sessions.delete(id);
      return false;
    }
    s.lastSeen = Date.now();
    return true;
  }

  end(id: string): void {
    this.sessions.delete(id);
  }

  clear(): void {
    this.sessions.clear();
  }

  get size(): number {
    return this.sessions.size;
  }
}
