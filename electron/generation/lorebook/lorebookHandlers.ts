/** The lorebook's channels; the context viewer's needs the continue service (the engine's fit). */
import type { HandlersFor } from '../../core/handler.js';
import type { ContinueService } from '../continueService.js';
import type { LorebookService } from './lorebookService.js';

export function createLorebookHandlers(
  lorebook: LorebookService,
  continueWriting: ContinueService,
): HandlersFor<'lorebook'> {
  return {
    'lorebook.get': (request) => lorebook.get(request.documentId),
    'lorebook.saveEntry': (request) => lorebook.saveEntry(request),
    'lorebook.deleteEntry': (request) => lorebook.deleteEntry(request.id),
    'lorebook.useLibraryEntry': (request) =>
      lorebook.useLibraryEntry(request.documentId, request.entryId, request.on),
    'lorebook.saveBudget': (request) =>
      lorebook.saveBudget(request.documentId, request.budgetTokens),
    'lorebook.import': (request) => lorebook.import(request.documentId, request.text),
    'lorebook.export': (request) => lorebook.export(request.documentId, request.format),
    'lorebook.context': (request) =>
      continueWriting.context(request.documentId, request.textBeforeCursor, {
        loadModel: request.loadModel ?? true,
      }),
  };
}
