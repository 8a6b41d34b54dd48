/**
 * The writer's remote server: its settings (kept as one app preference, without the key), the
 * API key (ApiKeyStore, outside the database), the confirmation for plain http:// to another
 * computer (asked once per host), and switching the active engine between local and remote.
 */
import { z } from 'zod';
import type { RemoteEngineView } from '../../../shared/channels/remote.js';
import { localizedError } from '../../../shared/i18n/localizedMessage.js';
import type { EngineStatus } from '../../../shared/schemas/engine.js';
import type { PreferencesRepository } from '../../store/preferencesRepository.js';
import type { ActiveEngine } from '../activeEngine.js';
import type { ApiKeyStore } from './apiKeyStore.js';
import {
  OpenAiServer,
  isLoopbackHost,
  normalizeBaseUrl,
  type ServerTimeouts,
} from './openAiServer.js';
import { RemoteEngine } from './remoteEngine.js';

const PREFERENCE_KEY = 'remoteEngine';

const storedSettings = z.object({
  engine: z.enum(['local', 'remote']).catch('local'),
  baseUrl: z.string().catch(''),
  model: z.string().catch(''),
  contextSize: z.number().int().positive().nullable().catch(null),
  /** Hosts the writer has allowed plain http:// to. */
  insecureHosts: z.array(z.string()).catch([]),
});
type StoredSettings = z.infer<typeof storedSettings>;

export interface RemoteEngineServiceOptions {
  preferences: PreferencesRepository;
  keys: ApiKeyStore;
  active: ActiveEngine;
  emitStatus: (status: EngineStatus) => void;
  timeouts?: ServerTimeouts;
}

export interface SaveRequest {
  baseUrl: string;
  model: string;
  contextSize: number | null;
  apiKey?: string | null | undefined;
  allowInsecure?: boolean | undefined;
}

export class RemoteEngineService {
  private engine: RemoteEngine | null = null;

  constructor(private readonly options: RemoteEngineServiceOptions) {}

  /** At startup: the server in use when the app last closed is used again (connects lazily). */
  async restore(): Promise<void> {
    const settings = this.stored();
    if (settings.engine === 'remote' && settings.baseUrl !== '') await this.activate(settings);
  }

  get(): Promise<RemoteEngineView> {
    return this.view();
  }

  async save(request: SaveRequest): Promise<RemoteEngineView> {
    const baseUrl = normalizeBaseUrl(request.baseUrl);
    const settings = this.confirmedFor(baseUrl, request.allowInsecure);
    if (request.apiKey !== undefined) await this.options.keys.write(request.apiKey);
    const next: StoredSettings = {
      ...settings,
      engine: 'remote',
      baseUrl,
      model: request.model,
      contextSize: request.contextSize,
    };
    this.options.preferences.write(PREFERENCE_KEY, next);
    await this.activate(next);
    // Connect now, so the form shows at once whether the server answers; a failure is in the status.
    await this.engine?.ensureModel().catch(() => undefined);
    return this.view();
  }

  async listModels(request: {
    baseUrl: string;
    apiKey?: string | undefined;
    allowInsecure?: boolean | undefined;
  }): Promise<{ models: string[]; contextSize: number | null }> {
    const baseUrl = normalizeBaseUrl(request.baseUrl);
    const confirmed = this.confirmedFor(baseUrl, request.allowInsecure);
    this.options.preferences.write(PREFERENCE_KEY, confirmed);
    const apiKey =
      request.apiKey ?? (baseUrl === this.stored().baseUrl ? await this.options.keys.read() : null);
    const server = new OpenAiServer({ baseUrl, apiKey: apiKey || null }, this.options.timeouts);
    const models = await server.listModels();
    return { models, contextSize: await server.contextSize().catch(() => null) };
  }

  async use(engine: 'local' | 'remote'): Promise<RemoteEngineView> {
    const settings = this.stored();
    if (engine === 'remote') {
      if (settings.baseUrl === '')
        throw localizedError('invalid_request', 'errors:remote.notConfigured');
      await this.activate({ ...settings, engine: 'remote' });
    } else {
      this.options.active.useLocal();
    }
    this.options.preferences.write(PREFERENCE_KEY, { ...settings, engine });
    return this.view();
  }

  /** The local engine started loading a model: the writer chose it, so it is used again. */
  localChosen(): void {
    if (this.options.active.kind !== 'remote') return;
    this.options.active.useLocal();
    this.options.preferences.write(PREFERENCE_KEY, { ...this.stored(), engine: 'local' });
  }

  /**
   * The stored settings, with the address's host among the confirmed ones. Plain http:// to
   * another computer would carry the text and the key unencrypted: refused with `conflict` until
   * the writer confirms it once (allowInsecure), for listing models as for saving.
   */
  private confirmedFor(baseUrl: string, allowInsecure: boolean | undefined): StoredSettings {
    const settings = this.stored();
    const host = new URL(baseUrl).hostname;
    const insecure = baseUrl.startsWith('http:') && !isLoopbackHost(host);
    if (insecure && !settings.insecureHosts.includes(host)) {
      if (!allowInsecure) throw localizedError('conflict', 'errors:remote.insecureHost', { host });
      settings.insecureHosts.push(host);
    }
    return settings;
  }

  private async activate(settings: StoredSettings): Promise<void> {
    this.engine = new RemoteEngine({
      settings: {
        baseUrl: settings.baseUrl,
        apiKey: await this.options.keys.read(),
        model: settings.model,
        contextSize: settings.contextSize,
      },
      emitStatus: (status) => {
        if (this.options.active.kind === 'remote') this.options.emitStatus(status);
      },
      ...(this.options.timeouts ? { timeouts: this.options.timeouts } : {}),
    });
    this.options.active.useRemote(this.engine);
  }

  private stored(): StoredSettings {
    const value = this.options.preferences.readAll().get(PREFERENCE_KEY);
    const parsed = storedSettings.safeParse(value ?? {});
    return parsed.success
      ? parsed.data
      : { engine: 'local', baseUrl: '', model: '', contextSize: null, insecureHosts: [] };
  }

  private async view(): Promise<RemoteEngineView> {
    const settings = this.stored();
    const remote = this.options.active.kind === 'remote';
    return {
      engine: remote ? 'remote' : 'local',
      baseUrl: settings.baseUrl,
      model: settings.model,
      contextSize: settings.contextSize,
      hasApiKey: (await this.options.keys.read()) !== null,
      keyStorage: this.options.keys.storage,
      status: remote ? this.options.active.status() : null,
    };
  }
}
