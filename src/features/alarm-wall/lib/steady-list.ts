// The wall holds still under the user's hand. New alarms go on top and every
// card after them moves one place, so an Acknowledge button a user was about
// to press moved away under the finger (and the next card's took its place).
// While the pointer is over a card (or a finger touched one a moment ago) the
// wall shows the cards it showed when the user came, in that order, each with
// its current state (an acknowledgement shows at once); new arrivals wait and
// are counted, and come in when the pointer leaves.
import { useCallback, useEffect, useRef, useState } from 'react';

/** The list as held: the held cards' ids in their order, current objects where there are any. */
export function steadyView<A extends { key: string }>(
  held: readonly A[] | null,
  list: readonly A[],
): { shown: readonly A[]; waiting: number } {
  if (!held) return { shown: list, waiting: 0 };
  const now = new Map(list.map((a) => [a.key, a]));
  const heldIds = new Set(held.map((a) => a.key));
  // A held card no longer in the list leaves: the user changed the filters (their own doing), or
  // the buffer evicted it (from the bottom, rarely on screen).
  const shown = held.flatMap((a) => now.get(a.key) ?? []);
  return { shown, waiting: list.filter((a) => !heldIds.has(a.key)).length };
}

/** Leaving a card for the gap beside it is not leaving the wall. */
const MOUSE_GRACE_MS = 600;
/** A finger has no hover: a touch holds the wall for the next taps of a round of acknowledgements. */
const TOUCH_HOLD_MS = 4000;

/**
 * Whether the user's pointer is on the cards, for the feed's handlers:
 * pointerover/out for a mouse or pen, pointerdown/up for touch.
 */
export function usePointerHold() {
  const [holding, setHolding] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancel = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  const hold = useCallback(() => {
    cancel();
    setHolding(true);
  }, []);
  const releaseIn = useCallback((ms: number) => {
    cancel();
    timer.current = setTimeout(() => setHolding(false), ms);
  }, []);
  useEffect(() => cancel, []);

  const onCard = (target: EventTarget) => target instanceof Element && target.closest('article') !== null;
  const handlers = {
    onPointerOver: (e: React.PointerEvent) => {
      if (e.pointerType !== 'touch' && onCard(e.target)) hold();
    },
    onPointerOut: (e: React.PointerEvent) => {
      if (e.pointerType === 'touch') return;
      if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget) && onCard(e.relatedTarget)))
        releaseIn(MOUSE_GRACE_MS);
    },
    onPointerDown: (e: React.PointerEvent) => {
      if (e.pointerType === 'touch' && onCard(e.target)) hold();
    },
    onPointerUp: (e: React.PointerEvent) => {
      if (e.pointerType === 'touch') releaseIn(TOUCH_HOLD_MS);
    },
    onPointerCancel: (e: React.PointerEvent) => {
      if (e.pointerType === 'touch') releaseIn(TOUCH_HOLD_MS);
    },
  };
  return { holding, handlers };
}

/**
 * The grid's list: held while `holding`, live otherwise. A new `view` (the
 * user changed the filters) takes the list as it is now: the user's own change
 * shows at once.
 */
export function useSteadyList<A extends { key: string }>(list: readonly A[], holding: boolean, view: string) {
  const [held, setHeld] = useState<{ view: string; list: readonly A[] } | null>(null);
  // Adjusted during render (React's pattern for state that follows a prop): the first frame already holds.
  if (holding && (held === null || held.view !== view)) setHeld({ view, list });
  if (!holding && held !== null) setHeld(null);
  return steadyView(holding ? (held && held.view === view ? held.list : list) : null, list);
}
