/**
 * Banned words and word biases, entered as words, turned into token biases for node-llama-cpp's
 * sampler. Each word is tokenized in every form it commonly takes in running text: as written,
 * lower-case, Capitalised and UPPER-CASE, each with and without a leading space (GPT-2 joins the
 * space to the word), so "dragon" covers "dragon", " dragon", "Dragon", " Dragon", "DRAGON", ….
 *
 * A form that is one token: that token gets the bias (a ban is -Infinity: never sampled).
 * A form of several tokens:
 * - banned: its last token is banned whenever the tokens before it were just read or written,
 *   so the phrase can never be completed (its first tokens alone stay allowed: banning them
 *   would ban every word that starts the same);
 * - biased: its first token gets the bias, and each later token gets it while the tokens before
 *   it were just read or written, so the whole word is pulled (or pushed) along. The first
 *   token's bias also touches other words that start with it.
 * The sampler asks for the biases before every token (tokenBias as a function), so the
 * phrase-dependent ones follow what was just generated.
 *
 * Limits: only these forms' own tokenizations are covered; a model could still spell a banned
 * word out of other pieces ("d" + "ragon"), which trained models almost never do.
 */
import { TokenBias, type LlamaModel, type Token } from 'node-llama-cpp';
import { wordForms } from '../../../shared/wordForms.js';

export { wordForms };

export interface WordBiasSettings {
  bannedWords?: readonly string[] | undefined;
  wordBiases?: readonly { word: string; bias: number }[] | undefined;
}

interface Sequence {
  tokens: Token[];
  /** A logit offset; -Infinity for a ban. */
  logit: number;
  banned: boolean;
}

/**
 * The token biases for one completion: `tokenBias` for the sampler (called before each token)
 * and `observe` for each token read or generated, in order.
 */
export class WordBias {
  private readonly fixed = new Map<Token, number>();
  private readonly sequences: Sequence[] = [];
  private readonly recent: Token[] = [];
  private readonly longest: number;

  constructor(
    private readonly model: LlamaModel,
    settings: WordBiasSettings,
  ) {
    const add = (word: string, logit: number, banned: boolean): void => {
      for (const form of wordForms(word)) {
        const tokens = model.tokenize(form, false);
        if (tokens.length === 0) continue;
        if (tokens.length === 1) this.setFixed(tokens[0] as Token, logit, banned);
        else {
          this.sequences.push({ tokens, logit, banned });
          if (!banned) this.setFixed(tokens[0] as Token, logit, false);
        }
      }
    };
    for (const { word, bias } of settings.wordBiases ?? []) if (bias !== 0) add(word, bias, false);
    // Bans last: a word both biased and banned is banned.
    for (const word of settings.bannedWords ?? []) add(word, -Infinity, true);
    this.longest = Math.max(0, ...this.sequences.map((sequence) => sequence.tokens.length));
  }

  /** Whether there is anything to bias: without, the sampler is left as it is. */
  get active(): boolean {
    return this.fixed.size > 0 || this.sequences.length > 0;
  }

  observe(tokens: readonly Token[]): void {
    if (this.longest === 0) return;
    this.recent.push(...tokens);
    if (this.recent.length > this.longest) this.recent.splice(0, this.recent.length - this.longest);
  }

  /** The biases for the next token, given what was just read or generated. */
  next(): Map<Token, number> {
    const biases = new Map(this.fixed);
    for (const sequence of this.sequences) {
      // Each later token whose predecessors end the recent tokens gets the sequence's bias.
      const from = sequence.banned ? sequence.tokens.length - 1 : 1;
      for (let index = from; index < sequence.tokens.length; index++) {
        if (this.endsWith(sequence.tokens, index)) {
          const token = sequence.tokens[index] as Token;
          const current = biases.get(token);
          if (current === -Infinity) continue;
          biases.set(token, sequence.banned ? -Infinity : (current ?? 0) + sequence.logit);
        }
      }
    }
    return biases;
  }

  /** For node-llama-cpp: a fresh TokenBias with the biases for the next token. */
  tokenBias = (): TokenBias => {
    const bias = new TokenBias(this.model.tokenizer);
    for (const [token, logit] of this.next()) {
      bias.set(token, logit === -Infinity ? 'never' : { logit });
    }
    return bias;
  };

  private setFixed(token: Token, logit: number, banned: boolean): void {
    if (banned) this.fixed.set(token, -Infinity);
    else if (this.fixed.get(token) !== -Infinity) {
      this.fixed.set(token, (this.fixed.get(token) ?? 0) + logit);
    }
  }

  /** Whether the recent tokens end with the first `count` tokens of `tokens`. */
  private endsWith(tokens: readonly Token[], count: number): boolean {
    if (count > this.recent.length) return false;
    const offset = this.recent.length - count;
    for (let index = 0; index < count; index++) {
      if (this.recent[offset + index] !== tokens[index]) return false;
    }
    return true;
  }
}
