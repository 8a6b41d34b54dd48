/** Templates: placeholder until the service lands; every channel answers 'unavailable'. */
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract.js';
import { ApiError } from '../../shared/errors.js';
import type { RequestContext } from '../ipc/router.js';

function notYet(): never {
  throw new ApiError('unavailable', 'Templates are not available yet.');
}

export class TemplatesService {
  list(_request: ParsedRequestOf<'templates.list'>): ResponseOf<'templates.list'> {
    return notYet();
  }
  get(_id: string): ResponseOf<'templates.get'> {
    return notYet();
  }
  preview(
    _request: ParsedRequestOf<'templates.preview'>,
  ): Promise<ResponseOf<'templates.preview'>> {
    return Promise.resolve(notYet());
  }
  generate(
    _request: ParsedRequestOf<'templates.generate'>,
    _context?: Pick<RequestContext, 'clientId'>,
  ): Promise<ResponseOf<'templates.generate'>> {
    return Promise.resolve(notYet());
  }
  save(
    _template: ParsedRequestOf<'templates.save'>['template'],
    _id?: string,
  ): ResponseOf<'templates.save'> {
    return notYet();
  }
  duplicate(_id: string): ResponseOf<'templates.duplicate'> {
    return notYet();
  }
  delete(_id: string): ResponseOf<'templates.delete'> {
    return notYet();
  }
  importJson(_json: string): ResponseOf<'templates.import'> {
    return notYet();
  }
  exportJson(_id: string): ResponseOf<'templates.export'> {
    return notYet();
  }
}
