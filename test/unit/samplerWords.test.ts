import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generationParams } from '../../shared/schemas/engine.js';
import { wordForms } from '../../electron/engine/host/wordBias.js';
import { dryRepeatPenaltyOf, repeatPenaltyOf } from '../../electron/engine/host/repeatPenalty.js';

describe('word forms for bans and biases', () => {
  it('covers the word as written, lower-case, Capitalised and UPPER-CASE, each with and without a leading space', () => {
    assert.deepEqual(wordForms(' dragon '), [
      'dragon',
      ' dragon',
      'Dragon',
      ' Dragon',
      'DRAGON',
      ' DRAGON',
    ]);
    assert.deepEqual(wordForms('McKay'), [
      'McKay',
      ' McKay',
      'mckay',
      ' mckay',
      'Mckay',
      ' Mckay',
      'MCKAY',
      ' MCKAY',
    ]);
    assert.deepEqual(wordForms('   '), []);
  });
});

describe('repetition controls', () => {
  const params = (input: Parameters<typeof generationParams.parse>[0]) => ({
    ...generationParams.parse(input),
    seed: 1,
  });

  it('are off when none of them would change anything', () => {
    assert.equal(repeatPenaltyOf(params({ repeatPenalty: 1 })), false);
    assert.equal(repeatPenaltyOf(params({ repeatPenalty: 1.3, repeatLastTokens: 0 })), false);
  });

  it('pass the frequency and presence penalties and the line-break choice on to the sampler', () => {
    assert.deepEqual(
      repeatPenaltyOf(
        params({
          repeatPenalty: 1,
          frequencyPenalty: 0.4,
          presencePenalty: 0.2,
          penalizeNewLine: false,
        }),
      ),
      {
        penalty: 1,
        lastTokens: 64,
        frequencyPenalty: 0.4,
        presencePenalty: 0.2,
        penalizeNewLine: false,
      },
    );
    assert.deepEqual(repeatPenaltyOf(params({})), {
      penalty: 1.1,
      lastTokens: 64,
      penalizeNewLine: true,
    });
  });

  it('turn DRY on only with a strength, over the whole context (never node-llama-cpp’s -1)', () => {
    assert.equal(dryRepeatPenaltyOf(params({}), 1024), undefined);
    assert.equal(dryRepeatPenaltyOf(params({ dryStrength: 0 }), 1024), undefined);
    assert.deepEqual(dryRepeatPenaltyOf(params({ dryStrength: 0.8 }), 1024), {
      strength: 0.8,
      base: 1.75,
      allowedLength: 2,
      lastTokens: 1024,
    });
    assert.equal(
      dryRepeatPenaltyOf(params({ dryStrength: 1, dryAllowedLength: 4 }), 512)?.allowedLength,
      4,
    );
  });
});
