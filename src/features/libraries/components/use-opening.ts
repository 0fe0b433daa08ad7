import { useRef } from 'react';

/**
 * A number that changes each time `open` turns true: the key of a modal or
 * drawer whose form must start from its own values at every opening. antd's
 * form instance outlives its content, and reopening during the close
 * animation keeps the content; a new key gives both up.
 */
export function useOpening(open: boolean): number {
  const last = useRef({ open: false, count: 0 });
  if (open && !last.current.open) last.current.count++;
  last.current.open = open;
  return last.current.count;
}
