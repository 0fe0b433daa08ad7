// Each locale in its own file; zh-CN is the source, en-US has the same keys.
import { defineMessages } from '../../../i18n';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

export const useDistributeT = defineMessages({ 'zh-CN': zhCN, 'en-US': enUS });
