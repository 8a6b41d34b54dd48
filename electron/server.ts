/**
 * Headless mode: the same router as the desktop app, served over WebSocket next to the built
 * renderer, for a browser on this computer. It listens on 127.0.0.1 only and every WebSocket
 * needs the per-run token printed at start-up.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackend } from './backend.js';
import { defaultDataDir } from './dataDir.js';
import { BUNDLED_MODEL_FILE } from './models/bundledModel.js';
import { attachWebSocketAdapter } from './ipc/webSocketAdapter.js';
import { serveStaticFile } from './security/staticFiles.js';

export const DEFAULT_PORT = 4317;
const LOOPBACK = '127.0.0.1';

export interface ServerOptions {
  /** 0 picks any free port. */
  port: number;
  dataDir: string;
  /** The built renderer (index.html and its assets). */
  rendererDir: string;
  /** Only the loopback address is accepted: the API must never be reachable from the network. */
  host?: typeof LOOPBACK;
  /** Loaded on the first generation when no model is (the bundled demo model). */
  defaultModelPath?: string;
  /** The built-in template library (resources/templates). */
  templatesDir?: string;
}

export interface RunningServer {
  /** The page to open, token included. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? LOOPBACK;
  if (host !== LOOPBACK) throw new Error(`Headless mode listens on ${LOOPBACK} only.`);
  assertRendererBuilt(options.rendererDir);

  const backend = createBackend({
    dataDir: options.dataDir,
    transport: 'websocket',
    appVersion: readAppVersion(),
    ...(options.defaultModelPath ? { defaultModelPath: options.defaultModelPath } : {}),
    ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
  });
  const token = randomBytes(32).toString('base64url');
  let port = options.port;

  const server = createServer((request, response) => {
    serveStaticFile(request, response, { rootDir: options.rendererDir, port }).catch(
      (error: unknown) => {
        console.error('[inkwell] static file request failed:', error);
        if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
        response.end('Internal error.');
      },
    );
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  const webSocket = attachWebSocketAdapter({
    server,
    router: backend.router,
    events: backend.events,
    token,
    onClientGone: (clientId) => backend.clientGone(clientId),
  });

  try {
    port = await listen(server, options.port, host);
  } catch (error) {
    webSocket.close();
    backend.close();
    throw error;
  }

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}/?token=${token}`,
    port,
    token,
    close() {
      closing ??= new Promise<void>((resolve) => {
        webSocket.close();
        server.close(() => {
          backend.close();
          resolve();
        });
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function assertRendererBuilt(rendererDir: string): void {
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(
      `The renderer is not built (no index.html in ${rendererDir}). Run \`npm run build\` first, or use \`npm run serve\`, which builds and then starts the server.`,
    );
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new Error(
            `Port ${port} is already in use. Pass --port <n>, or --port 0 for any free port.`,
          ),
        );
      } else {
        reject(error);
      }
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

/** The version from package.json, which sits two folders up in dist/ and one up in the sources. */
function readAppVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    const file = fileURLToPath(new URL(relative, import.meta.url));
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
      name?: unknown;
      version?: unknown;
    };
    if (manifest.name === 'inkwell' && typeof manifest.version === 'string')
      return manifest.version;
  }
  return '0.0.0';
}

const USAGE = `Usage: node dist/electron/server.js [--port <n>] [--data-dir <folder>]
  --port      port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks any free port)
  --data-dir  where the documents are kept (default ${defaultDataDir()})`;

function parseCommandLine(argv: string[]): { port: number; dataDir: string } | 'help' {
  let values: { port?: string; 'data-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) return 'help';
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (values.port?.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535 (got "${values.port}").`);
  }
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  return { port, dataDir };
}

async function main(): Promise<void> {
  const options = parseCommandLine(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const { port, dataDir } = options;
  const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  // dist/electron/server.js: the resources folder is two levels up, beside dist/.
  const resourcesDir = fileURLToPath(new URL('../../resources/', import.meta.url));
  const running = await startServer({
    port,
    dataDir,
    rendererDir,
    defaultModelPath: path.join(resourcesDir, 'models', BUNDLED_MODEL_FILE),
    templatesDir: path.join(resourcesDir, 'templates'),
  });
  console.log(`Inkwell is running at ${running.url}`);
  console.log(`Your documents are kept in ${dataDir}`);
  console.log('Press Ctrl+C to stop.');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second Ctrl+C while closing means "now": the database is already in WAL with FULL sync.
    if (stopping) process.exit(130);
    stopping = true;
    console.log(`\n${signal}: closing the database and stopping.`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[inkwell] clean shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** True when this file is the program node was asked to run (not when a test imports it). */
function isEntryModule(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

const isEntry = isEntryModule();
if (isEntry) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
