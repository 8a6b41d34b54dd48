/**
 * renderer/i18n/i18n.ts reads the browser's languages and sets <html lang> as it loads; Node 20
 * has neither. Import this first in a unit test of a renderer module that translates: the
 * renderer's i18n then starts in English, and a test switches it with `i18n.changeLanguage`.
 */
const browser = globalThis as { navigator?: unknown; document?: unknown };
browser.navigator ??= { language: 'en-US', languages: ['en-US'] };
browser.document ??= { documentElement: { lang: '' } };

export {};
