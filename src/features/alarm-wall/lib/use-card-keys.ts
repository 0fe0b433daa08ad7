// What the wall's two layouts (the flow grid and the tiles) share: the box's
// measured size, and the keys on its cards: Enter opens the focused card;
// arrows, Home/End and PageUp/PageDown move the selection, and the focus
// follows once the selected card is rendered.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { cardSelector, isNavKey, moveIndex } from './grid';

/** Before the first measure (and in jsdom, which has no layout): a laptop's worth. */
const FALLBACK = { width: 1180, height: 720 };

/** The element's size, measured now and whenever it changes. */
export function useBoxSize(box: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState(FALLBACK);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0)
        setSize((s) => (s.width === r.width && s.height === r.height ? s : { width: r.width, height: r.height }));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [box]);
  return size;
}

export interface CardKeys {
  /** Cards the keys move between, and the grid's shape. */
  count: number;
  cols: number;
  pageRows: number;
  /** Where a move starts: the selected card, else the tab stop. */
  from: number;
  keyAt(index: number): string | undefined;
  onOpen(key: string): void;
  onSelect(key: string): void;
  /** After a move (the flow grid scrolls the row into view). */
  onMoved?(index: number): void;
}

/** The cards' key handler, for the element around them. */
export function useCardKeys(
  box: RefObject<HTMLElement | null>,
  selectedId: string | null,
  k: CardKeys,
): (e: KeyboardEvent<HTMLElement>) => void {
  const focusWanted = useRef(false);
  // After a keyboard move, focus follows the selection once its card is rendered.
  useEffect(() => {
    if (!focusWanted.current || !selectedId) return;
    const el = box.current?.querySelector<HTMLElement>(cardSelector(selectedId));
    if (el) {
      focusWanted.current = false;
      el.focus({ preventScroll: true });
    }
  });
  return (e) => {
    const target = e.target as HTMLElement;
    if (!target.matches('article')) return;
    if (e.key === 'Enter') {
      const id = target.dataset.snapId;
      if (id) {
        e.preventDefault();
        k.onOpen(id);
      }
      return;
    }
    if (!isNavKey(e.key) || k.count === 0) return;
    e.preventDefault();
    const next = moveIndex(e.key, k.from, k.cols, k.count, k.pageRows);
    const key = k.keyAt(next);
    if (key === undefined) return;
    focusWanted.current = true;
    k.onSelect(key);
    k.onMoved?.(next);
  };
}
