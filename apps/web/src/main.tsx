import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/App';
import { getLanguage } from '@/lib/i18n/language';
import { loadDictionary } from '@/lib/i18n/use-i18n';
import '@/app/global.css';
import '@/components/public-ui/public-ui.css';

const root = document.getElementById('root');
if (root) {
  // A visitor who chose English (or whose browser asks for it) gets its texts before the first paint.
  void loadDictionary(getLanguage())
    .catch(() => undefined)
    .then(() =>
      createRoot(root).render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    );
}
