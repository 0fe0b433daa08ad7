// §3.21 (1045): the only delete of records. The dialog counts what is lost
// before it offers the button, and asks for a typed word.
import { ExclamationCircleFilled } from '../../../components/icons';
import { App, Form, Input, Modal, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useDeleteAllRecords } from '../api/record-exports';
import { recordQueries } from '../api/record-queries';
import { useRecordsT } from '../messages';
import { ErrorAlert } from '../../../components/error-alert';

export function DeleteAllDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return open ? <DeleteAllConfirm onClose={onClose} /> : null;
}

function DeleteAllConfirm({ onClose }: { onClose: () => void }) {
  const t = useRecordsT();
  const { message } = App.useApp();
  const id = useId();
  const [typed, setTyped] = useState('');
  const totals = useQuery({ ...recordQueries.totals(), meta: { errorHandled: true } });
  const del = useDeleteAllRecords();
  const word = t('delete.word');
  const ready = totals.isSuccess && typed.trim() === word;

  const confirm = () => {
    if (!ready) return;
    del.mutate(undefined, {
      onSuccess: () => {
        message.success(t('delete.done'));
        onClose();
      },
    });
  };

  return (
    <Modal
      open
      title={
        <span>
          <ExclamationCircleFilled style={{ color: '#ff4d4f', marginInlineEnd: 8 }} aria-hidden />
          {t('delete.title')}
        </span>
      }
      okText={t('delete.confirm')}
      okButtonProps={{ danger: true, disabled: !ready, loading: del.isPending }}
      cancelText={t('delete.cancel')}
      cancelButtonProps={{ disabled: del.isPending }}
      onOk={confirm}
      onCancel={del.isPending ? undefined : onClose}
      mask={{ closable: !del.isPending }}
      keyboard={!del.isPending}
    >
      {totals.isPending && (
        <Typography.Paragraph>
          <Spin size="small" /> {t('delete.counting')}
        </Typography.Paragraph>
      )}
      {totals.isError && <ErrorAlert error={totals.error} />}
      {totals.isSuccess && (
        <>
          <Typography.Paragraph strong>{t('delete.lost')}</Typography.Paragraph>
          <ul className="records-lost">
            <li>{t('delete.snapshots', { n: totals.data.snapshots, alarms: totals.data.alarms })}</li>
            <li>{t('delete.bodies', { n: totals.data.bodies })}</li>
            <li>{t('delete.pictures')}</li>
          </ul>
          <Typography.Paragraph>{t('delete.kept')}</Typography.Paragraph>
          <Form layout="vertical" onFinish={confirm}>
            <Form.Item label={t('delete.typeWord', { word })} htmlFor={`${id}-word`}>
              <Input id={`${id}-word`} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
            </Form.Item>
          </Form>
        </>
      )}
      <ErrorAlert error={del.error} />
    </Modal>
  );
}
