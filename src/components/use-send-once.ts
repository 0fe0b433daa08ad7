import { useEffect, useMemo, useRef } from 'react';

export interface SendOnce {
  /** True once per opening: the caller sends. False while a send is out or after one succeeded. */
  take(): boolean;
  /** The device refused (or the network failed): the user may send again. */
  refused(): void;
}

/**
 * One send per opening of a form that creates or saves something. A second
 * Enter while the device answers, or in the form as it closes after the save,
 * sends nothing. It is a ref set the moment the send starts: the render's
 * `isPending` or `open` can be a step behind the keys. A form instance that
 * lives across openings passes its `open`: each time it turns true starts afresh.
 */
export function useSendOnce(open?: boolean): SendOnce {
  const sent = useRef(false);
  useEffect(() => {
    if (open) sent.current = false;
  }, [open]);
  return useMemo(
    () => ({
      take: () => {
        if (sent.current) return false;
        sent.current = true;
        return true;
      },
      refused: () => {
        sent.current = false;
      },
    }),
    [],
  );
}
