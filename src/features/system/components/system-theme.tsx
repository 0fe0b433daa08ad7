// antd's defaults miss WCAG's 4.5:1 for normal text in places the system page
// uses a lot: secondary text and field help (#8c8c8c on white, 3.4:1), the
// shell's primary (#2f6bff: 4.50 on white, 4.1 on the grey page behind the
// tabs) and the danger red (#ff4d4f, 3.3:1). Scoped here until the shell's
// theme takes it over; in the dark theme only the text tokens change.
import { ConfigProvider, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTheme } from '../../../app/theme-store';

/** 5.1:1 on white and 4.7:1 on #f5f5f5; the eye does not tell it from #2f6bff. */
const PRIMARY_LIGHT = '#2a62f0';
/** antd's red-7: 5.6:1 on white. */
const ERROR_LIGHT = '#cf1322';

export function SystemTheme({ children }: { children: ReactNode }) {
  const dark = useTheme() === 'dark';
  const { token } = theme.useToken();
  return (
    <ConfigProvider
      theme={{
        token: {
          colorTextDescription: token.colorTextSecondary,
          colorTextTertiary: token.colorTextSecondary,
          ...(dark ? {} : { colorPrimary: PRIMARY_LIGHT, colorLink: PRIMARY_LIGHT, colorError: ERROR_LIGHT }),
        },
      }}
    >
      {children}
    </ConfigProvider>
  );
}
