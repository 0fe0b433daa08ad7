import { Alert } from 'antd';
import { describeError } from '../../../api/device-error';
import { useLang, useT } from '../../../i18n';

/** A failure where it happened: what went wrong in words, what to do, the code small beside them. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const lang = useLang();
  const t = useT();
  if (!error) return null;
  const d = describeError(error, lang);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? d.title}
      description={
        <>
          {title && <div>{d.title}</div>}
          <div>{d.hint}</div>
          {d.code !== undefined && <div className="records-muted">{t('error.device.code', { code: d.code })}</div>}
        </>
      }
    />
  );
}
