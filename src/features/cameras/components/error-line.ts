// A failed call in words (describeError) for a field's help or a message, with
// the device's code small beside them, never alone.
import { useCallback } from 'react';
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
