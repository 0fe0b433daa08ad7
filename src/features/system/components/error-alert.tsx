import { Alert } from 'antd';
import { describeError } from '../../../api/device-error';
import { useLang, useT } from '../../../i18n';

/** A failure where it happened: what went wrong and what to do, the device's code small beside. */
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
      title={title ? `${title}: ${d.title}` : d.title}
      description={
        <>
          <div>{d.hint}</div>
          {d.code !== undefined && <div className="system-code">{t('error.device.code', { code: d.code })}</div>}
        </>
      }
    />
  );
}
