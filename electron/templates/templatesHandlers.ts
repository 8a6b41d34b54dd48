/** The template channels mapped onto the TemplatesService. */
import type { HandlersFor } from '../core/handler.js';
import type { TemplatesService } from './templatesService.js';

export function createTemplatesHandlers(templates: TemplatesService): HandlersFor<'templates'> {
  return {
    'templates.list': (request) => templates.list(request),
    'templates.get': (request) => templates.get(request.id),
    'templates.preview': (request) => templates.preview(request),
    'templates.generate': (request, context) => templates.generate(request, context),
    'templates.save': (request) => templates.save(request.template, request.id),
    'templates.duplicate': (request) => templates.duplicate(request.id, request.name),
    'templates.delete': (request) => templates.delete(request.id),
    'templates.import': (request) => templates.importJson(request.json),
    'templates.export': (request) => templates.exportJson(request.id),
  };
}
