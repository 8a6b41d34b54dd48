/** The channels of continue writing: the continue itself, its history, settings and presets. */
import type { HandlersFor } from '../core/handler.js';
import type { ContinueService } from './continueService.js';
import type { GenerationSettingsService } from './generationSettingsService.js';
import type { HistoryService } from './historyService.js';

export function createContinueHandlers(continueWriting: ContinueService): HandlersFor<'continue'> {
  return {
    'continue.start': (request, context) => continueWriting.start(request, context),
    'continue.plan': (request) =>
      continueWriting.plan(request.documentId, request.textBeforeCursor),
  };
}

export function createGenerationsHandlers(history: HistoryService): HandlersFor<'generations'> {
  return {
    'generations.accept': (request) => history.accept(request.id, request.acceptedText),
    'generations.alternatives': (request) => history.alternatives(request.spotId),
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
    'history.replay': (request, context) => continueWriting.replay(request.id, context),
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
