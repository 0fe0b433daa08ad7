// antd's default tokens miss WCAG AA's 4.5:1 for normal text in places every
// page uses: secondary / description text (45 % black: 3.4:1 on white),
// placeholders, link and primary blue (#2f6bff under white text: 4.49:1, 4.1:1
// on the grey page; its lighter hover 3.2:1) and the danger red (#ff4d4f:
// 3.3:1). The shell sets values that pass in both themes, so no page has to.
import { theme as antdTheme, type ThemeConfig } from 'antd';
import type { Theme } from '../theme-store';

/** 5.1:1 under white text and on white, 4.7:1 on #f5f5f5. */
const PRIMARY = '#2a62f0';

const LIGHT: ThemeConfig = {
  algorithm: antdTheme.defaultAlgorithm,
  token: {
    colorPrimary: PRIMARY,
    // antd derives a lighter hover; white text needs a darker one.
    colorPrimaryHover: '#2455d6',
    colorPrimaryActive: '#1c47b8',
    colorLink: PRIMARY,
    colorLinkHover: '#2455d6',
    colorLinkActive: '#1c47b8',
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    // Placeholders antd draws as text (a select's "Choose …") are checked like text.
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    borderRadius: 8,
  },
};

const DARK: ThemeConfig = {
  algorithm: antdTheme.darkAlgorithm,
  token: {
    colorPrimary: PRIMARY,
    colorLink: '#6b9bff',
    colorError: '#ff7875',
    colorTextTertiary: 'rgba(255, 255, 255, 0.62)',
    colorTextDescription: 'rgba(255, 255, 255, 0.65)',
    colorTextPlaceholder: 'rgba(255, 255, 255, 0.5)',
    borderRadius: 8,
  },
  // A light error red needs dark text on a solid danger button.
  components: { Button: { dangerColor: '#141414' } },
};

export function shellTheme(theme: Theme): ThemeConfig {
  return theme === 'dark' ? DARK : LIGHT;
}
