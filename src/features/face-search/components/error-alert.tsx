import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { describeError } from '../../../api/device-error';
import { useLang, useT } from '../../../i18n';
import { DeviceFileError } from '../api/recognition';
import { useFaceSearchT } from '../messages';

/** A failure where it happened: what went wrong in words, what to do, the code small beside them. */
export function ErrorAlert({ error, title, extra }: { error: unknown; title?: string; extra?: ReactNode }) {
  const lang = useLang();
  const t = useT();
  const tf = useFaceSearchT();
  if (!error) return null;
  const d =
    error instanceof DeviceFileError
      ? { title: tf('photo.deviceMissing', { status: error.status }), hint: '', code: undefined }
      : describeError(error, lang);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? d.title}
      description={
        <>
          {title && <div>{d.title}</div>}
          {d.hint && <div>{d.hint}</div>}
          {d.code !== undefined && <div className="fs-muted">{t('error.device.code', { code: d.code })}</div>}
          {extra && <div>{extra}</div>}
        </>
      }
    />
  );
}
