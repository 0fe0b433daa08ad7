// antd's language, theme and habits for the whole signed-in console, with
// dayjs's locale switched beside antd's: antd's date pickers take their month
// and weekday names, and the first day of the week, from dayjs's global locale
// (zh-cn starts weeks on Monday), so antd's zh_CN alone gave "2026年Dec".
import { ConfigProvider } from 'antd';
import enUSLocale from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { EllipsisOutlined } from '../../components/icons';
import { useLang, useT } from '../../i18n';
import type { Theme } from '../theme-store';
import { shellTheme } from './accessible-theme';

const ANTD_LOCALES = { 'zh-CN': zhCNLocale, 'en-US': enUSLocale } as const;
const DAYJS_LOCALES = { 'zh-CN': 'zh-cn', 'en-US': 'en' } as const;

export function AntdProvider({ theme, children }: { theme: Theme; children: ReactNode }) {
  const lang = useLang();
  const t = useT();
  // Set while rendering, not in an effect: a picker rendered in this pass reads it now.
  // dayjs.locale is global and idempotent.
  dayjs.locale(DAYJS_LOCALES[lang]);
  return (
    <ConfigProvider
      locale={ANTD_LOCALES[lang]}
      theme={shellTheme(theme)}
      // "还 原", "音 量": antd spaces out two-character Chinese labels by default.
      button={{ autoInsertSpace: false }}
      // The tab strip's overflow button was named "ellipsis", its icon's name.
      tabs={{ moreIcon: <EllipsisOutlined aria-label={t('tabs.more')} /> }}
    >
      {children}
    </ConfigProvider>
  );
}
