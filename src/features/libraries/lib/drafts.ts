// Unsaved form input, kept in sessionStorage while a form is dirty. A session
// that expires sends the user to the login page, which unmounts every form;
// the form's place is in the URL (?enrol=1, ?face=…&edit=1, ?library=…), so
// after logging in again the same form opens and finds its draft. The drafts
// die with the tab, like the session, and a form clears its own on save or on
// an explicit discard.

const PREFIX = 'nebula.libraries.draft:';

export function draftKey(...parts: (string | number)[]): string {
  return PREFIX + parts.join('|');
}

export function readDraft<T extends object>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null ? (value as T) : null;
  } catch {
    return null;
  }
}

/** False when the browser refused it (quota): the form still works, the draft is just not kept. */
export function writeDraft(key: string, value: object): boolean {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Storage unavailable: nothing was kept either.
  }
}

/** A small picture as a data URL, to keep with a draft; big ones are not kept (sessionStorage holds ~5 MB). */
export const DRAFT_PICTURE_MAX = 1_500_000;

export function fileToDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

export function dataUrlToFile(dataUrl: string, name: string): File | null {
  const m = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(dataUrl);
  if (!m) return null;
  try {
    const body = m[2] ? atob(m[3]!) : decodeURIComponent(m[3]!);
    const bytes = new Uint8Array(body.length);
    for (let i = 0; i < body.length; i++) bytes[i] = body.charCodeAt(i);
    return new File([bytes], name, { type: m[1] || 'application/octet-stream' });
  } catch {
    return null;
  }
}
