/**
 * Fitting a prompt into the model's context, the one place that knows the context's layout: GPT-2
 * sees at most 1024 tokens, prompt and new tokens together, so the oldest text goes first. A
 * continue's parts are composed and trimmed by assemblePrompt; a finished text (a template's, a
 * replay's) is cut on token boundaries, never leaving half a character at the start (GPT-2's
 * byte-level tokens can split one UTF-8 character).
 */
import { LlamaVocabularyType, type LlamaModel, type Token } from 'node-llama-cpp';
import type {
  EnginePrompt,
  PromptFit as PlannedPrompt,
} from '../../../shared/schemas/generations.js';
import type { LoadedModel } from './modelLoader.js';
import { assemblePrompt } from '../promptAssembly.js';

const REPLACEMENT_CHARACTER = '\uFFFD';

export interface PromptFitLimits {
  contextSize: number;
  maxTokens: number;
  /** Tokens the engine adds itself before the prompt (a BOS token), which use context too. */
  reservedTokens: number;
}

export interface PromptFit<T> {
  tokens: T[];
  /** How many tokens were cut from the start. */
  dropped: number;
  /** The new-token budget, lowered if the context cannot hold it with at least one prompt token. */
  maxTokens: number;
}

export function fitPromptToContext<T>(
  promptTokens: readonly T[],
  limits: PromptFitLimits,
  startsMidCharacter: (token: T) => boolean = () => false,
): PromptFit<T> {
  const usable = limits.contextSize - limits.reservedTokens;
  if (usable < 2) throw new RangeError(`A context of ${limits.contextSize} tokens is too small.`);
  const maxTokens = Math.max(1, Math.min(limits.maxTokens, usable - 1));
  const room = usable - maxTokens;
  let dropped = Math.max(0, promptTokens.length - room);
  if (dropped > 0) {
    // Only when cutting: a prompt that fits is left exactly as the writer wrote it.
    while (dropped < promptTokens.length - 1 && startsMidCharacter(promptTokens[dropped] as T)) {
      dropped += 1;
    }
  }
  return { tokens: promptTokens.slice(dropped), dropped, maxTokens };
}

/**
 * The token node-llama-cpp's completion puts before every prompt for this vocabulary (a BOS
 * token), or null: the prompt is evaluated, counted and kept with it.
 */
export function completionStartToken(model: LlamaModel): Token | null {
  const type = model.vocabularyType;
  if (type === LlamaVocabularyType.rwkv || type === LlamaVocabularyType.ugm) return null;
  if (type === LlamaVocabularyType.wpm) return model.tokens.bos;
  return model.tokens.shouldPrependBosToken ? model.tokens.bos : null;
}

/** The tokens a prompt starts with, after any BOS token the completion adds itself. */
export function promptTokensFor(
  loaded: LoadedModel,
  prompt: string,
): { tokens: Token[]; reserved: number } {
  const { model } = loaded;
  const reserved = completionStartToken(model) === null ? 0 : 1;
  // false: text a writer types, such as "<|endoftext|>", stays text and is never a control token.
  const tokens = model.tokenize(prompt, false);
  if (tokens.length === 0 && reserved === 0) {
    // GPT-2 starts unconditioned text after its end-of-text token.
    const start = model.tokens.eos ?? model.tokens.bos;
    if (start !== null) tokens.push(start);
  }
  return { tokens, reserved };
}

/** Tokens of a text as a prompt, counting any BOS token the engine prepends; 0 for ''. */
export function countPromptTokens(loaded: LoadedModel, text: string): number {
  if (text === '') return 0;
  const { tokens, reserved } = promptTokensFor(loaded, text);
  return tokens.length + reserved;
}

export interface FittedPrompt {
  /** When fitting began (performance.now()): a completion's timings count from here. */
  startedAt: number;
  /** The tokens the model evaluates (after any BOS token it adds itself). */
  tokens: Token[];
  reserved: number;
  /** The new-token budget that fits with these tokens. */
  maxTokens: number;
  /** Where a continue's window of text began (null: a finished text, or nothing was cut). */
  windowAnchor: string | null;
  fit: PlannedPrompt;
}

/** Fits a prompt into the loaded model's context for `maxTokens` new tokens; throws if it cannot. */
export function fitPrompt(
  loaded: LoadedModel,
  prompt: EnginePrompt,
  maxTokens: number,
): FittedPrompt {
  const startedAt = performance.now();
  const { contextSize } = loaded.info;
  const assembled =
    prompt.kind === 'parts'
      ? assemblePrompt(
          {
            memory: prompt.memory,
            authorsNote: prompt.authorsNote,
            textBeforeCursor: prompt.textBeforeCursor,
            noteDepthLines: prompt.noteDepthLines,
            ...(prompt.noteDepthTokens !== undefined
              ? { noteDepthTokens: prompt.noteDepthTokens }
              : {}),
            lore: prompt.lore ?? [],
            loreBudgetTokens: prompt.loreBudgetTokens ?? 0,
            contextSize,
            maxNewTokens: maxTokens,
            windowAnchor: loaded.cache.windowAnchor,
          },
          (text) => countPromptTokens(loaded, text),
        )
      : null;
  const promptText = assembled?.text ?? (prompt.kind === 'text' ? prompt.text : '');
  const { tokens, reserved } = promptTokensFor(loaded, promptText);
  // A continue's parts already fit (assemblePrompt); a finished text is cut here if it must be.
  const fitted = fitPromptToContext(
    tokens,
    { contextSize, maxTokens, reservedTokens: reserved },
    (token) => loaded.model.detokenize([token]).startsWith(REPLACEMENT_CHARACTER),
  );
  const plan: PlannedPrompt['plan'] = assembled
    ? {
        promptTokens: assembled.promptTokens,
        maxNewTokens: maxTokens,
        contextSize,
        droppedTokens: assembled.droppedTokens,
        droppedTokensEstimated: assembled.droppedTokensEstimated,
        parts: assembled.parts,
        lore: assembled.lore,
        noteDepth: assembled.noteDepth,
        loreBudgetTokens: assembled.loreBudgetTokens,
      }
    : {
        promptTokens: fitted.tokens.length + reserved,
        maxNewTokens: fitted.maxTokens,
        contextSize,
        droppedTokens: fitted.dropped,
      };
  return {
    startedAt,
    tokens: fitted.tokens,
    reserved,
    maxTokens: fitted.maxTokens,
    windowAnchor: assembled?.windowAnchor ?? null,
    fit: { promptText, plan, ...(assembled ? { segments: assembled.segments } : {}) },
  };
}
