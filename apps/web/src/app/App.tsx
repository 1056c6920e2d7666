import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useEffect } from 'react';
import { RouterProvider } from 'react-router/dom';
import { restoreSession } from '@/lib/auth/session';
import { useLanguage } from '@/lib/i18n/use-i18n';
import { queryClient } from '@/lib/query-client';
import { router } from './router';
import { theme } from './theme';

export function App() {
  const language = useLanguage();

  useEffect(() => {
    void restoreSession();
  }, []);

  // Texts the API writes (category names, explanations, problems) follow the language too.
  useEffect(() => {
    void queryClient.invalidateQueries();
  }, [language]);

  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigProvider>
  );
}
