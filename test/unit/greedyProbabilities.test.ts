/**
 * What a step's probabilities show for each sampler, and the token greedy takes from the
 * candidates llama.cpp hands over: the most likely, and of a tie the lowest token id, as
 * llama.cpp's greedy sampler (it scans in id order and moves only to a strictly higher logit).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Token } from 'node-llama-cpp';
import {
  greedyChoice,
  shownDistribution,
} from '../../electron/engine/host/probabilityCompletion.js';

const candidates = (entries: [number, number][]): Map<Token, number> =>
  new Map(entries.map(([token, p]) => [token as Token, p]));

describe('the token greedy takes from the candidates', () => {
  it('is the most likely one, wherever the candidates list it', () => {
    assert.equal(
      greedyChoice(
        candidates([
          [50, 0.6],
          [7, 0.3],
          [9, 0.1],
        ]),
      ),
      50,
    );
    assert.equal(
      greedyChoice(
        candidates([
          [7, 0.3],
          [50, 0.6],
          [9, 0.1],
        ]),
      ),
      50,
    );
  });

  it('is the lowest token id of a tie, in whatever order the tie is listed', () => {
    assert.equal(
      greedyChoice(
        candidates([
          [812, 0.4],
          [13, 0.4],
          [99, 0.2],
        ]),
      ),
      13,
    );
    assert.equal(
      greedyChoice(
        candidates([
          [13, 0.4],
          [812, 0.4],
          [99, 0.2],
        ]),
      ),
      13,
    );
    assert.equal(
      greedyChoice(
        candidates([
          [5, 0.2],
          [812, 0.4],
          [40, 0.4],
        ]),
      ),
      40,
    );
  });

  it('refuses an empty candidate list rather than inventing a token', () => {
    assert.throws(() => greedyChoice(candidates([])), /no candidate/);
  });
});

describe('the distribution a step shows', () => {
  it('is greedy at temperature 0, unless DRY or XTC act on the sampled token', () => {
    assert.equal(shownDistribution({ temperature: 0, topK: 40, topP: 0.95 }), 'greedy');
    assert.equal(shownDistribution({ temperature: 0, topK: 0, topP: 1, minP: 0 }), 'greedy');
    assert.equal(
      shownDistribution({ temperature: 0, dryRepeatPenalty: { strength: 0.8 } }),
      'chosenOnly',
    );
    assert.equal(
      shownDistribution({ temperature: 0, xtc: { probability: 0.5, threshold: 0.1 } }),
      'chosenOnly',
    );
  });

  it('is the sampled one when top-k, top-p or min-p keeps a few candidates', () => {
    assert.equal(shownDistribution({ temperature: 0.8, topK: 40, topP: 1, minP: 0 }), 'sampled');
    assert.equal(shownDistribution({ temperature: 0.8, topK: 0, topP: 0.9, minP: 0 }), 'sampled');
    assert.equal(shownDistribution({ temperature: 0.8, topK: 0, topP: 1, minP: 0.05 }), 'sampled');
  });

  it('is the chosen token alone when a temperature above 0 draws from the whole vocabulary', () => {
    assert.equal(shownDistribution({ temperature: 1, topK: 0, topP: 1, minP: 0 }), 'chosenOnly');
  });
});
