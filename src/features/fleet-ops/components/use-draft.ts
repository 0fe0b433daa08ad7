// A form's unsaved values, kept in this tab's sessionStorage: a stray click to
// another page, a reload, or signing in to a node elsewhere loses nothing.
// Only what the form holds (no secret: the push key is the device's setting,
// shown in its form anyway).
import { useCallback, useState } from 'react';

const PREFIX = 'nebula.fleet-settings.';
/** A draft larger than this is not a form's: it is not kept. */
const DRAFT_MAX_CHARS = 16_000;

function read<T>(key: string): T | null {
  try {
    const text = sessionStorage.getItem(PREFIX + key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

export function useDraft<T extends object>(key: string) {
  const [draft, setDraft] = useState<T | null>(() => read<T>(key));
  const save = useCallback(
    (values: T) => {
      const text = JSON.stringify(values);
      if (text.length <= DRAFT_MAX_CHARS) sessionStorage.setItem(PREFIX + key, text);
      setDraft(values);
    },
    [key],
  );
  const clear = useCallback(() => {
    sessionStorage.removeItem(PREFIX + key);
    setDraft(null);
  }, [key]);
  return { draft, save, clear };
}
