// A failure shown where it happened: what went wrong in words, what to do, and
// the device's code small beside them (never the code alone). Every page uses it.
import { Alert, Typography } from 'antd';
import type { ReactNode } from 'react';
import { describeError, type ErrorDescription } from '../api/device-error';
import { useLang, useT } from '../i18n';

export function ErrorAlert({
  error,
  title,
  action,
  extra,
  description,
}: {
  error: unknown;
  /** What was being done ("Saving failed"); the cause follows below it. */
  title?: string;
  action?: ReactNode;
  extra?: ReactNode;
  /** A page's own reading of an error describeError does not know. */
  description?: ErrorDescription;
}) {
  const lang = useLang();
  const t = useT();
  if (!error) return null;
  const d = description ?? describeError(error, lang);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      action={action}
      title={title ?? d.title}
      description={
        <>
          {title && <div>{d.title}</div>}
          {d.hint && <div>{d.hint}</div>}
          {d.code !== undefined && <Typography.Text type="secondary">{t('error.device.code', { code: d.code })}</Typography.Text>}
          {extra && <div>{extra}</div>}
        </>
      }
    />
  );
}
