import { Alert } from 'antd';
import { describeError } from '../../../api/device-error';
import { useLang, useT } from '../../../i18n';

/** A failure where it happened: what went wrong in words, what to do, the code small beside them. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const lang = useLang();
  const t = useT();
  const d = describeError(error, lang);
  return (
    <Alert
      type="error"
      showIcon
      title={title ?? d.title}
      description={
        <>
          {title && <div>{d.title}</div>}
          <div>{d.hint}</div>
          {d.code !== undefined && <div className="lib-muted">{t('error.device.code', { code: d.code })}</div>}
        </>
      }
    />
  );
}
