import { Alert, Button, Modal, Progress } from 'antd';
import { useRef, useState } from 'react';
import { describeError } from '../../../api/device-error';
import type { FaceRecord } from '../../../api/protocol/faces';
import { ID_LIST_MAX } from '../../../api/protocol/limits';
import { useLang } from '../../../i18n';
import { useBulkDelete, type DeleteBatchResult } from '../api/gallery-queries';
import { useLibT } from '../messages';
import { personLabel } from './face-grid';

const NAMES_SHOWN = 8;

/**
 * Deletes the selection (§3.20): confirm naming who goes, then batches of 50
 * with a progress bar, then what each batch came to. Stop ends after the batch
 * in flight.
 */
export function BulkDeleteModal({
  open,
  libId,
  libName,
  faces,
  onClose,
}: {
  open: boolean;
  libId: number;
  libName: string;
  faces: readonly FaceRecord[];
  /** The ids that are gone from the device. */
  onClose: (deleted: string[]) => void;
}) {
  const t = useLibT();
  const lang = useLang();
  const bulk = useBulkDelete(libId);
  const [done, setDone] = useState(0);
  const [results, setResults] = useState<DeleteBatchResult[]>([]);
  const stop = useRef(false);
  const total = faces.length;
  const batches = Math.ceil(total / ID_LIST_MAX);
  const phase = bulk.isPending ? 'running' : bulk.isSuccess || bulk.isError ? 'done' : 'confirm';

  const start = () => {
    stop.current = false;
    setDone(0);
    setResults([]);
    bulk.mutate({
      ids: faces.map((f) => f.img_id),
      onBatch: (r, n) => {
        setDone(n);
        setResults((prev) => [...prev, r]);
      },
      shouldStop: () => stop.current,
    });
  };

  const finish = () => {
    const deleted = results.filter((r) => r.error === null).flatMap((r) => r.ids);
    bulk.reset();
    setResults([]);
    setDone(0);
    onClose(deleted);
  };

  const failed = results.filter((r) => r.error !== null);
  const deletedCount = results.filter((r) => r.error === null).reduce((n, r) => n + r.ids.length, 0);
  const notSent = total - results.reduce((n, r) => n + r.ids.length, 0);
  const byId = new Map(faces.map((f) => [f.img_id, f]));

  return (
    <Modal
      open={open}
      title={t('bulk.title', { count: total, name: libName })}
      closable={phase !== 'running'}
      mask={{ closable: false }}
      keyboard={phase !== 'running'}
      onCancel={phase === 'done' ? finish : phase === 'confirm' ? () => onClose([]) : undefined}
      destroyOnHidden
      footer={
        phase === 'confirm'
          ? [
              <Button key="c" onClick={() => onClose([])}>
                {t('action.cancel')}
              </Button>,
              <Button key="d" danger type="primary" onClick={start}>
                {t('bulk.confirm', { count: total })}
              </Button>,
            ]
          : phase === 'running'
            ? [
                <Button key="s" onClick={() => (stop.current = true)}>
                  {t('bulk.stop')}
                </Button>,
              ]
            : [
                <Button key="x" type="primary" onClick={finish}>
                  {t('action.close')}
                </Button>,
              ]
      }
    >
      {phase === 'confirm' && (
        <>
          <p>{t('bulk.body', { count: total })}</p>
          <ul className="lib-name-list">
            {faces.slice(0, NAMES_SHOWN).map((f) => (
              <li key={f.img_id}>{personLabel(f)}</li>
            ))}
            {total > NAMES_SHOWN && <li>{t('bulk.more', { count: total - NAMES_SHOWN })}</li>}
          </ul>
          {batches > 1 && <p className="lib-muted">{t('bulk.batches', { size: ID_LIST_MAX, batches })}</p>}
        </>
      )}
      {phase !== 'confirm' && (
        <>
          <Progress
            percent={total ? Math.round((done / total) * 100) : 0}
            status={failed.length ? 'exception' : phase === 'done' ? 'success' : 'active'}
            aria-label={t('bulk.progress')}
          />
          <div role="status" aria-live="polite">
            {phase === 'running'
              ? t('bulk.running', { done, total, batch: results.length + 1, batches })
              : t('bulk.result', { deleted: deletedCount, total })}
          </div>
        </>
      )}
      {phase === 'done' && (
        <div className="bulk-results">
          {failed.length === 0 && notSent === 0 && <Alert type="success" showIcon title={t('bulk.allDeleted', { count: deletedCount })} />}
          {failed.map((r, i) => {
            const d = describeError(r.error, lang);
            return (
              <Alert
                key={i}
                type="error"
                showIcon
                title={t('bulk.batchFailed', { count: r.ids.length, error: d.title })}
                description={
                  <>
                    <div>{d.hint}</div>
                    <div className="lib-small">
                      {r.ids.map((id) => personLabel(byId.get(id) ?? { person_name: '', img_id: id })).join(', ')}
                    </div>
                  </>
                }
              />
            );
          })}
          {notSent > 0 && <Alert type="warning" showIcon title={t('bulk.notSent', { count: notSent })} />}
        </div>
      )}
    </Modal>
  );
}
