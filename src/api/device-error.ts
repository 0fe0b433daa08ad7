// Any failure of a call, in the user's language: a title that says what went
// wrong in words, and a hint that says what to do. The code, when there is one,
// comes apart so the UI can show it small beside the words, never alone.
import { translate, type Lang } from '../i18n';
import { DeviceError, NetworkError, ProtocolError, RequestError } from './errors';
import { DEVICE_ERRORS } from './protocol/errors';
import { nodeLabel } from '../session/node-store';

export interface ErrorDescription {
  title: string;
  hint: string;
  /** The device's code (Appendix A), for a small "error code -113" beside the words. */
  code?: number;
}

/** Where the console reaches the device: itself when the device serves it, else the proxy. */
function deviceHost(): string {
  return typeof location !== 'undefined' && location.host ? location.host : 'localhost';
}

/**
 * Which device could not be reached, in words. In a fleet every node is behind
 * the console's own address, so that address would name the wrong thing: the
 * node's name (and site) does.
 */
function unreachable(error: NetworkError, lang: Lang): string {
  if (error.node === undefined) return translate(lang, 'error.network.title', { host: deviceHost() });
  return translate(lang, 'error.network.titleNode', { node: nodeLabel(error.node) });
}

export function describeError(error: unknown, lang: Lang): ErrorDescription {
  const zh = lang === 'zh-CN';
  if (error instanceof DeviceError) {
    const known = DEVICE_ERRORS[error.code];
    if (known) return { title: zh ? known.zhCN : known.en, hint: zh ? known.hintZh : known.hintEn, code: error.code };
    const generic = DEVICE_ERRORS[-1]!;
    return {
      title: translate(lang, 'error.device.unknown', { code: error.code }),
      hint: zh ? generic.hintZh : generic.hintEn,
      code: error.code,
    };
  }
  if (error instanceof NetworkError) {
    return {
      title: unreachable(error, lang),
      hint: error.status ? translate(lang, 'error.network.hintStatus', { status: error.status }) : translate(lang, 'error.network.hint'),
    };
  }
  if (error instanceof ProtocolError) {
    return { title: translate(lang, 'error.protocol.title'), hint: translate(lang, 'error.protocol.hint', { detail: error.detail }) };
  }
  if (error instanceof RequestError) {
    return { title: translate(lang, 'error.request.title'), hint: translate(lang, 'error.request.hint', { detail: error.detail }) };
  }
  return {
    title: translate(lang, 'error.unknown.title'),
    hint: error instanceof Error && error.message ? error.message : String(error),
  };
}
