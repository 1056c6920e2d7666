import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { Outlet } from 'react-router';
import { useLanguage } from '@/lib/i18n/use-i18n';
import { theme } from '../theme';

/**
 * Ant Design's provider for the officers' pages (and sign-in), loaded with them on demand: the
 * public pages never import antd, so a worker's phone never downloads it.
 */
export function StaffLayout() {
  const language = useLanguage();
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <Outlet />
    </ConfigProvider>
  );
}
