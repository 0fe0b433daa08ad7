import { describe, expect, it } from 'vitest';
import { fromPush } from './live-event';
import { decodeDataUrl, decodePush, framesToMove } from './push-decode';
import { pushMessage } from './testing';

const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);

describe('push decoding (the worker side)', () => {
  it('base64 data URLs, and the bare base64 §9.2 allows, decode to the right bytes', () => {
    const d = decodeDataUrl(`data:image/png;base64,${btoa('hello')}`);
    expect(d?.type).toBe('image/png');
    expect(text(d?.bytes)).toBe('hello');
    expect(decodeDataUrl(btoa('bare'))).toMatchObject({ type: 'image/jpeg' });
    expect(text(decodeDataUrl(btoa('bare'))?.bytes)).toBe('bare');
    expect(decodeDataUrl('data:image/png;base64,@@not base64@@')).toBeNull();
    expect(decodeDataUrl('data:text/plain,hello')).toBeNull();
  });

  it('a capture: the scene frame leaves the JSON as bytes that can be moved, the rest is as parsed', () => {
    const m = decodePush(JSON.stringify(pushMessage(7)));
    if (m.type !== 'alarm') throw new Error(m.type);
    expect(m.data).toMatchObject({ snap_id: 'snap-7', snap_frame: '', similarity: 88 });
    expect(m.data.snap_buf).toMatch(/^data:image\/jpeg;base64,/);
    expect(text(m.pictures?.frame?.bytes)).toBe('jpeg:frame-7');
    expect(framesToMove(m)).toEqual([m.pictures?.frame?.bytes.buffer]);
    // Its own buffer, exactly the picture: moving it moves nothing else.
    expect(m.pictures?.frame?.bytes.byteLength).toBe(m.pictures?.frame?.bytes.buffer.byteLength);

    const e = fromPush(m.data, 0, m.pictures);
    expect(e.frame).toEqual({ kind: 'bytes', bytes: m.pictures?.frame?.bytes, type: 'image/jpeg' });
    expect(e.snap).toEqual({ kind: 'inline', dataUrl: m.data.snap_buf });
  });

  it('a frame that does not decode stays inline, as sent; no frame, nothing to move', () => {
    const bad = decodePush(JSON.stringify(pushMessage(8, { snap_frame: 'data:image/jpeg;base64,%%%' })));
    if (bad.type !== 'alarm') throw new Error(bad.type);
    expect(bad.pictures).toBeUndefined();
    expect(fromPush(bad.data, 0, bad.pictures).frame).toEqual({ kind: 'inline', dataUrl: 'data:image/jpeg;base64,%%%' });
    const none = decodePush(JSON.stringify(pushMessage(9, { snap_frame: '' })));
    expect(framesToMove(none)).toEqual([]);
  });

  it('answers and junk pass through as parsePushMessage reads them', () => {
    expect(decodePush('{"code":-140,"msg":"wrong key"}')).toEqual({ type: 'ack', code: -140, msg: 'wrong key' });
    expect(decodePush('not json')).toEqual({ type: 'malformed', detail: 'not JSON' });
  });
});
