// The system page's words, in both languages. Device text (ids, addresses,
// file names) goes in through {placeholders} and is rendered as text.
// Each locale in its own file; zh-CN is the source, en-US has the same keys.
import { defineMessages } from '../../../i18n';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

export const useSystemT = defineMessages({ 'zh-CN': zhCN, 'en-US': enUS });
