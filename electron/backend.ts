import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventBus } from './ipc/eventBus.js';
import { createHandlers } from './ipc/handlers.js';
import { createRouter, type ErrorLogger, type Router } from './ipc/router.js';
import { DocumentsService } from './services/documentsService.js';
import { openDatabase, type SqliteDatabase } from './store/database.js';
import { migrate } from './store/migrations.js';

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
}

/** Everything behind the transports: one database, the services on it, and the router. */
export interface Backend {
  router: Router;
  events: EventBus;
  documents: DocumentsService;
  dataDir: string;
  /** The open database, for services added beside documents (and for tests). */
  database: SqliteDatabase;
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
  const handlers = createHandlers({
    documents,
    appInfo: () => ({
      name: 'Inkwell',
      version: options.appVersion,
      dataDir: options.dataDir,
      transport: options.transport,
    }),
  });
  const router = createRouter(handlers, options.logError);

  return {
    router,
    events,
    documents,
    dataDir: options.dataDir,
    database,
    close() {
      // Closing the last connection checkpoints the WAL into the main file.
      if (database.open) database.close();
    },
  };
}
