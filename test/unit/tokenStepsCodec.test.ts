/**
 * A generation's token steps stored as one compact blob: what goes in comes out (to the
 * probability's stored precision, and which distribution each step shows), older blobs still
 * read, a damaged blob is refused with a reason rather than read as something else, and a
 * 400-token generation with 10 alternatives a token stays small.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import {
  decodeTokenSteps,
  encodeTokenSteps,
  TokenStepsFormatError,
} from '../../electron/store/tokenStepsCodec.js';
import { TOP_ALTERNATIVES, type TokenStep } from '../../shared/schemas/tokenSteps.js';
import { TokenStepTrail } from '../../shared/tokenStepTrail.js';

const words = [
  ' the',
  ' a',
  ' harbour',
  ' was',
  ' quiet',
  ',',
  '.',
  ' and',
  ' gulls',
  '\n',
  ' 港',
  '🐟',
  '',
];

/** A plausible generation: a vocabulary of ~400 pieces, probabilities summing below 1. */
function generation(tokens: number, vocabulary = 400): TokenStep[] {
  let state = 12345;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const piece = (): string => {
    const index = Math.floor(random() * vocabulary);
    return index < words.length ? (words[index] as string) : ` w${index}`;
  };
  return Array.from({ length: tokens }, () => {
    let left = 1;
    const alternatives = Array.from({ length: TOP_ALTERNATIVES }, () => {
      const p = left * random() * 0.6;
      left -= p;
      return { text: piece(), p };
    }).sort((a, b) => b.p - a.p);
    const chosen = alternatives[Math.floor(random() * 3)] as TokenStep['alternatives'][number];
    return { text: chosen.text, p: chosen.p, alternatives };
  });
}

function assertClose(actual: TokenStep[], expected: TokenStep[]): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((step, index) => {
    const want = expected[index] as TokenStep;
    assert.equal(step.text, want.text);
    assert.ok(Math.abs(step.p - want.p) <= 1 / 65535, `step ${index}: p ${step.p} vs ${want.p}`);
    assert.deepEqual(
      step.alternatives.map((alt) => alt.text),
      want.alternatives.map((alt) => alt.text),
    );
    step.alternatives.forEach((alt, j) => {
      assert.ok(Math.abs(alt.p - (want.alternatives[j]?.p ?? -1)) <= 1 / 65535);
    });
  });
}

describe('stored token steps', () => {
  it('come back as they went in, texts exactly and probabilities within 1/65535', () => {
    const steps = generation(120);
    steps.push({ text: '', p: 1, alternatives: [{ text: '\uFFFD', p: 1 }] });
    steps.push({ text: 'cut', p: 0, alternatives: [] });
    assertClose(decodeTokenSteps(encodeTokenSteps(steps)), steps);
    assert.deepEqual(decodeTokenSteps(encodeTokenSteps([])), []);
  });

  it("keep which distribution a step shows: greedy's stays greedy, a sampled one has none", () => {
    const [sampled, greedy] = generation(2) as [TokenStep, TokenStep];
    const greedyStep: TokenStep = { ...greedy, distribution: 'greedy' };
    const full: TokenStep = {
      ...greedyStep,
      alternatives: generation(TOP_ALTERNATIVES + 1).map(({ text, p }) => ({ text, p })),
    };
    const decoded = decodeTokenSteps(encodeTokenSteps([sampled, greedyStep, full]));
    assertClose(decoded, [sampled, greedyStep, full]);
    assert.deepEqual(
      decoded.map((step) => step.distribution),
      [undefined, 'greedy', 'greedy'],
    );
    assert.equal(decoded[2]?.alternatives.length, TOP_ALTERNATIVES + 1);
    assert.ok(!('distribution' in (decoded[0] as object)), 'a sampled step has no field at all');
  });

  it('still read blobs stored before steps said their distribution (version 1)', () => {
    // 'P', version 1, one text ("ok"), one step: text 0, p 65535, one alternative (text 0, p 65535).
    const v1 = deflateRawSync(
      Buffer.from([0x50, 1, 1, 2, 0x6f, 0x6b, 1, 0, 0xff, 0xff, 1, 0, 0xff, 0xff]),
    );
    assert.deepEqual(decodeTokenSteps(v1), [
      { text: 'ok', p: 1, alternatives: [{ text: 'ok', p: 1 }] },
    ]);
    // In version 1 the top bit of the count was never written: such a byte is damage.
    const v1Damaged = deflateRawSync(
      Buffer.from([0x50, 1, 1, 2, 0x6f, 0x6b, 1, 0, 0xff, 0xff, 0x81, 0, 0xff, 0xff]),
    );
    assert.throws(() => decodeTokenSteps(v1Damaged), TokenStepsFormatError);
  });

  it('take a few kilobytes for 400 tokens with 10 alternatives each', () => {
    const steps = generation(400);
    const blob = encodeTokenSteps(steps);
    const asJson = Buffer.byteLength(JSON.stringify(steps));
    console.log(
      `400 tokens × ${TOP_ALTERNATIVES} alternatives: ${blob.length} bytes stored ` +
        `(${(blob.length / 400).toFixed(1)} bytes a token; the same steps as JSON: ${asJson} bytes)`,
    );
    assert.ok(blob.length < asJson / 4, 'far smaller than JSON');
    assert.ok(blob.length < 24 * 1024, `${blob.length} bytes`);
  });

  it('refuse a damaged blob with a reason', () => {
    const blob = encodeTokenSteps(generation(20));
    const damaged = [
      Buffer.from('not deflate at all'),
      blob.subarray(0, Math.floor(blob.length / 2)),
      Buffer.alloc(0),
    ];
    for (const bytes of damaged) {
      assert.throws(() => decodeTokenSteps(bytes), TokenStepsFormatError);
    }
  });
});

describe('the trail that keeps steps in line with the text', () => {
  const step = (text: string): TokenStep => ({ text, p: 0.5, alternatives: [{ text, p: 0.5 }] });

  it('hands a step on once all of its text is out, and cuts the last at the end', () => {
    const trail = new TokenStepTrail();
    trail.push([step('Hello'), step(' wor'), step('ld\n')]);
    assert.deepEqual(
      trail.release(7).map((s) => s.text),
      ['Hello'],
      'the second step is only partly out',
    );
    assert.deepEqual(
      trail.release(9).map((s) => s.text),
      [' wor'],
    );
    // A stop string "\n" cut the text at 11 characters: the last step loses its newline.
    assert.deepEqual(
      trail.finish(11).map((s) => s.text),
      ['ld'],
    );
    assert.deepEqual(trail.finish(20), [], 'nothing after the end');
  });

  it('drops steps that start after the text ends, and passes empty-text steps on', () => {
    const trail = new TokenStepTrail();
    trail.push([step('One'), step(''), step(' two'), step(' three')]);
    assert.deepEqual(
      trail.finish(4).map((s) => s.text),
      ['One', '', ' '],
    );
  });
});
