import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { configQueryOptions } from './features/config/api/get-config';
import { activateLocale, t } from './i18n/i18n';
import { negotiateLocale, requestedLocales } from './i18n/negotiate-locale';
import './styles.css';

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// The language is settled before the first render, so no text shows in one language, then another;
// the settings are asked for meanwhile, not after.
void queryClient.prefetchQuery(configQueryOptions());
void activateLocale(negotiateLocale(requestedLocales(window.location.search, navigator.languages))).then(
  (locale) => {
    document.documentElement.lang = locale.tag;
    document.documentElement.dir = locale.dir;
    // The supervisor's and the administrator's faces name their tab themselves (other-faces.tsx).
    document.title = t('app.title');
    createRoot(root).render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <App locale={locale} />
        </QueryClientProvider>
      </StrictMode>,
    );
  },
);
