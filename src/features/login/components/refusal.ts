import { describeError } from '../../../api/device-error';
import { DeviceError } from '../../../api/errors';
import { ErrorCode } from '../../../api/protocol/error-codes';
import type { Lang, T } from '../../../i18n';

/** Why a node refused a sign-in, in words (the device's reason through the error mapping). */
export function describeRefusal(error: unknown, lang: Lang, t: T): { title: string; hint?: string; code?: number } {
  const described = describeError(error, lang);
  // The device's own English for -113 is "Username or password error": say it plainly.
  if (error instanceof DeviceError && error.code === ErrorCode.BAD_CREDENTIALS) return { ...described, title: t('login.wrongCredentials') };
  return described;
}
