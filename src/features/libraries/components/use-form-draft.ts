import type { FormInstance } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { clearDraft, readDraft, writeDraft } from '../lib/drafts';

/**
 * Keeps an antd form's values in a sessionStorage draft while the user types,
 * and offers them back as the form's initial values when the same form opens
 * again (after a session expiry and a new login, or a reload). `key` is null
 * while the form is closed. The form must mount fresh on each open (Modal /
 * Drawer destroyOnHidden) and empty its store as it goes (`clearOnDestroy`): a
 * form instance outlives the unmount, and a remounted Form prefers its old
 * store to the new initialValues (an edit opened on the last form's values).
 */
export function useFormDraft<T extends object>(form: FormInstance<T>, key: string | null) {
  const initial = useMemo(() => (key ? readDraft<T>(key) : null), [key]);
  const [dropped, setDropped] = useState<string | null>(null);
  const restored = initial !== null && dropped !== key;
  /** For onValuesChange. */
  const keep = useCallback(
    (_changed: unknown, all: T) => {
      if (key) writeDraft(key, all);
    },
    [key],
  );
  /** After a save, or when the user chose to discard. */
  const discard = useCallback(() => {
    if (key) clearDraft(key);
    setDropped(key);
  }, [key]);
  /** Restored input counts as unsaved even before the user touches it again. */
  const isDirty = useCallback(() => restored || form.isFieldsTouched(), [form, restored]);
  return { initial, restored, keep, discard, isDirty };
}
