import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createInkwellClient } from './api/client.js';
import { ClientProvider } from './api/clientContext.js';
import './i18n/i18n.js';
import { App } from './app/App.js';
import { ErrorProvider } from './ui/errorReporting.js';
import { followLanguagePreference } from './i18n/languagePreference.js';
import { redrawWhenFontsLoad } from './ui/redrawWhenFontsLoad.js';
import { followThemePreference } from './ui/theme.js';
// The CJK fallback every page can use (the font stacks in base.css end with it): Noto Sans SC in
// the two weights the styles use (600 takes the 700 face), split by unicode-range so a page loads
// only the subsets of the characters it shows, served by the app itself.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/editor.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

redrawWhenFontsLoad();
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
