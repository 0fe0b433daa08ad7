import { describe, expect, it, vi } from 'vitest';
import { PhotoCache } from './photo-cache';

describe('PhotoCache', () => {
  it('reads a picture once for every target that needs it and drops it after the last', async () => {
    const read = vi.fn(async (id: string) => `b64:${id}`);
    const cache = new PhotoCache(read);
    cache.want('a', 2);
    expect(await cache.get('a')).toBe('b64:a');
    expect(await cache.get('a')).toBe('b64:a');
    expect(read).toHaveBeenCalledTimes(1);
    cache.done('a');
    expect(cache.size).toBe(1);
    cache.done('a');
    expect(cache.size).toBe(0);
  });

  it('holds at most max pictures: past it, each job reads its own', async () => {
    const read = vi.fn(async (id: string) => id);
    const cache = new PhotoCache(read, 1);
    cache.want('a', 2);
    cache.want('b', 2);
    await cache.get('a');
    await cache.get('b');
    await cache.get('b');
    expect(cache.size).toBe(1);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const cache = new PhotoCache(async (id) => {
      if (fail) throw new Error('down');
      return id;
    });
    cache.want('a', 2);
    await expect(cache.get('a')).rejects.toThrow('down');
    fail = false;
    expect(await cache.get('a')).toBe('a');
  });

  it('reads ahead only what a job wants and while there is room', async () => {
    const read = vi.fn(async (id: string) => id);
    const cache = new PhotoCache(read, 1);
    cache.want('a');
    cache.want('b');
    cache.warm('x');
    cache.warm('a');
    cache.warm('b');
    expect(read.mock.calls.map((c) => c[0])).toEqual(['a']);
    expect(await cache.get('a')).toBe('a');
    expect(read).toHaveBeenCalledTimes(1);
    cache.done('a');
    expect(cache.size).toBe(0);
  });
});
