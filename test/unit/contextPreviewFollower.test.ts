import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createPreviewFollower,
  type FollowerClock,
} from '../../renderer/editor/continue/previewFollower.js';

/** A clock moved by hand: timers fire on advance(), idle callbacks on idle(). */
function manualClock(): FollowerClock & { advance(ms: number): void; idle(): void } {
  let now = 0;
  let timers: { at: number; work: () => void }[] = [];
  let idles: (() => void)[] = [];
  return {
    after(ms, work) {
      const timer = { at: now + ms, work };
      timers.push(timer);
      return () => (timers = timers.filter((other) => other !== timer));
    },
    whenIdle(work) {
      idles.push(work);
      return () => (idles = idles.filter((other) => other !== work));
    },
    advance(ms) {
      now += ms;
      const due = timers.filter((timer) => timer.at <= now);
      timers = timers.filter((timer) => timer.at > now);
      for (const timer of due) timer.work();
    },
    idle() {
      const due = idles;
      idles = [];
      for (const work of due) work();
    },
  };
}

/** An engine whose answers come when the test says: each question is the text at asking time. */
function manualEngine(read: () => string) {
  const questions: { text: string; answer: () => Promise<void> }[] = [];
  const ask = (): Promise<string> => {
    const text = read();
    return new Promise((resolve) => {
      questions.push({
        text,
        answer: async () => {
          resolve(text);
          // Lets the follower's then() run before the test looks.
          await new Promise((done) => setImmediate(done));
        },
      });
    });
  };
  return { ask, questions };
}

function follow(read: () => string) {
  const clock = manualClock();
  const engine = manualEngine(read);
  const shown: string[] = [];
  const follower = createPreviewFollower({
    ask: engine.ask,
    onAnswer: (answer) => shown.push(answer),
    onProblem: (error) => shown.push(`problem: ${String(error)}`),
    quietMs: 600,
    clock,
  });
  return { clock, engine, shown, follower };
}

describe('the context viewer follows the text off the typing path', () => {
  it('asks nothing while keys come, and once when the writer pauses, in an idle moment', () => {
    let text = '';
    const { clock, engine, follower } = follow(() => text);
    for (const key of 'Everard') {
      text += key;
      follower.changed();
      clock.advance(100);
      clock.idle();
    }
    assert.equal(engine.questions.length, 0, 'no question between keys 100 ms apart');
    clock.advance(500);
    assert.equal(engine.questions.length, 0, 'after the pause it still waits for an idle moment');
    clock.idle();
    assert.deepEqual(
      engine.questions.map((question) => question.text),
      ['Everard'],
    );
  });

  it('keeps one question in flight; an answer overtaken by typing is dropped, and the newest text is asked once it is in', async () => {
    let text = 'A';
    const { clock, engine, shown, follower } = follow(() => text);
    follower.changed();
    clock.advance(600);
    clock.idle();
    assert.equal(engine.questions.length, 1);

    // The writer types on, and pauses, while the first question is still out.
    text = 'AB';
    follower.changed();
    text = 'ABC';
    follower.changed();
    clock.advance(600);
    clock.idle();
    assert.equal(engine.questions.length, 1, 'never two in flight');

    await engine.questions[0]?.answer();
    assert.deepEqual(shown, [], 'the answer for "A" is stale: not shown');
    clock.advance(0);
    clock.idle();
    assert.deepEqual(
      engine.questions.map((question) => question.text),
      ['A', 'ABC'],
      'the next question is about the newest text, not each one typed',
    );
    await engine.questions[1]?.answer();
    assert.deepEqual(shown, ['ABC']);
  });

  it('when the stale answer comes while the writer is still typing, it waits for their pause', async () => {
    let text = 'A';
    const { clock, engine, shown, follower } = follow(() => text);
    follower.changed();
    clock.advance(600);
    clock.idle();
    text = 'AB';
    follower.changed();
    await engine.questions[0]?.answer();
    clock.advance(300);
    clock.idle();
    assert.equal(engine.questions.length, 1, 'still typing: no new question yet');
    clock.advance(300);
    clock.idle();
    assert.deepEqual(
      engine.questions.map((question) => question.text),
      ['A', 'AB'],
    );
    await engine.questions[1]?.answer();
    assert.deepEqual(shown, ['AB']);
  });

  it('shows a problem only for the newest question, and nothing after it is closed', async () => {
    const clock = manualClock();
    const shown: string[] = [];
    let fail: (error: Error) => void = () => undefined;
    const follower = createPreviewFollower<string>({
      ask: () => new Promise((_resolve, reject) => (fail = reject)),
      onAnswer: (answer) => shown.push(answer),
      onProblem: (error) => shown.push(`problem: ${(error as Error).message}`),
      quietMs: 600,
      clock,
    });
    follower.changed();
    clock.advance(600);
    clock.idle();
    fail(new Error('no model'));
    await new Promise((done) => setImmediate(done));
    assert.deepEqual(shown, ['problem: no model']);

    follower.changed();
    clock.advance(600);
    clock.idle();
    follower.dispose();
    fail(new Error('late'));
    await new Promise((done) => setImmediate(done));
    follower.changed();
    clock.advance(600);
    clock.idle();
    assert.deepEqual(
      shown,
      ['problem: no model'],
      'closed: the late answer and later edits do nothing',
    );
  });
});
