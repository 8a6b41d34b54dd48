/** The channels of continue writing: the continue itself, its history, settings and presets. */
import type { HandlersFor } from '../core/handler.js';
import type { ContinueService } from './continueService.js';
import type { GenerationSettingsService } from './generationSettingsService.js';
import type { HistoryService } from './historyService.js';
import type { LiveGenerations } from './liveGenerations.js';

export function createContinueHandlers(services: {
  continueWriting: ContinueService;
  live: LiveGenerations;
  history: HistoryService;
}): HandlersFor<'continue'> {
  const { continueWriting, live, history } = services;
  return {
    'continue.start': (request, context) => continueWriting.start(request, context),
    'continue.plan': (request) =>
      continueWriting.plan(request.documentId, request.textBeforeCursor),
    'continue.stop': (request, context) => live.stop(request.generationId, context.clientId),
    'continue.typing': (request, context) => live.typing(request.generationId, context.clientId),
    'continue.accept': (request) => history.accept(request.generationId, request.acceptedText),
    'continue.alternatives': (request) => history.alternatives(request.spotId),
  };
}

export function createHistoryHandlers(
  history: HistoryService,
  continueWriting: ContinueService,
): HandlersFor<'history'> {
  return {
    'history.list': (request) => history.list(request),
    'history.get': (request) => history.get(request.id),
    'history.delete': (request) => history.delete(request.id),
    'history.export': (request) => history.export(request.documentId),
    'history.replay': (request, context) => continueWriting.replay(request, context),
  };
}

export function createSettingsHandlers(
  settings: GenerationSettingsService,
): HandlersFor<'settings'> {
  return {
    'settings.getDocument': (request) => settings.getDocument(request.documentId),
    'settings.saveDocument': (request) => settings.saveDocument(request),
  };
}

export function createPresetsHandlers(settings: GenerationSettingsService): HandlersFor<'presets'> {
  return {
    'presets.list': () => settings.listPresets(),
    'presets.save': (request) => settings.savePreset(request),
    'presets.delete': (request) => settings.deletePreset(request.id),
  };
}
