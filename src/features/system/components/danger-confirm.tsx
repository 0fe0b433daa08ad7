// The confirmation of every action that can cut the device off or wipe
// settings: it names the device and lists what happens, and for the worst
// ones asks for the device id to be typed.
import { ExclamationCircleFilled } from '../../../components/icons';
import { Form, Input, Modal, Typography } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import { useSystemT } from '../messages';
import { ErrorAlert } from '../../../components/error-alert';

export interface DangerConfirmProps {
  open: boolean;
  title: string;
  deviceName: string;
  /** What will happen, one line each. */
  consequences: ReactNode[];
  /** What stays as it is, when that is the reassuring part. */
  kept?: ReactNode[];
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending?: boolean;
  error?: unknown;
  /** Ask for the device id before the button works. */
  typeToConfirm?: boolean;
  /**
   * What happens is still being read (a line of it changes when the answer
   * comes): the button waits, so a click is not made on a dialog that moves
   * under it.
   */
  preparing?: boolean;
  children?: ReactNode;
}

export function DangerConfirm(props: DangerConfirmProps) {
  // A fresh typed text for every opening.
  return props.open ? <DangerConfirmDialog {...props} /> : null;
}

function DangerConfirmDialog({
  title,
  deviceName,
  consequences,
  kept,
  confirmLabel,
  onConfirm,
  onCancel,
  pending,
  error,
  typeToConfirm,
  preparing = false,
  children,
}: DangerConfirmProps) {
  const t = useSystemT();
  const ids = useId();
  const [typed, setTyped] = useState('');
  const ready = !typeToConfirm || typed.trim() === deviceName;
  return (
    <Modal
      open
      title={
        <span>
          <ExclamationCircleFilled style={{ color: '#faad14', marginInlineEnd: 8 }} aria-hidden />
          {title}
        </span>
      }
      okText={confirmLabel}
      okButtonProps={{ danger: true, disabled: !ready || preparing, loading: pending }}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ disabled: pending }}
      onOk={onConfirm}
      onCancel={pending ? undefined : onCancel}
      mask={{ closable: !pending }}
      keyboard={!pending}
    >
      <Typography.Paragraph>
        {t('confirm.device')} <Typography.Text strong>{deviceName}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph strong>{t('confirm.happens')}</Typography.Paragraph>
      <ul className="system-list">
        {consequences.map((c, i) => (
          <li key={i}>{c}</li>
        ))}
      </ul>
      {kept && kept.length > 0 && (
        <>
          <Typography.Paragraph strong>{t('confirm.kept')}</Typography.Paragraph>
          <ul className="system-list">
            {kept.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      )}
      {children}
      {typeToConfirm && (
        <Form layout="vertical" onFinish={() => ready && onConfirm()}>
          <Form.Item label={t('confirm.typeId', { device: deviceName })} htmlFor={`${ids}-typed`}>
            <Input id={`${ids}-typed`} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </Form.Item>
        </Form>
      )}
      <ErrorAlert error={error} />
    </Modal>
  );
}
