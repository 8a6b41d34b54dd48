import i18next, { type i18n as I18n } from 'i18next';
import './i18nextTypes.js';
import { DEFAULT_LANGUAGE, type Language } from './languages.js';
import { DEFAULT_NAMESPACE, namespaces, resources } from './resources.js';

export type { I18n };
type I18nModule = Parameters<I18n['use']>[0];

/**
 * One i18next instance with every string already in memory, initialised synchronously so the
 * first render (or the first menu) is already in the writer's language.
 */
export function createI18n(language: Language, modules: readonly I18nModule[] = []): I18n {
  const instance = i18next.createInstance();
  for (const module of modules) instance.use(module);
  void instance.init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: Object.keys(resources),
    ns: namespaces,
    defaultNS: DEFAULT_NAMESPACE,
    // React escapes what it renders, and menu labels are not HTML.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
