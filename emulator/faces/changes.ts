// The one place the library operations report that a library's faces changed
// (enrol, delete, batch delete, library deletion), so that whatever keeps
// descriptors in memory for 1:N search can drop its copy.
import type { EmulatorContext } from '../context';
import { invalidateLibrary } from './gallery-index';

export const LIBRARY_FACES_CHANGED = 'library-faces-changed';

/**
 * Called after every change to a library's set of faces (not after an edit of
 * person fields: descriptors do not change then). Drops the library's
 * in-memory descriptor matrix (gallery-index.ts), then tells any listener.
 */
export function onLibraryFacesChanged(ctx: EmulatorContext, libId: number): void {
  invalidateLibrary(ctx, libId);
  ctx.events.emit(LIBRARY_FACES_CHANGED, libId);
}
