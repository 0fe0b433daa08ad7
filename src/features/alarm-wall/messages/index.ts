// Every word the alarm wall shows, in both languages (the Appendix B / C
// attribute words are shared: src/i18n/attribute-words.ts). zh-CN is the source.
// Each locale in its own file; zh-CN is the source, en-US has the same keys.
import { defineMessages } from '../../../i18n';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

export const useWallT = defineMessages({ 'zh-CN': zhCN, 'en-US': enUS });

export type WallT = ReturnType<typeof useWallT>;
