/**
 * Every UI string, by language and namespace. English is the source: each Chinese namespace is
 * typed against it, so a key missing in Chinese does not compile (and a test checks the same at
 * run time, with placeholders).
 */
import type { Language } from './languages.js';
import { app } from './locales/en/app.js';
import { common } from './locales/en/common.js';
import { editor } from './locales/en/editor.js';
import { errors } from './locales/en/errors.js';
import { generation } from './locales/en/generation.js';
import { importExport } from './locales/en/importExport.js';
import { lorebook } from './locales/en/lorebook.js';
import { menu } from './locales/en/menu.js';
import { models } from './locales/en/models.js';
import { templates } from './locales/en/templates.js';
import { app as appZh } from './locales/zh-CN/app.js';
import { common as commonZh } from './locales/zh-CN/common.js';
import { editor as editorZh } from './locales/zh-CN/editor.js';
import { errors as errorsZh } from './locales/zh-CN/errors.js';
import { generation as generationZh } from './locales/zh-CN/generation.js';
import { importExport as importExportZh } from './locales/zh-CN/importExport.js';
import { lorebook as lorebookZh } from './locales/zh-CN/lorebook.js';
import { menu as menuZh } from './locales/zh-CN/menu.js';
import { models as modelsZh } from './locales/zh-CN/models.js';
import { templates as templatesZh } from './locales/zh-CN/templates.js';

export const englishResources = {
  common,
  app,
  editor,
  generation,
  templates,
  importExport,
  models,
  errors,
  menu,
  lorebook,
} as const;

export type Namespace = keyof typeof englishResources;
export const namespaces = Object.keys(englishResources) as Namespace[];
export const DEFAULT_NAMESPACE = 'common' satisfies Namespace;

type Resources = { [N in Namespace]: object };

export const resources: Record<Language, Resources> = {
  en: englishResources,
  'zh-CN': {
    common: commonZh,
    app: appZh,
    editor: editorZh,
    generation: generationZh,
    templates: templatesZh,
    importExport: importExportZh,
    models: modelsZh,
    errors: errorsZh,
    menu: menuZh,
    lorebook: lorebookZh,
  },
};
