import type { ThemeConfig } from 'antd';

/**
 * Colours dark enough for WCAG AA contrast on white (antd's defaults for links and secondary text
 * are lighter than 4.5:1), and touch targets large enough for a thumb.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b5cad',
    colorLink: '#0b5cad',
    colorSuccess: '#237804',
    colorWarning: '#ad6800',
    colorError: '#c41d1d',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    fontSize: 16,
    controlHeight: 40,
    borderRadius: 8,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
  },
};
