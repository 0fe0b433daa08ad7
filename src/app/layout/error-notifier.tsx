import { App } from 'antd';
import { useEffect } from 'react';
import { describeError } from '../../api/device-error';
import { currentLang, translate } from '../../i18n';
import { setErrorSink } from '../notifier';

/** Shows what no page handled (see query-client.ts) as an antd notification. */
export function ErrorNotifier() {
  const { notification } = App.useApp();
  useEffect(
    () =>
      setErrorSink((error) => {
        const lang = currentLang();
        const { title, hint, code } = describeError(error, lang);
        notification.error({
          // The same failure from several queries shows once.
          key: title,
          title,
          description: (
            <>
              <div>{hint}</div>
              {code !== undefined && (
                <div style={{ marginTop: 4, fontSize: 12, opacity: 0.65 }}>{translate(lang, 'error.device.code', { code })}</div>
              )}
            </>
          ),
        });
      }),
    [notification],
  );
  return null;
}
