/**
 * The headless transport's frame size check: the server refuses frames over its byte limit, so
 * the client refuses them first, counting UTF-8 bytes, not characters.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createWebSocketTransport,
  isOverByteLimit,
} from '../../renderer/api/websocketTransport.js';
import { MAX_FRAME_BYTES } from '../../shared/wire.js';

/** A socket that opens at once and records what is sent. */
class FakeSocket extends EventTarget {
  readonly sent: string[] = [];
  constructor() {
    super();
    queueMicrotask(() => this.dispatchEvent(new Event('open')));
  }
  send(data: string): void {
    this.sent.push(data);
  }
}

describe('frame size limit', () => {
  it('counts UTF-8 bytes: one for ASCII, two or three for other characters, four for a pair', () => {
    assert.equal(isOverByteLimit('a'.repeat(10), 10), false);
    assert.equal(isOverByteLimit('a'.repeat(11), 10), true);
    // Five characters of two bytes each: 10 bytes, though 5 × 3 is over the limit.
    assert.equal(isOverByteLimit('é'.repeat(5), 10), false);
    assert.equal(isOverByteLimit('é'.repeat(6), 10), true);
    assert.equal(isOverByteLimit('—'.repeat(3), 9), false);
    assert.equal(isOverByteLimit('—'.repeat(4), 11), true);
    // An emoji is two UTF-16 units and four bytes.
    assert.equal(isOverByteLimit('🙂'.repeat(2), 8), false);
    assert.equal(isOverByteLimit('🙂'.repeat(2), 7), true);
  });

  it('refuses a request over the limit without sending it, and sends one under it', async () => {
    const sockets: FakeSocket[] = [];
    const transport = createWebSocketTransport({
      baseUrl: 'ws://127.0.0.1:1',
      token: 'token',
      // Nothing answers here; short waits let the test end.
      connectTimeoutMs: 50,
      replyTimeoutMs: 50,
      createSocket: () => {
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket as unknown as WebSocket;
      },
    });
    const refused = await transport.request('documents.save', {
      text: '—'.repeat(Math.ceil(MAX_FRAME_BYTES / 3) + 1),
    });
    assert.equal(refused.ok, false);
    assert.equal(refused.ok ? null : refused.error.code, 'too_large');

    // A frame of under a third of the limit in characters is not measured, and goes out.
    const unanswered = transport.request('documents.save', { text: 'é'.repeat(1000) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(sockets[0]?.sent.length, 1);
    assert.equal((await unanswered).ok, false);
    assert.match(sockets[0]?.sent[0] ?? '', /"channel":"documents.save"/);
  });
});
