// Unsaved edits are not dropped by a stray click: leaving the page (a link, the
// back button, a reload) with a form changed and not saved asks first. One
// blocker for the page (React Router takes one at a time); forms report in.
import { App } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useBlocker } from 'react-router';
import { useSessionStore } from '../../../session/session-store';
import { useSystemT } from '../messages';

type Report = (id: string, dirty: boolean) => void;
const DirtyContext = createContext<Report>(() => {});

export function DirtyGuard({ children }: { children: ReactNode }) {
  const t = useSystemT();
  const { modal } = App.useApp();
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const report = useCallback<Report>((id, isDirty) => {
    setDirty((prev) => {
      if (prev.has(id) === isDirty) return prev;
      const next = new Set(prev);
      if (isDirty) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const any = dirty.size > 0;
  // Only a move to another page: the tabs change the search, and keep their forms.
  // Not when the session ended (logout, a restart): the login page must open.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      any && currentLocation.pathname !== nextLocation.pathname && useSessionStore.getState().sessionId !== null,
  );

  const blockerRef = useRef(blocker);
  blockerRef.current = blocker;
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('dirty.title'),
      content: t('dirty.body'),
      okText: t('dirty.leave'),
      okButtonProps: { danger: true },
      cancelText: t('dirty.stay'),
      onOk: () => blockerRef.current.proceed?.(),
      onCancel: () => blockerRef.current.reset?.(),
    });
  }, [blocker.state, modal, t]);

  useEffect(() => {
    if (!any) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [any]);

  return <DirtyContext.Provider value={report}>{children}</DirtyContext.Provider>;
}

/** A form says whether it holds unsaved edits; unmounting clears it. */
export function useReportDirty(id: string, dirty: boolean) {
  const report = useContext(DirtyContext);
  useEffect(() => {
    report(id, dirty);
  }, [report, id, dirty]);
  useEffect(() => () => report(id, false), [report, id]);
}

/** True when some field differs from what the device said (a value typed back to the original is not a change). */
export function useIsChanged<T extends object>(values: T | undefined, initial: T | undefined): boolean {
  return useMemo(() => {
    if (!values || !initial) return false;
    return (Object.keys(initial) as (keyof T)[]).some((k) => values[k] !== undefined && values[k] !== initial[k]);
  }, [values, initial]);
}
