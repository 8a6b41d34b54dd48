import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createInkwellClient } from './api/client.js';
import { ClientProvider } from './api/clientContext.js';
import './i18n/i18n.js';
import { App } from './app/App.js';
import { ErrorProvider } from './ui/errorReporting.js';
import { followLanguagePreference } from './i18n/languagePreference.js';
import { followThemePreference } from './ui/theme.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/editor.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

const client = createInkwellClient();
const languages = followLanguagePreference(client);
followThemePreference(client);
createRoot(container).render(
  <StrictMode>
    <ClientProvider client={client}>
      <ErrorProvider>
        <App languages={languages} />
      </ErrorProvider>
    </ClientProvider>
  </StrictMode>,
);
