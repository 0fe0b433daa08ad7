import { ConfigProvider, theme } from 'antd';
import type { ReactNode } from 'react';

/**
 * On white, a few of antd's light tokens fall short of WCAG AA's 4.5:1 for
 * text, and axe flags every element using them: the shell's colorPrimary
 * #2f6bff (4.499:1, links and primary buttons), colorError #ff4d4f (3.2:1,
 * danger buttons, form errors) and colorTextDescription at 45 % black (3.4:1,
 * breadcrumbs, statistic titles, form hints). The dark theme's derived link,
 * error and description colours fall short on #141414 the same way. This
 * feature's pages use values that pass (4.5:1 or better) in both themes until
 * the shell's tokens move.
 */
export const ACCESSIBLE_PRIMARY = '#2a62f0';

const LIGHT_FIXES = {
  colorPrimary: ACCESSIBLE_PRIMARY,
  colorLink: ACCESSIBLE_PRIMARY,
  colorError: '#cf1322',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
};

const DARK_FIXES = {
  colorLink: '#6b9bff',
  colorError: '#ff7875',
  colorTextDescription: 'rgba(255, 255, 255, 0.65)',
};
/** A light error red needs dark text on a solid danger button. */
const DARK_COMPONENTS = { Button: { dangerColor: '#141414' } };

/** Perceived lightness of a "#rrggbb" colour, 0-1. */
function lightness(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex);
  if (!m) return 1;
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => parseInt(h, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function FeatureTheme({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  const dark = lightness(token.colorBgContainer) < 0.5;
  return (
    <ConfigProvider theme={dark ? { token: DARK_FIXES, components: DARK_COMPONENTS } : { token: LIGHT_FIXES }}>{children}</ConfigProvider>
  );
}
