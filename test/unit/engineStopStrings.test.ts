/**
 * StopStringMatcher: stop strings found in streamed text, counted only after visible text, never
 * part of the text handed out.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StopStringMatcher } from '../../electron/engine/host/stopStringMatcher.js';

/** Feeds chunks in order; returns what was emitted per chunk, whether it stopped, and the text. */
function feed(stops: string[], chunks: string[], flush = true) {
  const matcher = new StopStringMatcher(stops);
  const emitted: string[] = [];
  let stopped = false;
  for (const chunk of chunks) {
    const step = matcher.push(chunk);
    emitted.push(step.emit);
    if (step.stopped) {
      stopped = true;
      break;
    }
  }
  if (!stopped && flush) emitted.push(matcher.flush());
  return { emitted, stopped, text: emitted.join(''), output: matcher.output };
}

describe('StopStringMatcher', () => {
  it('passes text through unchanged without stop strings', () => {
    const result = feed([], ['\n\n', 'Hello', '\n\n', 'world']);
    assert.deepEqual(result.emitted, ['\n\n', 'Hello', '\n\n', 'world', '']);
    assert.equal(result.stopped, false);
    assert.equal(result.output, '\n\nHello\n\nworld');
  });

  it('stops at a stop string inside a chunk and leaves it and what follows out', () => {
    const result = feed(['END'], ['once upon a time END and more']);
    assert.equal(result.stopped, true);
    assert.equal(result.text, 'once upon a time ');
    assert.equal(result.output, 'once upon a time ');
  });

  it('stops at a stop string split across chunks', () => {
    const result = feed(['\n\n'], ['The rain', '\n', '\n', 'falls']);
    assert.deepEqual(result.emitted, ['The rain', '', '']);
    assert.equal(result.stopped, true);
    assert.equal(result.text, 'The rain');
    const long = feed(['THE END'], ['and so', ' TH', 'E E', 'ND.']);
    assert.deepEqual(long.emitted, ['and so', ' ', '', '']);
    assert.equal(long.text, 'and so ');
  });

  it('holds back a partial prefix, then releases it when the stop string does not follow', () => {
    const matcher = new StopStringMatcher(['\n\n']);
    assert.deepEqual(matcher.push('line one\n'), { emit: 'line one', stopped: false });
    assert.deepEqual(matcher.push('line two'), { emit: '\nline two', stopped: false });
    assert.deepEqual(matcher.push('\n'), { emit: '', stopped: false });
    assert.equal(matcher.flush(), '\n');
    assert.equal(matcher.output, 'line one\nline two\n');
    assert.equal(matcher.stopped, true);
    assert.deepEqual(matcher.push('more'), { emit: '', stopped: true });
  });

  it('releases a held prefix once it can no longer start a stop string', () => {
    const matcher = new StopStringMatcher(['<end>']);
    assert.deepEqual(matcher.push('word <e'), { emit: 'word ', stopped: false });
    assert.deepEqual(matcher.push('n'), { emit: '', stopped: false });
    assert.deepEqual(matcher.push('x'), { emit: '<enx', stopped: false });
    assert.deepEqual(matcher.push('<end>'), { emit: '', stopped: true });
    assert.equal(matcher.output, 'word <enx');
  });

  it('does not count a stop string before any visible text, and keeps that whitespace', () => {
    const result = feed(['\n\n'], ['\n\n', 'Winter Rain', '\n', 'cold', '\n\n', 'next']);
    assert.equal(result.stopped, true);
    assert.equal(result.text, '\n\nWinter Rain\ncold');
    assert.equal(result.emitted[0], '\n\n', 'leading whitespace is handed out at once');
  });

  it('does not stop on whitespace-only output, and flushes it at the end', () => {
    const result = feed(['\n\n', ' '], ['\n\n', ' \n', '\n\n  ']);
    assert.equal(result.stopped, false);
    assert.equal(result.text, '\n\n \n\n\n  ');
  });

  it('counts a stop string that starts right after the first visible character', () => {
    const result = feed(['\n\n'], ['\n\n\n\nA\n\nB']);
    assert.equal(result.stopped, true);
    assert.equal(result.text, '\n\n\n\nA');
    // A match overlapping the leading whitespace is not counted; the next one is.
    const overlap = feed(['\nA'], ['\nA\nA']);
    assert.equal(overlap.text, '\nA');
  });

  it('ends at the earliest of several stop strings', () => {
    const result = feed(['THE END', '\n\n', '.'], ['It was late', '\n', '\nThe end.']);
    assert.equal(result.text, 'It was late');
    const dot = feed(['THE END', '\n\n', '.'], ['It was late. ', '\n\nMore']);
    assert.equal(dot.text, 'It was late');
    // A held prefix of one stop string can complete another.
    const nested = feed(['abcd', 'bc'], ['x a', 'b', 'c', 'd']);
    assert.equal(nested.text, 'x a');
  });

  it('matches unicode stop strings, split at any code point', () => {
    const result = feed(['。\n', '🌸🌸'], ['雪が降る', '。', '\n', '春']);
    assert.equal(result.stopped, true);
    assert.equal(result.text, '雪が降る');
    const emoji = feed(['🌸🌸'], ['桜 🌸', '🌸 散る']);
    assert.deepEqual(emoji.emitted, ['桜 ', '']);
    assert.equal(emoji.text, '桜 ');
    const released = feed(['🌸🌸'], ['桜 🌸', '☀']);
    assert.equal(released.text, '桜 🌸☀');
    // Non-breaking and ideographic spaces are whitespace, not visible text.
    const spaces = feed(['\n'], ['\u00a0\u3000\n', 'あ\n']);
    assert.equal(spaces.text, '\u00a0\u3000\nあ');
  });

  it('ignores empty and repeated stop strings', () => {
    const result = feed(['', '\n\n', '\n\n'], ['one', '\n\n']);
    assert.equal(result.text, 'one');
    assert.equal(feed([''], ['a', 'b']).text, 'ab');
  });
});
