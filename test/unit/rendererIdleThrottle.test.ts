/**
 * Figures that change with every key (the status bar's counts) reach the page between keys: the
 * first at once, then the latest value at most once an interval, nothing after cancel.
 */
import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { idleThrottle } from '../../renderer/editor/plugins/idleThrottle.js';

describe('idle throttle', () => {
  it('delivers the first value at once and then only the latest one per interval', (t) => {
    mock.timers.enable({ apis: ['setTimeout'] });
    t.after(() => mock.timers.reset());
    const delivered: number[] = [];
    const throttle = idleThrottle((value: number) => delivered.push(value), 50);
    throttle.push(1);
    assert.deepEqual(delivered, [1]);
    throttle.push(2);
    throttle.push(3);
    throttle.push(4);
    assert.deepEqual(delivered, [1], 'held while the writer types');
    mock.timers.tick(60);
    assert.deepEqual(delivered, [1, 4], 'the latest count, once');
    mock.timers.tick(200);
    assert.deepEqual(delivered, [1, 4], 'nothing more without a new value');
  });

  it('drops a waiting value on cancel', (t) => {
    mock.timers.enable({ apis: ['setTimeout'] });
    t.after(() => mock.timers.reset());
    const delivered: string[] = [];
    const throttle = idleThrottle((value: string) => delivered.push(value), 50);
    throttle.push('first');
    throttle.push('second');
    throttle.cancel();
    mock.timers.tick(200);
    assert.deepEqual(delivered, ['first']);
  });
});
