// The wall's keys, on the document while the wall is open: Space pauses, A
// acknowledges (Shift+A all), M mutes, K kiosk, F full screen; arrows with
// nothing focused go to the first card (the grid moves between cards).
// Keys typed into a field, or given to a control that uses them, are left alone.
import { useEffect, useRef } from 'react';

export interface WallKeyHandlers {
  pause(): void;
  ack(): void;
  ackAll(): void;
  mute(): void;
  kiosk(): void;
  fullscreen(): void;
  focusFirst(): void;
}

const TYPING =
  'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="combobox"], [role="slider"], [role="spinbutton"], [role="textbox"]';
/** Controls that Space (and Enter) activate themselves. */
const ACTIVATES =
  'button, a[href], summary, [role="button"], [role="switch"], [role="checkbox"], [role="radio"], [role="menuitem"], [role="tab"], [role="option"]';

export function shortcutFor(
  e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  target: Element | null,
): keyof WallKeyHandlers | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (target?.closest(TYPING)) return null;
  const key = e.key;
  if (key === ' ' || key === 'Spacebar') return target?.closest(ACTIVATES) ? null : 'pause';
  switch (key.toLowerCase()) {
    case 'a':
      return e.shiftKey ? 'ackAll' : 'ack';
    case 'm':
      return 'mute';
    case 'k':
      return 'kiosk';
    case 'f':
      return 'fullscreen';
  }
  if (key.startsWith('Arrow') && (!target || target === document.body || target === document.documentElement)) return 'focusFirst';
  return null;
}

export function useWallShortcuts(handlers: WallKeyHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const action = shortcutFor(e, e.target instanceof Element ? e.target : null);
      if (!action) return;
      e.preventDefault();
      ref.current[action]();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
