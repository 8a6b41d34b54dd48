import type { Channel, ResponseOf } from '../../shared/contract.js';
import type { appChannels, documentChannels } from '../../shared/channels/documents.js';
import type { generationChannels } from '../../shared/channels/generations.js';
import type { ContinueService } from '../services/continueService.js';
import type { DocumentsService } from '../services/documentsService.js';
import type { GenerationSettingsService } from '../services/generationSettingsService.js';
import type { HistoryService } from '../services/historyService.js';
import type { PreferencesService } from '../services/preferencesService.js';
import type { preferenceChannels } from '../../shared/channels/preferences.js';
import type { TemplatesService } from '../services/templatesService.js';
import { createTemplatesHandlers } from '../templates/templatesHandlers.js';
import { createEngineHandlers, type EngineService } from '../services/engineService.js';
import { createModelsHandlers } from '../services/modelsHandlers.js';
import type { ModelsService } from '../services/modelsService.js';
import { createDesktopHandlers, type DesktopShell } from '../desktop/desktopHandlers.js';
import type { Handler, Handlers } from './router.js';

/** Handlers for one domain's channels; createHandlers spreads the domains into the full map. */
export type HandlersFor<C extends Channel> = { [K in C]: Handler<K> };

export type AppInfo = ResponseOf<'app.info'>;

export interface HandlerServices {
  documents: DocumentsService;
  engine: EngineService;
  models: ModelsService;
  continueWriting: ContinueService;
  history: HistoryService;
  generationSettings: GenerationSettingsService;
  templates: TemplatesService;
  preferences: PreferencesService;
  appInfo: () => AppInfo;
  /** File dialogs and command acknowledgements: the Electron shell in the app, none headless. */
  desktopShell?: DesktopShell;
}

/**
 * Maps every channel of the contract onto a service method. The Handlers type requires all of
 * them, so a channel added to the contract without a handler is a compile error here.
 * A new domain adds its own `xxxHandlers(service)` and one spread line below.
 */
export function createHandlers(services: HandlerServices): Handlers {
  return {
    ...appHandlers(services.appInfo),
    ...documentHandlers(services.documents),
    ...createDesktopHandlers(services.desktopShell),
    ...createEngineHandlers(services.engine),
    ...createModelsHandlers(services.models, services.desktopShell),
    ...generationHandlers(services),
    ...createTemplatesHandlers(services.templates),
    ...preferenceHandlers(services.preferences),
  };
}

export function appHandlers(appInfo: () => AppInfo): HandlersFor<keyof typeof appChannels> {
  return {
    'app.info': () => appInfo(),
  };
}

export function preferenceHandlers(
  preferences: PreferencesService,
): HandlersFor<keyof typeof preferenceChannels> {
  return {
    'preferences.get': () => preferences.get(),
    'preferences.update': (request) => preferences.update(request),
  };
}

export function documentHandlers(
  documents: DocumentsService,
): HandlersFor<keyof typeof documentChannels> {
  return {
    'documents.list': (request) => documents.list(request),
    'documents.search': (request) => documents.search(request.query, request.limit),
    'documents.get': (request) => documents.get(request.id),
    'documents.create': (request) => documents.create(request),
    'documents.save': (request) => documents.save(request),
    'documents.rename': (request) => documents.rename(request.id, request.title),
    'documents.delete': (request) => documents.delete(request.id),
    'documents.restore': (request) => documents.restore(request.id),
    'revisions.list': (request) => documents.listRevisions(request.documentId),
    'revisions.get': (request) => documents.getRevision(request.id),
    'revisions.restore': (request) => documents.restoreRevision(request),
  };
}

export function generationHandlers(
  services: Pick<HandlerServices, 'continueWriting' | 'history' | 'generationSettings'>,
): HandlersFor<keyof typeof generationChannels> {
  const { continueWriting, history, generationSettings } = services;
  return {
    'continue.start': (request, context) => continueWriting.start(request, context),
    'continue.plan': (request) =>
      continueWriting.plan(request.documentId, request.textBeforeCursor),
    'generations.accept': (request) => history.accept(request.id, request.acceptedText),
    'generations.alternatives': (request) => history.alternatives(request.spotId),
    'history.list': (request) => history.list(request),
    'history.get': (request) => history.get(request.id),
    'history.delete': (request) => history.delete(request.id),
    'history.export': (request) => history.export(request.documentId),
    'history.replay': (request, context) => continueWriting.replay(request.id, context),
    'settings.getDocument': (request) => generationSettings.getDocument(request.documentId),
    'settings.saveDocument': (request) => generationSettings.saveDocument(request),
    'presets.list': () => generationSettings.listPresets(),
    'presets.save': (request) => generationSettings.savePreset(request),
    'presets.delete': (request) => generationSettings.deletePreset(request.id),
  };
}
