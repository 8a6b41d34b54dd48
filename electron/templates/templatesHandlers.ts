/**
 * The template channels mapped onto the TemplatesService. Kept apart from the service so that
 * ipc/handlers.ts spreads one line, as for the other domains.
 */
import type { templateChannels } from '../../shared/channels/templates.js';
import type { Handler } from '../ipc/router.js';
import type { TemplatesService } from '../services/templatesService.js';

type TemplateHandlers = { [K in keyof typeof templateChannels]: Handler<K> };

export function createTemplatesHandlers(templates: TemplatesService): TemplateHandlers {
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
