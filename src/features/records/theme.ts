// WCAG AA asks 4.5:1 for body text. antd's tertiary / description text
// (rgba(0,0,0,.45): 3.4:1 on white), its placeholders (1.8:1), its link blue
// (#1677ff: 4.1:1), its red (#ff4d4f: 3.3:1) and the shell's primary (#2f6bff: 4.49:1 under white text,
// 4.1:1 on the grey page; its lighter hover 3.2:1) fall short, and this page is
// full of them (labels, captions, tabs, buttons, links). Nudged here for the
// page only; if the shell's theme adopts the same, this can go.
import type { ThemeConfig } from 'antd';

/** List tags, solid: antd's light green preset is 3.4:1. */
export const LIST_TAG_COLOURS = { 1: '#cf1322', 2: '#237804' } as const;

export const ACCESSIBLE_THEME: ThemeConfig = {
  token: {
    colorPrimary: '#2a62f0',
    // antd derives a lighter hover; white text needs a darker one.
    colorPrimaryHover: '#2455d6',
    colorPrimaryActive: '#1c47b8',
    colorLink: '#2a62f0',
    colorLinkHover: '#2455d6',
    colorLinkActive: '#1c47b8',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // Danger buttons' text (#ff4d4f: 3.3:1).
    colorError: '#cf1322',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
  },
};
