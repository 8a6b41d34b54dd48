/**
 * Banned words and word biases for a remote server, the same settings as the local engine's
 * (engine/host/wordBias.ts) turned into what goes over HTTP. Each word is looked for in the same
 * forms (shared/wordForms.ts), each form tokenized with the server's own /tokenize:
 * - a form that is one token: that token's logit bias (a ban: never sampled);
 * - a banned form of several tokens: it is watched for in the text as it streams (PhraseGuard);
 *   when it appears, the text is cut before it and the server is asked again from there with
 *   the token that began it banned for that one token (remoteEngine.ts). Banning the first
 *   token outright would ban every word that starts the same; the local engine bans the last
 *   one while the ones before it were just written, which needs the sampler's hand at each
 *   token, which a server does not lend;
 * - a biased form of several tokens: its first token gets the bias (the local engine also
 *   biases the later ones while the word is being written; a server cannot be asked to).
 * A server without /tokenize (an OpenAI server whose tokenizer is not known here): every banned
 * form is watched for in the text, and when one appears the server is asked again from before
 * it with another seed, a few times, and the text ends there if it still comes; word biases
 * cannot be applied at all, and the continue is refused saying so (remote.biasesNeedTokenizer)
 * rather than quietly writing without them.
 */
import { localizedError } from '../../../shared/i18n/localizedMessage.js';
import type { ResolvedGenerationParams } from '../../../shared/schemas/engine.js';
import { wordForms } from '../../../shared/wordForms.js';

/** A banned form that is watched for in the text. */
export interface GuardedPhrase {
  text: string;
  /** Its first token, banned for one token when it has to be written again; null: unknown. */
  firstToken: number | null;
}

export interface RemoteSteering {
  /** Token id → logit offset; -Infinity bans. */
  biases: Map<number, number>;
  phrases: GuardedPhrase[];
}

/** A form's token ids on the server; null when the server has no tokenizer. */
export type FormTokenizer = (form: string) => Promise<number[] | null>;

/** OpenAI's range for a logit bias; -100 is a ban in effect there. */
const OPENAI_BIAS_LIMIT = 100;

export function hasSteering(params: ResolvedGenerationParams): boolean {
  return (
    (params.bannedWords?.length ?? 0) > 0 ||
    (params.wordBiases ?? []).some((entry) => entry.bias !== 0)
  );
}

export async function remoteSteering(
  params: ResolvedGenerationParams,
  tokenize: FormTokenizer,
  serverUrl: string,
): Promise<RemoteSteering> {
  const biases = new Map<number, number>();
  const phrases = new Map<string, GuardedPhrase>();
  const add = (token: number, logit: number): void => {
    const current = biases.get(token);
    if (current === -Infinity) return;
    biases.set(token, logit === -Infinity ? -Infinity : (current ?? 0) + logit);
  };
  for (const { word, bias } of params.wordBiases ?? []) {
    if (bias === 0) continue;
    for (const form of wordForms(word)) {
      const tokens = await tokenize(form);
      if (tokens === null) {
        throw localizedError('invalid_request', 'errors:remote.biasesNeedTokenizer', {
          url: serverUrl,
        });
      }
      if (tokens[0] !== undefined) add(tokens[0], bias);
    }
  }
  // Bans last: a word both biased and banned is banned.
  for (const word of params.bannedWords ?? []) {
    for (const form of wordForms(word)) {
      const tokens = await tokenize(form);
      if (tokens !== null && tokens.length === 0) continue;
      if (tokens !== null && tokens.length === 1) add(tokens[0] as number, -Infinity);
      else phrases.set(form, { text: form, firstToken: tokens?.[0] ?? null });
    }
  }
  return { biases, phrases: [...phrases.values()] };
}

/**
 * The biases as the server takes them: llama.cpp's list of [id, bias] with `false` for a ban
 * (exactly never), or OpenAI's object of id → bias within ±100 (-100 for a ban).
 */
export function logitBiasField(
  biases: ReadonlyMap<number, number>,
  llamaCpp: boolean,
): [number, number | false][] | Record<string, number> {
  if (llamaCpp) {
    return [...biases].map(([token, logit]): [number, number | false] => [
      token,
      logit === -Infinity ? false : logit,
    ]);
  }
  return Object.fromEntries(
    [...biases].map(([token, logit]) => [
      String(token),
      Math.max(-OPENAI_BIAS_LIMIT, Math.min(OPENAI_BIAS_LIMIT, logit)),
    ]),
  );
}
