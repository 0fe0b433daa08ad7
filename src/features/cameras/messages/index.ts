// Every string the cameras feature shows, in both languages (zh-CN is the source).
// Each locale in its own file; zh-CN is the source, en-US has the same keys.
import { FACESIZE_MAX, FACESIZE_MIN, PORT_MAX, SIP_ID_MAX, THRESHOLD_MAX, THRESHOLD_MIN } from '../../../api/protocol/limits';
import { defineMessages } from '../../../i18n';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

export const useCameraT = defineMessages({ 'zh-CN': zhCN, 'en-US': enUS });

/** The limits every message may quote: reused from limits.ts, never retyped. */
export const LIMIT_VARS = {
  thresholdMin: THRESHOLD_MIN,
  thresholdMax: THRESHOLD_MAX,
  faceMin: FACESIZE_MIN,
  faceMax: FACESIZE_MAX,
  portMax: PORT_MAX,
  sipMax: SIP_ID_MAX,
} as const;
