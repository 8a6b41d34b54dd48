/**
 * Every way a remote server can fail, each ending the completion with a clear message that names
 * the server (never the API key), and the next continue on the same engine working: a server
 * that is down, a wrong address, TLS to a plain server, 401/403, 429, 5xx, a stream that stops
 * midway or stalls, a server slow to answer, and answers in a shape no real server sends. The
 * shapes come from a deliberately broken local HTTP server.
 */
import assert from 'node:assert/strict';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { RemoteEngine } from '../../electron/engine/remote/remoteEngine.js';
import { generationParams } from '../../shared/schemas/engine.js';

type Mode =
  | 'ok'
  | 'unauthorized'
  | 'forbidden'
  | 'rateLimited'
  | 'serverError'
  | 'stopsMidway'
  | 'endsWithoutFinish'
  | 'wrongShape'
  | 'notJson'
  | 'slowAnswer'
  | 'stalls'
  | 'badRequest'
  | 'writesOn';

const KEY = 'sk-test-4f9a1c22-secret';
const STORY = 'She said and then more';
const timeouts = { answerMs: 1000, firstEventMs: 1000, idleMs: 1000 };
const params = { ...generationParams.parse({ maxTokens: 8 }), seed: 1 };

function event(res: ServerResponse, data: unknown): void {
  res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
}
const piece = (text: string, finish: string | null = null) => ({
  choices: [{ text, index: 0, finish_reason: finish }],
});

describe('remote engine failures', () => {
  let server: Server;
  let baseUrl = '';
  let mode: Mode = 'ok';
  const open = new Set<ServerResponse>();

  before(async () => {
    server = createServer((req, res) => {
      open.add(res);
      res.on('close', () => open.delete(res));
      const url = req.url ?? '';
      if (req.headers.authorization !== `Bearer ${KEY}`) {
        res.writeHead(401, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ error: { message: 'Invalid API Key' } }));
      }
      // Shapes no real server sends for its model list: a web page, and JSON without "data".
      if (url === '/page/v1/models') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<html><body>Welcome</body></html>');
      }
      if (url === '/nodata/v1/models') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ object: 'list' }));
      }
      if (url === '/v1/models') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ object: 'list', data: [{ id: 'broken-model' }] }));
      }
      if (url !== '/v1/completions') {
        res.writeHead(404, { 'content-type': 'text/html' });
        return res.end('<html><body>Not Found</body></html>');
      }
      const stream = () => res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (mode === 'writesOn') {
        // A server that always writes the same story on from wherever the prompt ends in it.
        let body = '';
        req.on('data', (data: Buffer) => (body += data.toString()));
        req.on('end', () => {
          const { prompt } = JSON.parse(body) as { prompt: string };
          const rest = STORY.startsWith(prompt) ? STORY.slice(prompt.length) : '';
          stream();
          const pieces = rest.match(/ ?[^ ]+/g) ?? [];
          pieces.forEach((text, index) =>
            event(res, piece(text, index === pieces.length - 1 ? 'stop' : null)),
          );
          event(res, '[DONE]');
          res.end();
        });
        return;
      }
      req.resume();
      switch (mode) {
        case 'ok':
          stream();
          event(res, piece(' and'));
          event(res, piece(' then'));
          event(res, piece(' more', 'length'));
          event(res, '[DONE]');
          return res.end();
        case 'unauthorized':
        case 'forbidden':
          res.writeHead(mode === 'unauthorized' ? 401 : 403, {
            'content-type': 'application/json',
          });
          return res.end(JSON.stringify({ error: { message: 'no' } }));
        case 'rateLimited':
          res.writeHead(429, { 'retry-after': '7' });
          return res.end('slow down');
        case 'serverError':
          res.writeHead(503, { 'content-type': 'application/json' });
          return res.end(JSON.stringify({ error: { message: 'the model is loading' } }));
        case 'badRequest':
          res.writeHead(400, { 'content-type': 'application/json' });
          return res.end(JSON.stringify({ error: { message: '"top_k" is not allowed' } }));
        case 'stopsMidway':
          stream();
          event(res, piece(' and'));
          // The connection drops: no finish, no [DONE].
          return void setImmediate(() => res.socket?.destroy());
        case 'endsWithoutFinish':
          stream();
          event(res, piece(' and'));
          return res.end();
        case 'wrongShape':
          stream();
          event(res, { result: 'text' });
          return res.end();
        case 'notJson':
          stream();
          event(res, '<html>');
          return res.end();
        case 'slowAnswer':
          return; // never answers
        case 'stalls':
          stream();
          event(res, piece(' and'));
          return; // and then nothing
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    for (const res of open) res.socket?.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    mode = 'ok';
  });

  const engineAt = (url: string, apiKey: string | null = KEY) =>
    new RemoteEngine({
      settings: { baseUrl: url, apiKey, model: '', contextSize: 256 },
      timeouts,
    });

  async function continueOn(engine: RemoteEngine) {
    const chunks: string[] = [];
    const outcome = await engine.complete({ kind: 'text', text: 'She said' }, params, {
      fitted: () => undefined,
      chunk: (text) => chunks.push(text),
    }).done;
    return { ...outcome, chunks };
  }

  /** The completion fails with `expected`, and the next one on the same engine works. */
  async function failsThenRecovers(failing: Mode, expected: RegExp): Promise<string> {
    const engine = engineAt(baseUrl);
    mode = failing;
    const failed = await continueOn(engine);
    assert.equal(failed.finishReason, 'error', `${failing}: ${failed.text}`);
    assert.match(failed.error?.message ?? '', expected);
    assert.ok(
      failed.error?.localized?.key.startsWith('errors:remote.'),
      failed.error?.localized?.key,
    );
    assert.ok(!JSON.stringify(failed).includes(KEY), 'the key is in no message');
    mode = 'ok';
    const next = await continueOn(engine);
    assert.equal(next.finishReason, 'length', next.error?.message);
    assert.equal(next.text, ' and then more');
    return failed.error?.message ?? '';
  }

  it('works on the broken server when it behaves (counts estimated: it has no /tokenize)', async () => {
    const engine = engineAt(baseUrl);
    const model = await engine.ensureModel();
    assert.equal(model.remote?.tokenizer, 'estimate');
    const fit = await engine.plan({ kind: 'text', text: 'She said' }, 8);
    assert.equal(fit.plan.tokensEstimated, true);
    const outcome = await continueOn(engine);
    assert.deepEqual(outcome.chunks, [' and', ' then', ' more']);
  });

  it('refuses word biases on a server without /tokenize, saying why, rather than ignore them', async () => {
    const engine = engineAt(baseUrl);
    const biased = await engine.complete(
      { kind: 'text', text: 'She said' },
      { ...params, wordBiases: [{ word: 'then', bias: 4 }] },
      { fitted: () => assert.fail('nothing is asked of the server'), chunk: () => undefined },
    ).done;
    assert.equal(biased.finishReason, 'error');
    assert.equal(biased.error?.localized?.key, 'errors:remote.biasesNeedTokenizer');
    assert.match(biased.error?.message ?? '', /has no \/tokenize\), so the word biases cannot/);
    assert.equal((await continueOn(engine)).text, ' and then more');
  });

  it('keeps a banned word out on a server without /tokenize: the text ends before it', async () => {
    const engine = engineAt(baseUrl);
    mode = 'writesOn';
    const chunks: string[] = [];
    const banned = await engine.complete(
      { kind: 'text', text: 'She said' },
      { ...params, bannedWords: ['then'] },
      { fitted: () => undefined, chunk: (text) => chunks.push(text) },
    ).done;
    // The server writes " then" there whatever the seed: asked again with others, then cut there.
    assert.equal(banned.finishReason, 'stop', banned.error?.message);
    assert.equal(banned.text, ' and');
    assert.deepEqual(chunks, [' and']);
  });

  it('says nothing answers when the server is down', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const engine = engineAt(`http://127.0.0.1:${port}`);
    const outcome = await continueOn(engine);
    assert.equal(outcome.finishReason, 'error');
    assert.match(
      outcome.error?.message ?? '',
      /Nothing answers at http:\/\/127\.0\.0\.1:\d+ \(connection refused\)/,
    );
    assert.equal(engine.status().state, 'crashed');
    assert.match(engine.status().message ?? '', /connection refused/);
  });

  it('says the server name cannot be found (.invalid never resolves)', async () => {
    const outcome = await continueOn(engineAt('http://inkwell-test.invalid:8080'));
    assert.equal(outcome.finishReason, 'error');
    assert.match(
      outcome.error?.message ?? '',
      /The server name in http:\/\/inkwell-test\.invalid:8080 could not be found/,
    );
  });

  it('says the address is not an OpenAI-compatible server when /v1/models is not there', async () => {
    const outcome = await continueOn(engineAt(`${baseUrl}/some/other/app`));
    assert.match(
      outcome.error?.message ?? '',
      /has no \/v1\/models \(404\)\. Is this the address of an OpenAI-compatible server\?/,
    );
  });

  it('says so when the model list is a web page or JSON of another shape', async () => {
    const page = await continueOn(engineAt(`${baseUrl}/page`));
    assert.match(page.error?.message ?? '', /does not understand \(\/v1\/models: not JSON\)/);
    const noData = await continueOn(engineAt(`${baseUrl}/nodata`));
    assert.match(noData.error?.message ?? '', /\(\/v1\/models: no "data" list\)/);
  });

  it('reports a TLS failure when https:// meets a plain server', async () => {
    const outcome = await continueOn(engineAt(baseUrl.replace('http:', 'https:')));
    assert.equal(outcome.error?.localized?.key, 'errors:remote.tls');
    assert.match(outcome.error?.message ?? '', /secure connection to https:\/\/127\.0\.0\.1/);
  });

  it('says the key was refused (401 at connect), never showing it', async () => {
    const outcome = await continueOn(engineAt(baseUrl, 'sk-wrong-key-000'));
    assert.match(outcome.error?.message ?? '', /refused the API key \(401\)/);
    assert.ok(!JSON.stringify(outcome).includes('sk-wrong-key-000'));
  });

  it('401 and 403 on a completion', async () => {
    await failsThenRecovers('unauthorized', /refused the API key \(401\)/);
    await failsThenRecovers('forbidden', /refused the API key \(403\)/);
  });

  it('429 with the wait the server asks for', async () => {
    await failsThenRecovers('rateLimited', /busy \(429: too many requests\)\. Try again in 7 s/);
  });

  it('5xx and 4xx with the server own words', async () => {
    await failsThenRecovers('serverError', /failed \(503\): the model is loading/);
    await failsThenRecovers('badRequest', /refused the request \(400\): "top_k" is not allowed/);
  });

  it('a stream that stops midway keeps the text so far and says so', async () => {
    const engine = engineAt(baseUrl);
    mode = 'stopsMidway';
    const outcome = await continueOn(engine);
    assert.equal(outcome.finishReason, 'error');
    assert.equal(outcome.text, ' and');
    assert.match(
      outcome.error?.message ?? '',
      /closed the connection before the text was finished/,
    );
    await failsThenRecovers(
      'endsWithoutFinish',
      /closed the connection before the text was finished/,
    );
  });

  it('answers in the wrong shape', async () => {
    await failsThenRecovers(
      'wrongShape',
      /does not understand \(\/v1\/completions: an event without choices\[0\]\)/,
    );
    await failsThenRecovers('notJson', /an event that is not JSON/);
  });

  it('a server slow to answer, or one that stalls mid-text, times out with its limit', async () => {
    await failsThenRecovers('slowAnswer', /did not answer within 1 s/);
    await failsThenRecovers('stalls', /stopped sending for 1 s in the middle of the text/);
  });

  it('a cancel while the server has not answered yet ends at once as cancelled', async () => {
    const engine = engineAt(baseUrl);
    await engine.ensureModel();
    mode = 'slowAnswer';
    const completion = engine.complete({ kind: 'text', text: 'x' }, params, {
      fitted: () => completion.cancel(),
      chunk: () => undefined,
    });
    const outcome = await completion.done;
    assert.equal(outcome.finishReason, 'cancelled');
  });
});
