/**
 * Types every `t('namespace:key')` call against the English resources, so a misspelt key or a
 * missing placeholder is a compile error in main and in the renderer alike.
 */
import type { englishResources } from './resources.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof englishResources;
  }
}

export {};
