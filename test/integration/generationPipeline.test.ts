/**
 * The generation pipeline end to end over real WebSockets, with the real model host on the
 * bundled demo model: a generation's events go only to the connection that started it and
 * never before the reply to its start (even when that reply is held back), the host is asked
 * once per continue and once per plan (it fits the prompt itself), a fixed seed gives the same
 * text, and a host killed mid-generation ends that generation with a clear error while the next
 * continue works.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { createBackend, type Backend } from '../../electron/backend.js';
import type { HostRequest } from '../../electron/engine/protocol.js';
import { forkModelHost } from '../../electron/engine/supervisor/forkModelHost.js';
import {
  attachWebSocketAdapter,
  type WebSocketAdapter,
} from '../../electron/ipc/webSocketAdapter.js';
import type { Router } from '../../electron/ipc/router.js';
import type { EventPayload } from '../../shared/contract.js';
import type { GenerationRecord, PromptPlan } from '../../shared/schemas/generations.js';
import { WS_PATH } from '../../shared/wire.js';

const demoModel = fileURLToPath(
  new URL('../../resources/models/gpt2-brown-mini.q8_0.gguf', import.meta.url),
);
const text = 'The old man walked slowly into the village. He looked at the houses and';
/** How long the test holds back the reply to a start it wants to delay. */
const REPLY_DELAY_MS = 600;

interface ReplyFrame {
  id: string;
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string };
}
type Frame =
  ReplyFrame | { event: string; payload: { generationId?: string } & Record<string, unknown> };

/** A WebSocket client that keeps every frame it receives, in order. */
class Client {
  readonly frames: Frame[] = [];
  private nextId = 0;
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.RawData) => {
      this.frames.push(JSON.parse(String(data)) as Frame);
      for (const wake of this.waiters) wake();
    });
  }

  static async connect(port: number, token: string): Promise<Client> {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}?token=${token}`);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    return new Client(socket);
  }

  /** Sends a request; resolves with its reply frame. */
  async call(channel: string, payload: unknown): Promise<ReplyFrame> {
    const id = `r${++this.nextId}`;
    this.socket.send(JSON.stringify({ id, channel, payload }));
    return (await this.until((frame) => 'id' in frame && frame.id === id)) as ReplyFrame;
  }

  /** Resolves with the first frame (seen or to come) that matches. */
  until(match: (frame: Frame) => boolean): Promise<Frame> {
    return new Promise((resolve) => {
      const check = (): boolean => {
        const found = this.frames.find(match);
        if (found) {
          this.waiters.delete(wake);
          resolve(found);
        }
        return found !== undefined;
      };
      const wake = (): void => {
        check();
      };
      if (!check()) this.waiters.add(wake);
    });
  }

  eventsOf(generationId: string): Frame[] {
    return this.frames.filter(
      (frame) => 'event' in frame && frame.payload.generationId === generationId,
    );
  }

  close(): void {
    this.socket.close();
  }
}

const isEnd = (generationId: string) => (frame: Frame) =>
  'event' in frame &&
  frame.event === 'generation.end' &&
  frame.payload.generationId === generationId;

describe('the generation pipeline over WebSockets', () => {
  let dir: string;
  let backend: Backend;
  let server: Server;
  let adapter: WebSocketAdapter;
  let port: number;
  const token = 'pipeline-test-token';
  /** Every request main sent to a model host, by type. */
  const hostRequests: HostRequest['type'][] = [];
  let hostPid: () => number | undefined = () => undefined;
  /** Starts whose reply the router holds back (by generation id). */
  const delayedStarts = new Set<string>();
  let alice: Client;
  let bob: Client;
  let documentId: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inkwell-pipeline-'));
    let current: ReturnType<typeof forkModelHost> | null = null;
    backend = createBackend({
      dataDir: dir,
      transport: 'websocket',
      appVersion: '0.0.0-test',
      defaultModelPath: demoModel,
      spawnModelHost: () => {
        const host = forkModelHost({ quiet: true });
        current = host;
        return {
          get pid() {
            return host.pid;
          },
          postMessage: (message) => {
            hostRequests.push(message.type);
            host.postMessage(message);
          },
          onMessage: (listener) => host.onMessage(listener),
          onExit: (listener) => host.onExit(listener),
          kill: () => host.kill(),
        };
      },
    });
    hostPid = () => current?.pid;
    const router: Router = {
      async dispatch(channel, payload, context) {
        const reply = await backend.router.dispatch(channel, payload, context);
        const id = (payload as { generationId?: unknown } | null)?.generationId;
        if (typeof id === 'string' && delayedStarts.has(id)) {
          await new Promise((resolve) => setTimeout(resolve, REPLY_DELAY_MS));
        }
        return reply;
      },
    };
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    adapter = attachWebSocketAdapter({
      server,
      router,
      events: backend.events,
      token,
      onClientGone: (clientId) => backend.clientGone(clientId),
    });
    alice = await Client.connect(port, token);
    bob = await Client.connect(port, token);
    const created = await alice.call('documents.create', { title: 'Pipeline' });
    documentId = (created as { data: { id: string } }).data.id;
    // The first continue loads the demo model; later ones measure the pipeline alone.
    const warm = randomUUID();
    await alice.call('continue.start', { generationId: warm, documentId, textBeforeCursor: text });
    await alice.until(isEnd(warm));
  });

  after(async () => {
    alice.close();
    bob.close();
    adapter.close();
    await new Promise((resolve) => server.close(resolve));
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends no event before the reply to the start, even when that reply is held back', async () => {
    const generationId = randomUUID();
    delayedStarts.add(generationId);
    const sentAt = alice.frames.length;
    const reply = await alice.call('continue.start', {
      generationId,
      documentId,
      textBeforeCursor: text,
    });
    assert.equal(reply.ok, true);
    await alice.until(isEnd(generationId));
    const mine = alice.frames
      .slice(sentAt)
      .filter(
        (frame) =>
          frame === reply || ('event' in frame && frame.payload.generationId === generationId),
      );
    assert.equal(mine[0], reply, 'the reply comes first');
    assert.ok(mine.length > 2, 'chunks and the end followed it');
    // The model kept writing while the reply was held: its text was not lost, only later.
    const end = mine.at(-1) as unknown as EventEnd;
    const chunks = mine
      .slice(1, -1)
      .map((frame) => ('event' in frame ? String(frame.payload.text) : ''))
      .join('');
    assert.equal(chunks, end.payload.text);
  });

  it('streams a generation only to the connection that started it; others hear of it in history', async () => {
    const generationId = randomUUID();
    const bobSawBefore = bob.frames.length;
    await alice.call('continue.start', { generationId, documentId, textBeforeCursor: text });
    await alice.until(isEnd(generationId));
    await bob.until(
      (frame) =>
        'event' in frame &&
        frame.event === 'history.changed' &&
        frame.payload.id === generationId &&
        frame.payload.kind === 'finished',
    );
    assert.ok(
      alice
        .eventsOf(generationId)
        .some((frame) => 'event' in frame && frame.event === 'generation.chunk'),
    );
    assert.deepEqual(bob.eventsOf(generationId).slice(0), []);
    assert.ok(bob.frames.length > bobSawBefore);
    // Nor can another connection stop or hold it.
    const other = randomUUID();
    await alice.call('continue.start', {
      generationId: other,
      documentId,
      textBeforeCursor: text,
    });
    const stop = await bob.call('continue.stop', { generationId: other });
    assert.deepEqual((stop as { data: unknown }).data, { stopped: false });
    await alice.until(isEnd(other));
  });

  it('refuses a generation id that is already taken', async () => {
    const generationId = randomUUID();
    await alice.call('continue.start', { generationId, documentId, textBeforeCursor: text });
    await alice.until(isEnd(generationId));
    const again = await alice.call('continue.start', {
      generationId,
      documentId,
      textBeforeCursor: text,
    });
    assert.equal(again.ok, false);
    assert.equal(again.error?.code, 'conflict');
  });

  it('asks the model host once per continue and once per plan, however long the document', async () => {
    const long = `${'The harbour was quiet in the early morning, and the fishermen mended their nets. '.repeat(700)}`;
    hostRequests.length = 0;
    const generationId = randomUUID();
    const reply = await alice.call('continue.start', {
      generationId,
      documentId,
      textBeforeCursor: long.slice(-60_000),
    });
    assert.equal(reply.ok, true);
    const plan = (reply as { data: { plan: PromptPlan } }).data.plan;
    assert.ok(plan.droppedTokens > 0, 'the long text was trimmed to fit');
    await alice.until(isEnd(generationId));
    assert.deepEqual(hostRequests, ['complete']);

    hostRequests.length = 0;
    const planned = await alice.call('continue.plan', {
      documentId,
      textBeforeCursor: long.slice(-60_000),
    });
    assert.equal(planned.ok, true);
    assert.deepEqual(hostRequests, ['fit']);
    assert.deepEqual((planned as { data: PromptPlan }).data, plan);
  });

  it('gives the same text for the same seed', async () => {
    const settings = await alice.call('settings.getDocument', { documentId });
    const current = (settings as { data: { params: object; memory: string; authorsNote: string } })
      .data;
    await alice.call('settings.saveDocument', {
      documentId,
      memory: current.memory,
      authorsNote: current.authorsNote,
      presetId: null,
      params: { ...current.params, seed: 1234, temperature: 1, maxTokens: 40 },
    });
    const texts: string[] = [];
    for (let run = 0; run < 2; run++) {
      const generationId = randomUUID();
      await alice.call('continue.start', { generationId, documentId, textBeforeCursor: text });
      const end = (await alice.until(isEnd(generationId))) as EventEnd;
      texts.push(end.payload.text);
    }
    assert.ok((texts[0] ?? '').length > 0);
    assert.equal(texts[1], texts[0]);
  });

  it('ends a generation whose host is killed with a clear error, and the next continue works', async () => {
    const generationId = randomUUID();
    const reply = await alice.call('continue.start', {
      generationId,
      documentId,
      textBeforeCursor: text,
    });
    assert.equal(reply.ok, true);
    await alice.until(
      (frame) =>
        'event' in frame &&
        frame.event === 'generation.chunk' &&
        frame.payload.generationId === generationId,
    );
    const pid = hostPid();
    assert.ok(pid);
    process.kill(pid, 'SIGKILL');
    const end = (await alice.until(isEnd(generationId))) as EventEnd;
    assert.equal(end.payload.finishReason, 'error');
    assert.equal(end.payload.error?.code, 'unavailable');
    assert.match(end.payload.error?.message ?? '', /stopped unexpectedly|restart/i);
    const record = await alice.call('history.get', { id: generationId });
    assert.equal((record as { data: GenerationRecord }).data.finishReason, 'error');

    const next = randomUUID();
    const again = await alice.call('continue.start', {
      generationId: next,
      documentId,
      textBeforeCursor: text,
    });
    assert.equal(again.ok, true, JSON.stringify(again));
    const nextEnd = (await alice.until(isEnd(next))) as EventEnd;
    assert.notEqual(nextEnd.payload.finishReason, 'error');
    assert.ok(nextEnd.payload.text.length > 0);
  });
});

type EventEnd = { event: 'generation.end'; payload: EventPayload<'generation.end'> };
