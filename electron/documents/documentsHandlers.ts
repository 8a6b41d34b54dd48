import type { HandlersFor } from '../core/handler.js';
import type { DocumentsService } from './documentsService.js';

export function createDocumentsHandlers(documents: DocumentsService): HandlersFor<'documents'> {
  return {
    'documents.list': (request) => documents.list(request),
    'documents.search': (request) => documents.search(request.query, request.limit),
    'documents.get': (request) => documents.get(request.id),
    'documents.create': (request) => documents.create(request),
    'documents.save': (request) => documents.save(request),
    'documents.rename': (request) => documents.rename(request.id, request.title),
    'documents.delete': (request) => documents.delete(request.id),
    'documents.restore': (request) => documents.restore(request.id),
  };
}

export function createRevisionsHandlers(documents: DocumentsService): HandlersFor<'revisions'> {
  return {
    'revisions.list': (request) => documents.listRevisions(request.documentId),
    'revisions.get': (request) => documents.getRevision(request.id),
    'revisions.restore': (request) => documents.restoreRevision(request),
  };
}
