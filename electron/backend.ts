import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from './core/handler.js';
import {
  createAppHandlers,
  createFilesHandlers,
  type DesktopShell,
} from './desktop/desktopHandlers.js';
import { createDocumentsHandlers, createRevisionsHandlers } from './documents/documentsHandlers.js';
import { createEngineHandlers } from './engine/engineHandlers.js';
import {
  createContinueHandlers,
  createHistoryHandlers,
  createPresetsHandlers,
  createSettingsHandlers,
} from './generation/generationHandlers.js';
import { createLorebookHandlers } from './generation/lorebook/lorebookHandlers.js';
import { LorebookService } from './generation/lorebook/lorebookService.js';
import { LorebookRepository } from './store/lorebookRepository.js';
import { createModelsHandlers } from './models/modelsHandlers.js';
import { createPreferencesHandlers } from './preferences/preferencesHandlers.js';
import { createTemplatesHandlers } from './templates/templatesHandlers.js';
import { EngineClient } from './engine/supervisor/engineClient.js';
import { forkModelHost } from './engine/supervisor/forkModelHost.js';
import type { SpawnModelHost } from './engine/supervisor/hostTransport.js';
import { summarizeModelFile } from './gguf/modelFileCheck.js';
import { EventBus } from './core/eventBus.js';
import { createRouter, type ErrorLogger, type Router } from './ipc/router.js';
import { ContinueService } from './generation/continueService.js';
import { DocumentsService } from './documents/documentsService.js';
import { EngineService } from './engine/engineService.js';
import { ActiveEngine } from './engine/activeEngine.js';
import { ApiKeyStore, type KeyCipher } from './engine/remote/apiKeyStore.js';
import { RemoteEngineService } from './engine/remote/remoteEngineService.js';
import { createRemoteHandlers } from './engine/remote/remoteHandlers.js';
import type { ServerTimeouts } from './engine/remote/openAiServer.js';
import { LiveGenerations } from './generation/liveGenerations.js';
import { GenerationSettingsService } from './generation/generationSettingsService.js';
import { HistoryService } from './generation/historyService.js';
import { ModelFingerprints } from './models/modelFingerprint.js';
import type { FreeSpaceProbe } from './models/modelDownloads.js';
import { ModelsService } from './models/modelsService.js';
import { PreferencesService } from './preferences/preferencesService.js';
import { TemplatesService } from './templates/templatesService.js';
import type { SpawnRenderProcess } from './templates/renderProcess.js';
import { openDatabase, type SqliteDatabase } from './store/database.js';
import { DocumentsRepository } from './store/documentsRepository.js';
import { GenerationsRepository } from './store/generationsRepository.js';
import { TokenStepsRepository } from './store/tokenStepsRepository.js';
import { SubtreeDeletions } from './store/subtreeDeletions.js';
import { createProbabilitiesHandlers } from './generation/probabilitiesHandlers.js';
import { migrate } from './store/migrations.js';
import { SettingsRepository } from './store/settingsRepository.js';
import { PreferencesRepository } from './store/preferencesRepository.js';

export const DATABASE_FILE_NAME = 'inkwell.sqlite3';

export interface BackendOptions {
  /** The app's user-data folder (headless: --data-dir); created when missing. */
  dataDir: string;
  transport: 'electron' | 'websocket' | 'test';
  appVersion: string;
  /** The better-sqlite3 addon built for Electron; unset under plain Node. */
  nativeBinding?: string;
  /** Where unexpected handler failures are reported; the router logs to the console by default. */
  logError?: ErrorLogger;
  /** How the model host process is started: utilityProcess in the app, fork elsewhere. */
  spawnModelHost?: SpawnModelHost;
  /** The model loaded on the first request when none is (the bundled demo model). */
  defaultModelPath?: string;
  /** Models library: free disk space (tests give a small figure), where hf: files come from. */
  /** The Electron shell's dialogs; headless mode has none and answers 'unavailable'. */
  desktopShell?: DesktopShell;
  /** The built-in template library (resources/templates; packaged: resourcesPath/templates). */
  templatesDir?: string;
  /** How the template render process is started: utilityProcess in the app, fork elsewhere. */
  spawnTemplateRenderer?: SpawnRenderProcess;
  models?: { freeSpace?: FreeSpaceProbe; huggingFaceEndpoint?: string; stallTimeoutMs?: number };
  /** Encrypts the remote server's API key (Electron safeStorage); absent: a 0600 file. */
  apiKeyCipher?: KeyCipher;
  /** Limits on how long a remote server may take (tests set short ones). */
  remoteTimeouts?: ServerTimeouts;
}

/** Everything behind the transports: one database, the services on it, and the router. */
export interface Backend {
  router: Router;
  events: EventBus;
  documents: DocumentsService;
  engine: EngineService;
  /** The engine generations use: the local one, or the remote server the writer chose. */
  activeEngine: ActiveEngine;
  remote: RemoteEngineService;
  models: ModelsService;
  preferences: PreferencesService;
  dataDir: string;
  /** The open database, for services added beside documents (and for tests). */
  database: SqliteDatabase;
  /** A window or socket went away: its generations are cancelled. */
  clientGone(clientId: string): void;
  /** Stops the model host (gracefully, then by force) and closes the database. */
  close(): void;
}

export function createBackend(options: BackendOptions): Backend {
  mkdirSync(options.dataDir, { recursive: true });
  const database = openDatabase(join(options.dataDir, DATABASE_FILE_NAME), {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    migrate(database);
  } catch (error) {
    database.close();
    throw error;
  }

  const events = new EventBus();
  const documents = new DocumentsService(database, events);
  let remote: RemoteEngineService | null = null;
  const engine = new EngineService({
    client: new EngineClient({
      spawnHost: options.spawnModelHost ?? (() => forkModelHost()),
      threadTuningFile: join(options.dataDir, 'thread-tuning.json'),
    }),
    // While a remote server is in use, the status bar shows its status, not the local one's.
    emit: (event, payload) => {
      if (event !== 'engine.status' || activeEngine.kind === 'local') events.emit(event, payload);
    },
    onLoadStarted: () => remote?.localChosen(),
    ...(options.defaultModelPath ? { defaultModelPath: options.defaultModelPath } : {}),
  });
  const activeEngine = new ActiveEngine(engine, (status) => events.emit('engine.status', status));
  remote = new RemoteEngineService({
    preferences: new PreferencesRepository(database),
    keys: new ApiKeyStore(join(options.dataDir, 'remote-api-key'), options.apiKeyCipher ?? null),
    active: activeEngine,
    emitStatus: (status) => events.emit('engine.status', status),
    ...(options.remoteTimeouts ? { timeouts: options.remoteTimeouts } : {}),
  });
  void remote.restore();
  const models: ModelsService = new ModelsService({
    database,
    engine,
    emit: (event, payload) => events.emit(event, payload),
    dataDir: options.dataDir,
    summarizeModelFile,
    ...(options.defaultModelPath ? { bundledModelPath: options.defaultModelPath } : {}),
    // Read when the engine first loads, after `preferences` below exists.
    startupModelId: (): string | null => preferences.get().startupModelId,
    ...options.models,
  });
  const documentRows = new DocumentsRepository(database);
  const documentExists = (id: string): boolean => documentRows.findSummary(id) !== undefined;
  const generations = new GenerationsRepository(database);
  const tokenSteps = new TokenStepsRepository(database);
  const generationSettings = new GenerationSettingsService(
    new SettingsRepository(database),
    documentExists,
  );
  const history = new HistoryService(generations, events);
  const fingerprints = new ModelFingerprints();
  const live = new LiveGenerations(generations);
  const lorebook = new LorebookService(new LorebookRepository(database), documentExists, events);
  const continueWriting = new ContinueService({
    lorebook,
    engine: activeEngine,
    loadModel: (path) => engine.load({ path }).catch(() => null),
    live,
    generations,
    settings: generationSettings,
    fingerprints,
    events,
    documentExists,
    tokenSteps,
  });
  const preferences: PreferencesService = new PreferencesService(
    new PreferencesRepository(database),
    events,
    {
      isKnownModel: (id): boolean => models.has(id),
    },
  );
  const templates = new TemplatesService({
    database,
    documents,
    engine: activeEngine,
    live,
    generations,
    fingerprints,
    events,
    ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
    ...(options.spawnTemplateRenderer ? { spawnRenderer: options.spawnTemplateRenderer } : {}),
  });
  const appInfo = () => ({
    name: 'Inkwell',
    version: options.appVersion,
    dataDir: options.dataDir,
    transport: options.transport,
  });
  // Handlers is every channel of the contract: one missing here does not compile.
  const handlers: Handlers = {
    ...createAppHandlers(appInfo, options.desktopShell),
    ...createFilesHandlers(options.desktopShell),
    ...createDocumentsHandlers(documents),
    ...createRevisionsHandlers(documents),
    ...createEngineHandlers(engine),
    'engine.status': () => activeEngine.status(),
    'engine.countTokens': (request) => activeEngine.countTokens(request.text),
    ...createRemoteHandlers(remote),
    ...createModelsHandlers(models, options.desktopShell),
    ...createContinueHandlers({ continueWriting, live, history }),
    ...createHistoryHandlers(history, continueWriting),
    ...createSettingsHandlers(generationSettings),
    ...createPresetsHandlers(generationSettings),
    ...createProbabilitiesHandlers(generations, tokenSteps, new SubtreeDeletions(database), events),
    ...createLorebookHandlers(lorebook, continueWriting),
    ...createTemplatesHandlers(templates),
    ...createPreferencesHandlers(preferences),
  };
  const router = createRouter(handlers, options.logError);

  return {
    router,
    events,
    documents,
    engine,
    activeEngine,
    remote,
    models,
    preferences,
    dataDir: options.dataDir,
    database,
    clientGone(clientId) {
      live.cancelAllOf(clientId);
    },
    close() {
      live.cancelAll();
      models.dispose();
      templates.dispose();
      void engine.dispose();
      // Closing the last connection checkpoints the WAL into the main file.
      if (database.open) database.close();
    },
  };
}
