/**
 * Templates behind the templates.* channels: the built-in library and the writer's own (SQLite),
 * preview (rendered prompt and its token count), and generate: a new document holding the
 * rendered opening, and a generation of kind 'template' recorded in history with the template id
 * and field values. It is a Generation like a continue (the template's shape ends it early); when
 * it ends, the output is appended to the document, so the writer finds opening + output ready
 * to edit.
 */
import { randomUUID } from 'node:crypto';
import type { EventPayload, ParsedRequestOf, ResponseOf } from '../../shared/contract.js';
import { ApiError } from '../../shared/errors.js';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import { MAX_SEED, MAX_STOP_STRINGS, type LoadedModelInfo } from '../../shared/schemas/engine.js';
import { continueParams, type ContinueParams } from '../../shared/schemas/generations.js';
import type {
  Template,
  TemplateDefinition,
  TemplateParams,
  TemplateSummary,
} from '../../shared/schemas/templates.js';
import type { EventBus } from '../core/eventBus.js';
import type { RequestContext } from '../core/requestContext.js';
import type { GenerationsRepository } from '../store/generationsRepository.js';
import { loadBuiltInTemplates } from './builtInTemplates.js';
import {
  documentTooLargeError,
  fitsInDocument,
  OUTPUT_JSON_CHARS_PER_TOKEN,
} from './documentSize.js';
import { checkWithinLimits } from './limitCheck.js';
import type { SpawnRenderProcess } from './renderProcess.js';
import { renderTemplate, type RenderedTemplate } from './renderTemplate.js';
import { TemplateRenderer } from './templateRenderer.js';
import { parseTemplateFile, templateFileJson } from './templateFile.js';
import { ShapeWatcher } from './shapeStop.js';
import { parseDefinition, validateDefinition, type TemplateSource } from './templateValidation.js';
import { TemplatesRepository } from './templatesRepository.js';
import type { SqliteDatabase } from '../store/database.js';
import type { DocumentsService } from '../documents/documentsService.js';
import type { Engine } from '../engine/engine.js';
import { Generation, firstTextEnd, type GenerationStarted } from '../generation/generation.js';
import { SentenceWatcher } from '../generation/sentenceStop.js';
import type { LiveGenerations } from '../generation/liveGenerations.js';
import type { ModelFingerprints } from '../models/modelFingerprint.js';

export interface TemplatesServiceOptions {
  database: SqliteDatabase;
  documents: DocumentsService;
  engine: Engine;
  live: LiveGenerations;
  generations: GenerationsRepository;
  fingerprints: ModelFingerprints;
  events: EventBus;
  /** Where the built-in library's JSON files are (resources/templates). */
  templatesDir?: string;
  /** How the render process is started: utilityProcess in the app, fork elsewhere. */
  spawnRenderer?: SpawnRenderProcess;
  clock?: () => number;
}

type Caller = Pick<RequestContext, 'clientId' | 'replySent'>;
type GenerateRequest = ParsedRequestOf<'templates.generate'>;

export class TemplatesService {
  private readonly builtIns: Map<string, Template>;
  private readonly rows: TemplatesRepository;
  private readonly clock: () => number;
  private readonly renderer: TemplateRenderer;

  constructor(private readonly options: TemplatesServiceOptions) {
    this.builtIns = new Map(loadBuiltInTemplates(options.templatesDir).map((t) => [t.id, t]));
    this.rows = new TemplatesRepository(options.database);
    this.clock = options.clock ?? Date.now;
    this.renderer = new TemplateRenderer(
      options.spawnRenderer ? { spawn: options.spawnRenderer } : {},
    );
  }

  list(request: ParsedRequestOf<'templates.list'>): TemplateSummary[] {
    const query = request.query?.trim().toLowerCase() ?? '';
    return [...this.builtIns.values(), ...this.userTemplates()]
      .filter((t) => request.kind === undefined || t.kind === request.kind)
      .filter(
        (t) =>
          query === '' || `${t.name}\n${t.description}\n${t.kind}`.toLowerCase().includes(query),
      )
      .map((t) => ({
        id: t.id,
        name: t.name,
        kind: t.kind,
        description: t.description,
        builtIn: t.builtIn,
        fieldCount: t.fields.length,
        updatedAt: t.updatedAt,
      }));
  }

  get(id: string): Template {
    const builtIn = this.builtIns.get(id);
    if (builtIn) return builtIn;
    const row = this.rows.find(id);
    if (!row) throw localizedError('not_found', 'errors:templates.notFound', { id });
    return {
      ...parseDefinition(JSON.parse(row.definition) as unknown, 'storedTemplate'),
      id,
      builtIn: false,
      updatedAt: row.updatedAt,
    };
  }

  async preview(
    request: ParsedRequestOf<'templates.preview'>,
  ): Promise<ResponseOf<'templates.preview'>> {
    const definition = request.template ?? this.get(request.templateId ?? '');
    // The model loads while the render process renders, so a first preview waits for the longer
    // of the two, not for both; a problem with the template is still the one reported first.
    const model = this.readyModel();
    model.catch(() => undefined);
    const rendered = await renderTemplate(definition, request.fields, this.renderer);
    const params = paramsOf(definition, undefined);
    await model;
    const { tokens, contextSize } = await this.options.engine.countTokens(rendered.prompt);
    const roomForOutput = contextSize - tokens;
    return {
      ...rendered,
      promptTokens: tokens,
      contextSize,
      maxNewTokens: params.maxTokens,
      roomForOutput,
      fits: roomForOutput >= params.maxTokens,
    };
  }

  async generate(
    request: GenerateRequest,
    caller?: Caller,
  ): Promise<ResponseOf<'templates.generate'>> {
    const template = this.get(request.templateId);
    const rendered = await renderTemplate(template, request.fields, this.renderer);
    let params = paramsOf(template, request.params);
    // Room for the opening and the most the output can add, so the document stays one the
    // editor can save (fillDocument checks the real output again).
    if (!fitsInDocument(rendered.opening, params.maxTokens * OUTPUT_JSON_CHARS_PER_TOKEN)) {
      throw documentTooLargeError();
    }
    const original = request.regenerateOf
      ? this.options.generations.find(request.regenerateOf)
      : null;
    if (request.regenerateOf && (!original || original.documentId === null)) {
      throw localizedError('not_found', 'errors:templates.noGenerationToRegenerate', {
        id: request.regenerateOf,
      });
    }
    const model = await this.readyModel();
    const { documents } = this.options;
    let document;
    let spotId: string | null = null;
    if (original?.documentId) {
      // Another alternative at the same spot: a fixed seed steps on so the text differs.
      spotId = original.spotId;
      const siblings = this.options.generations.bySpot(original.spotId).length;
      if (params.seed !== undefined)
        params = { ...params, seed: (params.seed + siblings) % (MAX_SEED + 1) };
      const current = documents.get(original.documentId);
      documents.save({
        id: current.id,
        content: '',
        text: rendered.opening,
        baseVersion: current.version,
      });
      document = documents.get(current.id);
    } else {
      document = documents.create({ title: rendered.title, text: rendered.opening });
    }
    const started = await this.run(
      {
        id: request.generationId,
        template,
        rendered,
        params,
        model,
        documentId: document.id,
        spotId,
      },
      caller,
    );
    return {
      generationId: started.generationId,
      spotId: started.spotId,
      seed: started.seed,
      documentId: document.id,
      title: document.title,
      opening: rendered.opening,
      promptTokens: started.plan.promptTokens,
    };
  }

  /** Checked whole before anything is stored: the schema's rules, then a render within limits. */
  async save(
    definition: TemplateDefinition,
    id?: string,
    where: TemplateSource = 'template',
  ): Promise<Template> {
    validateDefinition(definition, where);
    if (id !== undefined) {
      if (this.builtIns.has(id)) {
        throw localizedError('conflict', 'errors:templates.builtInUnchangeable');
      }
      if (!this.rows.find(id))
        throw localizedError('not_found', 'errors:templates.notFoundToUpdate', { id });
    }
    await checkWithinLimits(definition, this.renderer, where);
    const templateId = id ?? `user-${randomUUID()}`;
    this.rows.upsert(templateId, definition, this.clock());
    this.changed(templateId, 'saved');
    return this.get(templateId);
  }

  duplicate(id: string, name = `${this.get(id).name} (copy)`.slice(0, 80)): Promise<Template> {
    const { id: _id, builtIn: _builtIn, updatedAt: _updatedAt, ...definition } = this.get(id);
    return this.save({ ...definition, name });
  }

  delete(id: string): { deleted: boolean } {
    if (this.builtIns.has(id))
      throw localizedError('conflict', 'errors:templates.builtInUndeletable');
    const deleted = this.rows.delete(id);
    if (deleted) this.changed(id, 'deleted');
    return { deleted };
  }

  importJson(json: string): Promise<Template> {
    return this.save(parseTemplateFile(json).definition, undefined, 'templateFile');
  }

  /** Ends the render process. */
  dispose(): void {
    this.renderer.dispose();
  }

  exportJson(id: string): { fileName: string; json: string } {
    const { id: _id, builtIn: _builtIn, updatedAt: _updatedAt, ...definition } = this.get(id);
    const slug =
      definition.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'template';
    return { fileName: `${slug}.inkwell-template.json`, json: templateFileJson(definition) };
  }

  private userTemplates(): Template[] {
    const templates: Template[] = [];
    for (const row of this.rows.list()) {
      try {
        templates.push(this.get(row.id));
      } catch (error) {
        // One unreadable row must not hide the others; it is logged for the bug report.
        console.error(`[inkwell] template ${row.id} could not be read`, error);
      }
    }
    return templates;
  }

  private run(
    spec: {
      id: string;
      template: Template;
      rendered: RenderedTemplate;
      params: ContinueParams;
      model: LoadedModelInfo;
      documentId: string;
      spotId: string | null;
    },
    caller?: Caller,
  ): Promise<GenerationStarted> {
    const generation = new Generation(
      { ...this.options, clock: this.clock },
      {
        id: spec.id,
        kind: 'template',
        documentId: spec.documentId,
        parentId: null,
        spotId: spec.spotId,
        replayOf: null,
        templateId: spec.template.id,
        templateFields: spec.rendered.fields,
        prompt: { kind: 'text', text: spec.rendered.prompt },
        params: spec.params,
        seed: spec.params.seed,
        model: spec.model,
        textEnd: firstTextEnd([
          spec.template.shape ? new ShapeWatcher(spec.template.shape) : null,
          spec.params.stopAt === 'sentence' ? new SentenceWatcher() : null,
        ]),
        finished: (output) => this.fillDocument(spec.documentId, spec.rendered.opening, output),
      },
      caller?.clientId ?? null,
    );
    return this.options.live.start(generation, () =>
      generation.start(caller?.replySent ? { replySent: caller.replySent } : {}),
    );
  }

  /**
   * Appends the output after the opening, only if the document still holds just the opening:
   * text the writer typed meanwhile is never overwritten, and the output stays in history either
   * way. The text is compared, not the version, because an editor that opened the new document
   * saves the same opening in its own format (a new version, the same words).
   */
  private fillDocument(documentId: string, opening: string, output: string): void {
    if (output === '') return;
    try {
      const current = this.options.documents.get(documentId);
      if (current.text.trim() !== opening.trim()) return;
      if (!fitsInDocument(opening + output)) {
        // Not reached with the room generate keeps; the output is in history either way.
        console.error(
          `[inkwell] template output not added: document ${documentId} would be too large`,
        );
        return;
      }
      this.options.documents.save({
        id: documentId,
        content: '',
        text: opening + output,
        baseVersion: current.version,
      });
    } catch (error) {
      if (!(error instanceof ApiError)) console.error('[inkwell] template output not saved', error);
    }
  }

  private async readyModel(): Promise<LoadedModelInfo> {
    const { engine } = this.options;
    const before = engine.status();
    if (before.state === 'ready' && before.model) return before.model;
    if (before.state === 'loading') {
      throw localizedError('unavailable', 'errors:templates.modelLoading');
    }
    return engine.ensureModel().catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'unavailable') {
        throw localizedError('unavailable', 'errors:templates.noModel');
      }
      throw error;
    });
  }

  private changed(id: string, kind: EventPayload<'templates.changed'>['kind']): void {
    this.options.events.emit('templates.changed', { id, kind });
  }
}

/** The usual defaults, then the template's settings and stop strings, then the request's. */
function paramsOf(
  template: TemplateDefinition,
  overrides: TemplateParams | undefined,
): ContinueParams {
  const stop = [
    ...new Set([...template.stop, ...(template.params.stop ?? []), ...(overrides?.stop ?? [])]),
  ];
  if (stop.length > MAX_STOP_STRINGS) {
    throw localizedError('invalid_request', 'errors:templates.tooManyStops', {
      max: MAX_STOP_STRINGS,
    });
  }
  return continueParams.parse({
    ...definedOnly(template.params),
    ...definedOnly(overrides ?? {}),
    stop,
  });
}

function definedOnly(params: TemplateParams): TemplateParams {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
}
