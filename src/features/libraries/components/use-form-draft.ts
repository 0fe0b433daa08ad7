import type { FormInstance } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { clearDraft, readDraft, writeDraft } from '../lib/drafts';

/**
 * Keeps an antd form's values in a sessionStorage draft while the user types,
 * and offers them back as the form's initial values when the same form opens
 * again (after a session expiry and a new login, or a reload). `key` is null
 * while the form is closed. Each opening needs a form instance of its own
 * (useOpening as the modal's key) so the Form takes `initial`.
 */
export function useFormDraft<T extends object>(form: FormInstance<T>, key: string | null) {
  const initial = useMemo(() => (key ? readDraft<T>(key) : null), [key]);
  const [dropped, setDropped] = useState<string | null>(null);
  const restored = initial !== null && dropped !== key;
  // Set by discard (a save or a discard), cleared by the next edit: a saved
  // form is clean at once, though antd still counts its fields as touched
  // until the drawer or dialog has finished closing (Esc then asked to
  // "discard" what had just been saved).
  const clean = useRef(false);
  // Within one opening a Form can unmount and come back (a drawer's view and
  // edit modes); the instance keeps its store and a remounted Form prefers it
  // to its initialValues: start each edit clean.
  useEffect(() => {
    if (key) form.resetFields();
  }, [form, key]);

  /** For onValuesChange. */
  const keep = useCallback(
    (_changed: unknown, all: T) => {
      clean.current = false;
      if (key) writeDraft(key, all);
    },
    [key],
  );
  /** After a save, or when the user chose to discard. */
  const discard = useCallback(() => {
    if (key) clearDraft(key);
    clean.current = true;
    setDropped(key);
  }, [key]);
  /** Restored input counts as unsaved even before the user touches it again. */
  const isDirty = useCallback(() => !clean.current && (restored || form.isFieldsTouched()), [form, restored]);
  return { initial, restored, keep, discard, isDirty };
}
