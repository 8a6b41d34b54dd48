/**
 * What llama.cpp's vocabulary loader needs from any model file, whatever its architecture: a
 * tokenizer model, a non-empty list of distinct tokens, per-token arrays as long as the list,
 * special token ids inside it, and merges for a BPE tokenizer. It aborts the process (GGML_ASSERT)
 * on some of these, so they are checked before it sees the file.
 */
import { localized } from '../../shared/i18n/localizedMessage.js';
import { GgufValueType } from './ggufConstants.js';
import { GgufValidationError } from './ggufErrors.js';
import type { GgufHeader } from './ggufTypes.js';
import { arrayValue, numberValue, stringValue } from './ggufValues.js';

/** tokenizer.ggml.model values that are byte-level BPE and so need tokenizer.ggml.merges. */
const BPE_MODELS = new Set(['gpt2']);

export interface TokenizerFacts {
  /** tokenizer.ggml.model, e.g. "gpt2" (byte-level BPE) or "llama" (SentencePiece). */
  readonly model: string;
  readonly vocabSize: number;
}

export function checkTokenizer(header: GgufHeader): TokenizerFacts {
  const model = stringValue(header.metadata.get('tokenizer.ggml.model'));
  if (model === undefined) throw new GgufValidationError(localized('errors:gguf.tokenizerMissing'));
  // "none": a model without a vocabulary (embeddings only); it cannot continue text.
  if (model === 'none') throw new GgufValidationError(localized('errors:gguf.tokenizerMissing'));
  const tokens = arrayValue(header.metadata.get('tokenizer.ggml.tokens'));
  if (tokens === undefined || tokens.itemType !== GgufValueType.String) {
    throw new GgufValidationError(localized('errors:gguf.tokensMissing'));
  }
  const vocabSize = tokens.items.length;
  if (vocabSize === 0) throw new GgufValidationError(localized('errors:gguf.tokensEmpty'));
  checkTokensDistinct(tokens.items);
  if (BPE_MODELS.has(model)) {
    const merges = arrayValue(header.metadata.get('tokenizer.ggml.merges'));
    if (merges === undefined || merges.itemType !== GgufValueType.String) {
      throw new GgufValidationError(localized('errors:gguf.mergesMissing'));
    }
  }
  const tokenTypes = arrayValue(header.metadata.get('tokenizer.ggml.token_type'));
  if (tokenTypes !== undefined && tokenTypes.items.length !== vocabSize) {
    throw new GgufValidationError(
      localized('errors:gguf.tokenTypeCount', {
        types: tokenTypes.items.length,
        tokens: vocabSize,
      }),
    );
  }
  const scores = arrayValue(header.metadata.get('tokenizer.ggml.scores'));
  if (scores !== undefined && scores.items.length < vocabSize) {
    throw new GgufValidationError(
      localized('errors:gguf.scoresCount', { scores: scores.items.length, tokens: vocabSize }),
    );
  }
  for (const key of ['bos_token_id', 'eos_token_id']) {
    const id = numberValue(header.metadata.get(`tokenizer.ggml.${key}`));
    if (id !== undefined && (id < 0 || id >= vocabSize)) {
      throw new GgufValidationError(
        localized('errors:gguf.tokenIdOutside', { key, id, vocab: vocabSize }),
      );
    }
  }
  return { model, vocabSize };
}

/**
 * llama.cpp maps each token's text to its id and aborts the process (GGML_ASSERT) when two ids
 * share a text. It names an empty token "[EMPTY_<id>]" first, so that is the text compared.
 */
function checkTokensDistinct(tokens: readonly unknown[]): void {
  const firstId = new Map<string, number>();
  tokens.forEach((token, id) => {
    const text = token === '' ? `[EMPTY_${id}]` : String(token);
    const first = firstId.get(text);
    if (first !== undefined) {
      throw new GgufValidationError(
        localized('errors:gguf.duplicateToken', { token: quoteToken(text), first, second: id }),
      );
    }
    firstId.set(text, id);
  });
}

/** A token as data in a message: quoted, control characters escaped, long ones cut. */
function quoteToken(text: string): string {
  const quoted = JSON.stringify(text);
  return quoted.length > 42 ? `${quoted.slice(0, 40)}…"` : quoted;
}
