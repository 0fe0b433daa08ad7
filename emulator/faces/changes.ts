// The one place the library operations report that a library's faces changed
// (enrol, delete, batch delete, library deletion), so that whatever keeps
// descriptors in memory for 1:N search can drop its copy.
import type { EmulatorContext } from '../context';

export const LIBRARY_FACES_CHANGED = 'library-faces-changed';

/**
 * Called after every change to a library's set of faces (not after an edit of
 * person fields: descriptors do not change then).
 * TODO(engine): wire emulator/faces/gallery-index.ts here (its invalidation
 * function) once it exists; until then listeners can subscribe to the event.
 */
export function onLibraryFacesChanged(ctx: EmulatorContext, libId: number): void {
  ctx.events.emit(LIBRARY_FACES_CHANGED, libId);
}
