// §3.20: a multi-select delete of any size, 50 ids per request.
import type { Call } from '../../../api/client';
import { DeviceError, NetworkError } from '../../../api/errors';
import { deleteFaces } from '../../../api/protocol/faces';
import { ID_LIST_MAX } from '../../../api/protocol/limits';
import { ErrorCode } from '../../../api/protocol/error-codes';

/** One batch of a multi-select delete and what the device said. */
export interface DeleteBatchResult {
  ids: string[];
  error: unknown;
}

/**
 * §3.20 takes at most 50 ids: more are deleted 50 at a time, in order, each
 * batch's answer reported as it comes. A refused batch does not stop the rest
 * (each batch stands alone on the device); an expired session or an unreachable
 * device does, since every later batch would fail the same way. The caller may
 * stop between batches too. Ids never sent are left out of the results.
 */
export async function deleteInBatches(
  send: Call,
  libId: number,
  ids: readonly string[],
  onBatch: (result: DeleteBatchResult, done: number) => void,
  shouldStop: () => boolean = () => false,
): Promise<DeleteBatchResult[]> {
  const results: DeleteBatchResult[] = [];
  let done = 0;
  for (let i = 0; i < ids.length && !shouldStop(); i += ID_LIST_MAX) {
    const batch = ids.slice(i, i + ID_LIST_MAX);
    let error: unknown = null;
    try {
      await send(deleteFaces, { lib_id: libId, img_ids: batch.join(',') });
    } catch (e) {
      error = e;
    }
    done += batch.length;
    const result = { ids: batch, error };
    results.push(result);
    onBatch(result, done);
    if ((error instanceof DeviceError && error.code === ErrorCode.NOT_LOGGED_IN) || error instanceof NetworkError) break;
  }
  return results;
}
