// antd's light tokens that fall short of WCAG AA (4.5:1) for text on white:
// the shell's colorPrimary #2f6bff (4.499:1: links, primary buttons, the active
// tab), colorError #ff4d4f (3.2:1: danger buttons, form errors) and the 45 %
// black of secondary text (3.4:1) and the 25 % of placeholders. This feature's pages use darker values in
// the light theme; the dark theme's own tokens are left alone.
import { ConfigProvider, theme } from 'antd';
import type { ReactNode } from 'react';

const ACCESSIBLE_PRIMARY = '#2a62f0';
const LIGHT_FIXES = {
  colorPrimary: ACCESSIBLE_PRIMARY,
  colorLink: ACCESSIBLE_PRIMARY,
  colorError: '#cf1322',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
  // Placeholders antd draws as text (a select's "Choose …") are checked like text.
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
};

/** Relative lightness of "#rrggbb", 0-1 (the container's background tells light from dark). */
function lightness(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex);
  if (!m) return 1;
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => parseInt(h, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function CamerasTheme({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  if (lightness(token.colorBgContainer) < 0.5) return children;
  return <ConfigProvider theme={{ token: LIGHT_FIXES }}>{children}</ConfigProvider>;
}
