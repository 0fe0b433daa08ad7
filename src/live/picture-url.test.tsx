import { act, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LivePicture } from './live-event';
import { liveObjectUrls, RELEASE_AFTER_MS, usePictureSrc } from './picture-url';

let made = 0;
const create = vi.fn(() => `blob:test/${++made}`);
const revoke = vi.fn();

beforeEach(() => {
  vi.useFakeTimers();
  made = 0;
  create.mockClear();
  revoke.mockClear();
  Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
});
afterEach(() => {
  vi.runOnlyPendingTimers();
  vi.useRealTimers();
});

const bytesOf = (text: string): LivePicture => ({ kind: 'bytes', bytes: new TextEncoder().encode(text), type: 'image/jpeg' });

function Pic({ picture }: { picture: LivePicture | null }) {
  return <img alt="pic" src={usePictureSrc(picture)} />;
}

const src = (c: HTMLElement) => c.querySelector('img')?.getAttribute('src');

describe('usePictureSrc', () => {
  it('a frame gets one URL from its first paint, shared by every view, revoked after the last one goes', () => {
    const picture: LivePicture = bytesOf('x');
    const a = render(
      <StrictMode>
        <Pic picture={picture} />
      </StrictMode>,
    );
    const b = render(<Pic picture={picture} />);
    expect(src(a.container)).toBe('blob:test/1');
    expect(src(b.container)).toBe('blob:test/1');
    expect(create).toHaveBeenCalledTimes(1);

    a.unmount();
    act(() => vi.advanceTimersByTime(RELEASE_AFTER_MS * 2));
    expect(revoke).not.toHaveBeenCalled();
    b.unmount();
    act(() => vi.advanceTimersByTime(RELEASE_AFTER_MS * 2));
    expect(revoke).toHaveBeenCalledWith('blob:test/1');
    expect(liveObjectUrls()).toBe(0);
  });

  it('a card that remounts at once (it moved in the grid) keeps its URL', () => {
    const picture: LivePicture = bytesOf('y');
    render(<Pic picture={picture} />).unmount();
    const again = render(<Pic picture={picture} />);
    act(() => vi.advanceTimersByTime(RELEASE_AFTER_MS * 2));
    expect(src(again.container)).toBe('blob:test/1');
    expect(revoke).not.toHaveBeenCalled();
    again.unmount();
  });

  it('a new picture in the same view: the old URL goes, the new one comes', () => {
    const first: LivePicture = bytesOf('1');
    const second: LivePicture = bytesOf('2');
    const view = render(<Pic picture={first} />);
    view.rerender(<Pic picture={second} />);
    act(() => vi.advanceTimersByTime(RELEASE_AFTER_MS * 2));
    expect(src(view.container)).toBe('blob:test/2');
    expect(revoke.mock.calls).toEqual([['blob:test/1']]);
    view.unmount();
  });

  it('device paths and data URLs need no object URL', () => {
    const device = render(<Pic picture={{ kind: 'device', path: 'snap/1.jpg' }} />);
    const inline = render(<Pic picture={{ kind: 'inline', dataUrl: 'data:image/jpeg;base64,eA==' }} />);
    expect(src(device.container)).toBe('/ws/snap/1.jpg');
    expect(src(inline.container)).toBe('data:image/jpeg;base64,eA==');
    expect(create).not.toHaveBeenCalled();
  });
});
