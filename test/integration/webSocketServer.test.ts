import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { startServer, type RunningServer } from '../../electron/server.js';
import { MAX_FRAME_BYTES, WS_PATH, type EventFrame, type ReplyFrame } from '../../shared/wire.js';

const SECRET = 'THIS-FILE-MUST-NEVER-BE-SERVED';

let root: string;
let rendererDir: string;
let dataDir: string;
let server: RunningServer;

before(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'inkwell-ws-'));
  rendererDir = path.join(root, 'renderer');
  dataDir = path.join(root, 'data');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Inkwell</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("inkwell");');
  await writeFile(path.join(root, 'secret.txt'), SECRET);
  await symlink(path.join(root, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
  server = await startServer({ port: 0, dataDir, rendererDir });
});

after(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

function socketUrl(token = server.token): string {
  return `ws://127.0.0.1:${server.port}${WS_PATH}?token=${encodeURIComponent(token)}`;
}

/**
 * A client socket whose frames are queued as they arrive: ws can deliver several frames in one
 * tick, so waiting with events.once() between them would lose some.
 */
interface TestSocket {
  ws: WebSocket;
  nextFrame(): Promise<ReplyFrame | EventFrame>;
}

function queueFrames(ws: WebSocket): TestSocket {
  const frames: (ReplyFrame | EventFrame)[] = [];
  const waiters: ((frame: ReplyFrame | EventFrame) => void)[] = [];
  ws.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString('utf8')) as ReplyFrame | EventFrame;
    const waiter = waiters.shift();
    if (waiter) waiter(frame);
    else frames.push(frame);
  });
  return {
    ws,
    nextFrame() {
      const queued = frames.shift();
      if (queued) return Promise.resolve(queued);
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}

async function openSocket(
  headers: Record<string, string> = {},
  url: string = socketUrl(),
): Promise<TestSocket> {
  const ws = new WebSocket(url, { headers });
  const socket = queueFrames(ws);
  await once(ws, 'open');
  return socket;
}

/** The next reply frame on this socket (events are skipped). */
async function nextReply(socket: TestSocket): Promise<ReplyFrame> {
  for (;;) {
    const frame = await socket.nextFrame();
    if ('id' in frame) return frame;
  }
}

/** The next event frame on this socket (replies are skipped). */
async function nextEvent(socket: TestSocket): Promise<EventFrame> {
  for (;;) {
    const frame = await socket.nextFrame();
    if ('event' in frame) return frame;
  }
}

async function sendRaw(socket: TestSocket, data: string | Buffer): Promise<ReplyFrame> {
  const reply = nextReply(socket);
  socket.ws.send(data);
  return reply;
}

let requestCounter = 0;
async function call(client: TestSocket, channel: string, payload: unknown): Promise<ReplyFrame> {
  const id = `req-${++requestCounter}`;
  const reply = await sendRaw(client, JSON.stringify({ id, channel, payload }));
  assert.equal(reply.id, id, 'the reply carries the request id');
  return reply;
}

function errorCode(reply: ReplyFrame): string {
  return reply.ok ? 'ok' : reply.error.code;
}

/** The HTTP status of an upgrade the server refuses. */
async function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  const ws = new WebSocket(url, { headers });
  ws.on('error', () => undefined);
  const [, response] = (await once(ws, 'unexpected-response')) as [unknown, { statusCode: number }];
  ws.terminate();
  return response.statusCode;
}

/** Sends the path byte for byte (fetch and URL would normalise `..` away before sending). */
async function rawGet(
  rawPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const req = httpRequest({
    host: '127.0.0.1',
    port: server.port,
    path: rawPath,
    method: 'GET',
    headers,
  });
  req.end();
  const [response] = (await once(req, 'response')) as [IncomingMessage];
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return {
    status: response.statusCode ?? 0,
    body: Buffer.concat(chunks).toString('utf8'),
    headers: response.headers,
  };
}

describe('the headless server over WebSocket', () => {
  it('answers a good request with the router’s data and the request id', async () => {
    const client = await openSocket();
    const info = await call(client, 'app.info', {});
    assert.equal(info.ok, true);
    if (info.ok) assert.equal((info.data as { transport: string }).transport, 'websocket');

    const created = await call(client, 'documents.create', { title: 'The lighthouse keeper' });
    assert.equal(errorCode(created), 'ok');
    const id = created.ok ? (created.data as { id: string }).id : '';
    const fetched = await call(client, 'documents.get', { id });
    assert.equal(
      fetched.ok ? (fetched.data as { title: string }).title : '',
      'The lighthouse keeper',
    );
    client.ws.close();
  });

  it('answers each kind of bad frame with a typed error and keeps serving the connection', async () => {
    const client = await openSocket();
    const badFrames: { name: string; data: string | Buffer; id: string | null; code: string }[] = [
      { name: 'not JSON', data: '{"id": "a", oops', id: null, code: 'invalid_request' },
      { name: 'a JSON array', data: '[1, 2, 3]', id: null, code: 'invalid_request' },
      { name: 'a JSON string', data: '"hello"', id: null, code: 'invalid_request' },
      { name: 'JSON null', data: 'null', id: null, code: 'invalid_request' },
      {
        name: 'no id',
        data: JSON.stringify({ channel: 'app.info', payload: {} }),
        id: null,
        code: 'invalid_request',
      },
      {
        name: 'a numeric id',
        data: JSON.stringify({ id: 7, channel: 'app.info', payload: {} }),
        id: null,
        code: 'invalid_request',
      },
      {
        name: 'an unknown channel',
        data: JSON.stringify({ id: 'u1', channel: 'documents.explode', payload: {} }),
        id: 'u1',
        code: 'unknown_channel',
      },
      {
        name: 'a payload of the wrong types',
        data: JSON.stringify({ id: 'w1', channel: 'documents.get', payload: { id: 42 } }),
        id: 'w1',
        code: 'invalid_request',
      },
      {
        name: 'a binary frame',
        data: Buffer.from(JSON.stringify({ id: 'b1', channel: 'app.info', payload: {} })),
        id: null,
        code: 'invalid_request',
      },
    ];
    for (const frame of badFrames) {
      const reply = await sendRaw(client, frame.data);
      assert.equal(reply.id, frame.id, `${frame.name}: reply id`);
      assert.equal(errorCode(reply), frame.code, `${frame.name}: error code`);
      assert.ok(!reply.ok && reply.error.message.length > 0, `${frame.name}: has a message`);
      assert.equal(
        errorCode(await call(client, 'app.info', {})),
        'ok',
        `serves after ${frame.name}`,
      );
    }
    client.ws.close();
  });

  it('names the offending field when a payload fails the contract', async () => {
    const client = await openSocket();
    const reply = await call(client, 'documents.rename', { id: 'doc_0123456789', title: 5 });
    assert.equal(reply.ok, false);
    if (!reply.ok)
      assert.deepEqual(
        reply.error.issues?.map((issue) => issue.path),
        ['title'],
      );
    client.ws.close();
  });

  it('carries an error’s i18n key and values to the client intact', async () => {
    const client = await openSocket();
    const reply = await call(client, 'documents.get', { id: 'doc_0123456789' });
    assert.deepEqual(reply.ok ? null : reply.error, {
      code: 'not_found',
      message: 'That document no longer exists. It may have been removed.',
      localized: { key: 'errors:documents.gone' },
    });
    const invalid = await call(client, 'documents.rename', { id: 'doc_0123456789', title: 5 });
    assert.equal(invalid.ok ? null : invalid.error.localized?.key, 'errors:request.invalid');
    assert.deepEqual(
      invalid.ok ? null : { ...invalid.error.localized?.values, problem: undefined },
      { channel: 'documents.rename', path: 'title', problem: undefined },
    );
    client.ws.close();
  });

  it('refuses half a character (a lone surrogate) on every channel, and keeps whole ones exactly', async () => {
    const client = await openSocket();
    const half = 'a\ud800b';
    // JSON.stringify writes the half as the escape \ud800, which JSON.parse turns back into it.
    assert.match(JSON.stringify(half), /\\ud800/);
    const created = await call(client, 'documents.create', { title: 'Whole', text: 'whole' });
    const doc = created.ok ? (created.data as { id: string; version: number }) : null;
    assert.ok(doc);
    const settings = await call(client, 'settings.getDocument', { documentId: doc.id });
    assert.ok(settings.ok);
    const current = settings.data as Record<string, unknown>;
    const keep = { documentId: doc.id, presetId: current.presetId, params: current.params };
    const template = { name: 'Mine', kind: 'story', body: 'Once' };
    const attempts: [channel: string, payload: unknown, path: string][] = [
      ['documents.create', { text: half }, 'text'],
      ['documents.create', { title: half }, 'title'],
      ['documents.save', { id: doc.id, content: '{}', text: half, baseVersion: 1 }, 'text'],
      ['documents.rename', { id: doc.id, title: half }, 'title'],
      ['settings.saveDocument', { ...keep, memory: half, authorsNote: '' }, 'memory'],
      ['settings.saveDocument', { ...keep, memory: '', authorsNote: half }, 'authorsNote'],
      ['templates.save', { template: { ...template, body: half } }, 'template.body'],
      ['templates.preview', { id: 'story', fields: { [half]: 'x' } }, `fields.${half}`],
      ['documents.search', { query: half }, 'query'],
    ];
    for (const [channel, payload, path] of attempts) {
      const reply = await call(client, channel, payload);
      assert.equal(errorCode(reply), 'invalid_request', channel);
      if (reply.ok) continue;
      assert.equal(reply.error.localized?.key, 'errors:storedText.brokenCharacter', channel);
      assert.deepEqual(
        reply.error.issues?.map((issue) => issue.path),
        [path],
        channel,
      );
    }
    const after = await call(client, 'documents.get', { id: doc.id });
    const stored = after.ok
      ? (after.data as { title: string; text: string; version: number })
      : null;
    assert.deepEqual(stored && [stored.title, stored.text, stored.version], ['Whole', 'whole', 1]);
    const unchanged = await call(client, 'settings.getDocument', { documentId: doc.id });
    assert.deepEqual(unchanged.ok && unchanged.data, current);

    // Whole characters, however they are written, come back exactly; the same again is no change.
    const exact = 'a😀b e\u0301 👩‍💻';
    const saved = await call(client, 'documents.save', {
      id: doc.id,
      content: JSON.stringify({ text: exact }),
      text: exact,
      baseVersion: 1,
    });
    assert.equal(saved.ok && (saved.data as { version: number }).version, 2);
    const again = await call(client, 'documents.save', {
      id: doc.id,
      content: JSON.stringify({ text: exact }),
      text: exact,
      baseVersion: 2,
    });
    assert.equal(again.ok && (again.data as { version: number }).version, 2);
    const reread = await call(client, 'documents.get', { id: doc.id });
    assert.equal(reread.ok && (reread.data as { text: string }).text, exact);
    client.ws.close();
  });

  it('refuses a save that names no base version, rather than overwrite whatever is there', async () => {
    const client = await openSocket();
    const created = await call(client, 'documents.create', { text: 'theirs' });
    const id = created.ok ? (created.data as { id: string }).id : '';
    const reply = await call(client, 'documents.save', { id, content: '', text: 'mine' });
    assert.equal(errorCode(reply), 'invalid_request');
    assert.deepEqual(reply.ok ? null : reply.error.issues?.map((issue) => issue.path), [
      'baseVersion',
    ]);
    const stored = await call(client, 'documents.get', { id });
    assert.equal(stored.ok && (stored.data as { text: string }).text, 'theirs');
    client.ws.close();
  });

  it('forwards events to every open connection', async () => {
    const listener = await openSocket();
    const actor = await openSocket();
    const eventArrived = nextEvent(listener);
    await call(actor, 'documents.create', { title: 'Announced' });
    const event = await eventArrived;
    assert.equal(event.event, 'documents.changed');
    assert.equal((event.payload as { kind: string }).kind, 'created');
    listener.ws.close();
    actor.ws.close();
  });

  it('refuses an upgrade without the token, or with a wrong one, with 401', async () => {
    const base = `ws://127.0.0.1:${server.port}${WS_PATH}`;
    assert.equal(await upgradeStatus(base), 401);
    assert.equal(await upgradeStatus(`${base}?token=`), 401);
    assert.equal(await upgradeStatus(socketUrl(`${server.token}x`)), 401);
    assert.equal(await upgradeStatus(socketUrl(server.token.slice(0, -1))), 401);
  });

  it('refuses an upgrade under a foreign Host with 421, even from a client without an Origin', async () => {
    for (const host of [`evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`]) {
      assert.equal(await upgradeStatus(socketUrl(), { Host: host }), 421, host);
    }
    for (const host of [`localhost:${server.port}`, `[::1]:${server.port}`]) {
      const client = await openSocket({ Host: host });
      assert.equal(errorCode(await call(client, 'app.info', {})), 'ok', host);
      client.ws.close();
    }
  });

  it('refuses an upgrade on any other path', async () => {
    const url = `ws://127.0.0.1:${server.port}/elsewhere?token=${server.token}`;
    assert.equal(await upgradeStatus(url), 404);
  });

  it('refuses a page from another origin with 403, and accepts its own origins', async () => {
    for (const origin of [
      'http://evil.example',
      `http://127.0.0.1.evil.example:${server.port}`,
      `http://127.0.0.1:${server.port + 1}`,
      `https://127.0.0.1:${server.port}`,
      'null',
    ]) {
      assert.equal(await upgradeStatus(socketUrl(), { Origin: origin }), 403, origin);
    }
    for (const origin of [
      `http://127.0.0.1:${server.port}`,
      `http://localhost:${server.port}`,
      `http://[::1]:${server.port}`,
    ]) {
      const client = await openSocket({ Origin: origin });
      assert.equal(errorCode(await call(client, 'app.info', {})), 'ok', origin);
      client.ws.close();
    }
  });

  it('closes a connection that sends a frame over the limit with 1009, and serves the next one', async () => {
    const { ws } = await openSocket();
    ws.on('error', () => undefined);
    const closed = once(ws, 'close') as Promise<[number, Buffer]>;
    ws.send('x'.repeat(MAX_FRAME_BYTES + 1));
    const [code] = await closed;
    assert.equal(code, 1009);

    const next = await openSocket();
    assert.equal(errorCode(await call(next, 'app.info', {})), 'ok');
    next.ws.close();
  });
});

describe('the headless server over HTTP', () => {
  it('serves index.html for / with a strict Content-Security-Policy and no caching', async () => {
    const response = await rawGet('/');
    assert.equal(response.status, 200);
    assert.match(response.body, /<title>Inkwell<\/title>/);
    assert.match(String(response.headers['content-type']), /^text\/html/);
    const csp = String(response.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, new RegExp(`connect-src 'self' ws://127\\.0\\.0\\.1:${server.port}`));
    // Chromium refuses (and reports on the page) a source with an IPv6 literal such as [::1].
    assert.doesNotMatch(csp, /\[/);
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['referrer-policy'], 'no-referrer');
    assert.equal(response.headers['cache-control'], 'no-store');
  });

  it('serves assets with their content type', async () => {
    const response = await rawGet('/assets/app.js');
    assert.equal(response.status, 200);
    assert.match(String(response.headers['content-type']), /^text\/javascript/);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const attempt of [
      '/../secret.txt',
      '/../../package.json',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/..\\secret.txt',
      `/${encodeURIComponent(path.join(root, 'secret.txt'))}`,
      `/${path.join(root, 'secret.txt')}`,
      '//etc/passwd',
      '/index.html%00.js',
      '/%',
      '/C:/Windows/win.ini',
      '/assets/link.txt',
    ]) {
      const response = await rawGet(attempt);
      assert.ok([403, 404].includes(response.status), `${attempt} → ${response.status}`);
      assert.ok(!response.body.includes(SECRET), `${attempt} leaked the file`);
      assert.ok(!response.body.includes('"name": "inkwell"'), `${attempt} leaked package.json`);
    }
  });

  it('serves its page only under its own names: 127.0.0.1, localhost and [::1] with its port', async () => {
    // DNS rebinding: a foreign name resolved to 127.0.0.1 makes the browser send that name.
    for (const host of [
      `evil.example:${server.port}`,
      'evil.example',
      `127.0.0.1.evil.example:${server.port}`,
      `localhost.evil.example:${server.port}`,
      `127.0.0.1:${server.port + 1}`,
      `localhost:${server.port + 1}`,
      '127.0.0.1',
      'localhost',
      `0.0.0.0:${server.port}`,
      `127.0.0.2:${server.port}`,
    ]) {
      for (const file of ['/', '/assets/app.js']) {
        const response = await rawGet(file, { Host: host });
        assert.equal(response.status, 421, `${host}${file}`);
        assert.ok(!response.body.includes('Inkwell</title>'), `${host}${file} served the page`);
        assert.ok(!response.body.includes('console.log'), `${host}${file} served the script`);
      }
    }
    for (const host of [
      `127.0.0.1:${server.port}`,
      `localhost:${server.port}`,
      `LocalHost:${server.port}`,
      `[::1]:${server.port}`,
    ]) {
      const response = await rawGet('/', { Host: host });
      assert.equal(response.status, 200, host);
      assert.match(response.body, /<title>Inkwell<\/title>/, host);
    }
  });

  it('answers 404 for a missing file and 405 for a method other than GET or HEAD', async () => {
    assert.equal((await rawGet('/nope.js')).status, 404);
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path: '/', method: 'POST' });
    req.end('x');
    const [response] = (await once(req, 'response')) as [IncomingMessage];
    response.resume();
    assert.equal(response.statusCode, 405);
  });

  it('listens on 127.0.0.1 only', async (t) => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    if (process.platform !== 'linux') {
      t.skip('only Linux routes all of 127.0.0.0/8 to the loopback interface');
      return;
    }
    // On Linux 127.0.0.2 reaches this machine too; it is refused because the socket is bound to
    // 127.0.0.1 alone, just as every non-loopback address would be.
    const socket = connect({ host: '127.0.0.2', port: server.port });
    const [error] = (await once(socket, 'error').catch((e: unknown) => [e])) as [
      NodeJS.ErrnoException,
    ];
    assert.equal(error.code, 'ECONNREFUSED');
  });
});

describe('starting and stopping', () => {
  it('refuses to start without a built renderer, saying to run npm run build', async () => {
    await assert.rejects(
      startServer({
        port: 0,
        dataDir: path.join(root, 'unused'),
        rendererDir: path.join(root, 'none'),
      }),
      /npm run build/,
    );
  });

  it('keeps documents across a clean stop and start on the same data folder', async () => {
    const own = path.join(root, 'restart-data');
    const first = await startServer({ port: 0, dataDir: own, rendererDir });
    const ws1 = await openSocket({}, `ws://127.0.0.1:${first.port}${WS_PATH}?token=${first.token}`);
    await call(ws1, 'documents.create', { title: 'Survives a restart' });
    await first.close();

    const second = await startServer({ port: 0, dataDir: own, rendererDir });
    assert.notEqual(second.token, first.token, 'each run has its own token');
    const ws2 = await openSocket(
      {},
      `ws://127.0.0.1:${second.port}${WS_PATH}?token=${second.token}`,
    );
    const list = await call(ws2, 'documents.list', {});
    const titles = list.ok ? (list.data as { title: string }[]).map((d) => d.title) : [];
    assert.ok(titles.includes('Survives a restart'), `titles: ${titles.join(', ')}`);
    ws2.ws.close();
    await second.close();
  });
});
