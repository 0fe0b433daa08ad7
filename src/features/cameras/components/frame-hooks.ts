// Where the ROI editor's picture comes from, and the small DOM hooks it needs.
import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { useLiveAlarms, usePictureSrc, type LiveAlarm } from '../../../live';

export interface PushedFrame {
  readonly src: string;
  /** Device-local "yyyy-MM-dd HH:mm:ss". */
  readonly trigger: string;
  readonly snapId: string;
}

/** The latest scene picture (snap_frame) the node pushed for a channel, or null. */
export function useLatestFrame(channel: number): PushedFrame | null {
  // Stable per channel: useLiveAlarms caches its result per selector and alarms array.
  const select = useCallback(
    (alarms: readonly LiveAlarm[]): LiveAlarm | undefined => alarms.find((a) => a.channel === channel && a.frame !== null),
    [channel],
  );
  const alarm = useLiveAlarms(select);
  const src = usePictureSrc(alarm?.frame);
  return alarm && src ? { src, trigger: alarm.trigger, snapId: alarm.snapId } : null;
}

/** The channel's captures that arrived after `since` (ms, our clock), newest first. */
export function useCapturesSince(channel: number, since: number | null, max: number): readonly LiveAlarm[] {
  const select = useCallback(
    (alarms: readonly LiveAlarm[]): readonly LiveAlarm[] =>
      since === null ? [] : alarms.filter((a) => a.channel === channel && !a.backfilled && a.receivedAt >= since).slice(0, max),
    [channel, since, max],
  );
  return useLiveAlarms(select);
}

export interface LoadedImage {
  readonly image: HTMLImageElement | null;
  readonly failed: boolean;
}

/** An <img> loaded off-screen for the canvas. */
export function useHtmlImage(src: string | undefined): LoadedImage {
  const [state, setState] = useState<{ src: string | undefined } & LoadedImage>({ src: undefined, image: null, failed: false });
  useEffect(() => {
    if (!src) return;
    let live = true;
    const img = new window.Image();
    img.onload = () => live && setState({ src, image: img, failed: false });
    img.onerror = () => live && setState({ src, image: null, failed: true });
    img.src = src;
    return () => {
      live = false;
    };
  }, [src]);
  // A picture of another src is stale: never draw it under the new one.
  return state.src === src ? state : { image: null, failed: false };
}

/** The width of an element, following its resizes. */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}
