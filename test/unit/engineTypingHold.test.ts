/**
 * While the writer types through a suggestion, the model's next token waits until they pause:
 * nothing is held before a key, a key holds the model for the typing pause from that key, and
 * the time held is counted apart so that the model's speed is not understated.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TypingHold } from '../../electron/engine/host/typingHold.js';

/** A clock the test moves, and a sleep that moves it (as a real sleep would). */
function fakeTime() {
  let now = 1000;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    advance: (ms: number) => (now += ms),
    slept,
  };
}

describe('typing hold', () => {
  it('lets tokens through at once while the writer is not typing', () => {
    const time = fakeTime();
    const hold = new TypingHold(400, time.now, time.sleep);
    hold.waitForPause();
    hold.waitForPause();
    assert.deepEqual(time.slept, []);
    assert.equal(hold.totalHeldMs, 0);
  });

  it('holds the next token until the writer has paused for the typing pause', () => {
    const time = fakeTime();
    const hold = new TypingHold(400, time.now, time.sleep);
    hold.noteTyping();
    time.advance(100);
    hold.waitForPause();
    assert.deepEqual(time.slept, [300], 'until 400 ms after the key');
    hold.waitForPause();
    assert.deepEqual(time.slept, [300], 'the pause is over: the next token goes at once');
  });

  it('starts the pause again with every key and counts the time held', () => {
    const time = fakeTime();
    const hold = new TypingHold(400, time.now, time.sleep);
    hold.noteTyping();
    time.advance(250);
    hold.noteTyping();
    time.advance(50);
    hold.waitForPause();
    assert.deepEqual(time.slept, [350]);
    time.advance(1000);
    hold.noteTyping();
    hold.waitForPause();
    assert.deepEqual(time.slept, [350, 400]);
    assert.equal(hold.totalHeldMs, 750);
  });

  it('really sleeps by default, blocking only as long as the pause', () => {
    const hold = new TypingHold(30);
    hold.noteTyping();
    const startedAt = performance.now();
    hold.waitForPause();
    assert.ok(performance.now() - startedAt >= 25, 'the token waited for the pause');
    assert.ok(hold.totalHeldMs > 0 && hold.totalHeldMs <= 30);
  });
});
