import { localized } from '../../shared/i18n/localizedMessage.js';
import { CheckpointConversionError } from './conversionErrors.js';
import { readRegularTextFile } from './regularFile.js';

/** llama.cpp token types (gguf-py TokenType). */
export enum TokenType {
  Normal = 1,
  Control = 3,
  Unused = 5,
}

export interface Gpt2Tokenizer {
  /** Token strings by id, padded to the model's vocabulary size. */
  readonly tokens: string[];
  readonly tokenTypes: TokenType[];
  readonly merges: string[];
  readonly endOfTextId: number | undefined;
}

const END_OF_TEXT = '<|endoftext|>';

/**
 * Reads GPT-2's byte-level BPE files (vocab.json: token -> id, merges.txt: one merge per line).
 * Ids must be 0..n-1 without gaps; ids the model has beyond the tokenizer become unused [PADn]
 * tokens, as llama.cpp's converter does.
 */
export async function readGpt2Tokenizer(
  vocabPath: string,
  mergesPath: string,
  vocabSize: number,
): Promise<Gpt2Tokenizer> {
  const vocab = await readJsonObject(vocabPath);
  const tokens: string[] = new Array<string>(vocabSize);
  let count = 0;
  for (const [token, id] of Object.entries(vocab)) {
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) {
      throw new CheckpointConversionError(
        localized('errors:conversion.badTokenId', { token: JSON.stringify(token) }),
      );
    }
    if (id >= vocabSize) {
      throw new CheckpointConversionError(
        localized('errors:conversion.tokenIdTooLarge', { id, vocabSize }),
      );
    }
    if (tokens[id] !== undefined)
      throw new CheckpointConversionError(localized('errors:conversion.duplicateTokenId', { id }));
    tokens[id] = token;
    count++;
  }
  const tokenTypes: TokenType[] = [];
  for (let id = 0; id < vocabSize; id++) {
    if (tokens[id] === undefined) {
      if (id < count) {
        throw new CheckpointConversionError(localized('errors:conversion.missingTokenId', { id }));
      }
      tokens[id] = `[PAD${id}]`;
      tokenTypes.push(TokenType.Unused);
    } else tokenTypes.push(tokens[id] === END_OF_TEXT ? TokenType.Control : TokenType.Normal);
  }
  const endOfTextIndex = tokens.indexOf(END_OF_TEXT);
  return {
    tokens,
    tokenTypes,
    merges: await readMerges(mergesPath),
    endOfTextId: endOfTextIndex === -1 ? undefined : endOfTextIndex,
  };
}

async function readJsonObject(filePath: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readRegularTextFile(filePath);
  } catch {
    throw new CheckpointConversionError(
      localized('errors:conversion.vocabMissing', { path: filePath }),
    );
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new CheckpointConversionError(
    localized('errors:conversion.vocabNotObject', { path: filePath }),
  );
}

async function readMerges(filePath: string): Promise<string[]> {
  let text: string;
  try {
    text = await readRegularTextFile(filePath);
  } catch {
    throw new CheckpointConversionError(
      localized('errors:conversion.mergesMissing', { path: filePath }),
    );
  }
  const merges: string[] = [];
  for (const line of text.split('\n')) {
    // The first line is a "#version: 0.2" comment; blank lines (the trailing newline) carry nothing.
    if (line.startsWith('#version') || line.trim() === '') continue;
    const pair = line.replace(/\r$/, '');
    if (pair.split(' ').length !== 2) {
      throw new CheckpointConversionError(
        localized('errors:conversion.badMerge', { line: JSON.stringify(pair) }),
      );
    }
    merges.push(pair);
  }
  return merges;
}
