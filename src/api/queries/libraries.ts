// The library list (§3.1, 1028: a few dozen at most, one call) is read by the
// libraries pages, the cameras' library picker, the wall's and the records'
// filters and the face search. One query, one key: creating, renaming or
// deleting a library, or enrolling into one (its count), invalidates
// libraryQueries.all() and every screen shows the change at once.
import { queryOptions } from '@tanstack/react-query';
import { call } from '../device';
import { listLibraries } from '../protocol/libraries';

export const libraryQueries = {
  /** Every library key starts here (a feature's galleries too), so one invalidation refreshes them all. */
  all: () => ['libraries'] as const,
  list: () =>
    queryOptions({
      queryKey: [...libraryQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => call(listLibraries, {}, { signal }),
    }),
};
