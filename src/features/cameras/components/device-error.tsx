// A failed call in words (describeError), with the device's code small beside
// them, never alone.
import { Alert } from 'antd';
import { useCallback, type ReactNode } from 'react';
import { describeError, type ErrorDescription } from '../../../api/device-error';
import { useLang, useT } from '../../../i18n';

export function useDescribeError(): (error: unknown) => ErrorDescription {
  const lang = useLang();
  return useCallback((error: unknown) => describeError(error, lang), [lang]);
}

/** "Title — hint (error code -151)": one line, for a field's help or a message. */
export function useErrorLine(): (error: unknown) => string {
  const describe = useDescribeError();
  const t = useT();
  return useCallback(
    (error: unknown) => {
      const d = describe(error);
      const code = d.code !== undefined ? ` (${t('error.device.code', { code: d.code })})` : '';
      return `${d.title}. ${d.hint}${code}`;
    },
    [describe, t],
  );
}

export function DeviceErrorAlert({ error, title, action }: { error: unknown; title?: string; action?: ReactNode }) {
  const describe = useDescribeError();
  const t = useT();
  const d = describe(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      action={action}
      title={title ? `${title}: ${d.title}` : d.title}
      description={
        <>
          {d.hint}
          {d.code !== undefined && <span className="cameras__code"> · {t('error.device.code', { code: d.code })}</span>}
        </>
      }
    />
  );
}
