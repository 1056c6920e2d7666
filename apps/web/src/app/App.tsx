import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { RouterProvider } from 'react-router/dom';
import { restoreSession } from '@/lib/auth/session';
import { useLanguage } from '@/lib/i18n/use-i18n';
import { queryClient } from '@/lib/query-client';
import { router } from './router';

/** No Ant Design here: its provider wraps only the officers' routes (layout/StaffLayout, lazy). */
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
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
