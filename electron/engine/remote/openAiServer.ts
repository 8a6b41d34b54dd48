/**
 * One OpenAI-compatible server as the remote engine talks to it: its models (`/v1/models`), its
 * context (llama.cpp's `/props`), its tokenizer (`/tokenize`, llama.cpp and vLLM), and streamed
 * completions (`/v1/completions` with server-sent events). Every way a request can fail ends as
 * one ApiError with a message for the writer (remote.* in the errors catalog) that names the
 * server; the API key travels only in the Authorization header and is never part of a message.
 */
import { ApiError } from '../../../shared/errors.js';
import { localizedError } from '../../../shared/i18n/localizedMessage.js';
import { EventTooLargeError, serverSentEvents } from './serverSentEvents.js';

export interface ServerAddress {
  /** The server's root, without a trailing /v1 (normalizeBaseUrl). */
  baseUrl: string;
  apiKey: string | null;
}

/** How long the server may take; each a clear limit the writer is told when it is passed. */
export interface ServerTimeouts {
  /** Until the response's headers arrive (models, props, tokenize, and a completion's start). */
  answerMs: number;
  /** Until the first streamed event of a completion: the server reads the whole prompt first. */
  firstEventMs: number;
  /** Between two streamed events once the text has started. */
  idleMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  answerMs: 15_000,
  firstEventMs: 120_000,
  idleMs: 30_000,
};

/** The most of a server's error body that is read and shown (it may be an HTML page). */
const MAX_ERROR_BODY = 4096;
const MAX_SHOWN_DETAIL = 200;
/** A JSON answer (models, props) larger than this is not what the server should send. */
const MAX_JSON_BODY = 8 << 20;

/**
 * The server's root from what the writer typed: http(s) only, no credentials in the URL, and a
 * trailing slash or /v1 removed ("http://host:8080/v1/" → "http://host:8080").
 */
export function normalizeBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw localizedError('invalid_request', 'errors:remote.badUrl', { url: input.slice(0, 200) });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw localizedError('invalid_request', 'errors:remote.badUrl', { url: input.slice(0, 200) });
  }
  url.search = '';
  url.hash = '';
  const path = url.pathname.replace(/\/+$/, '').replace(/\/v1$/, '');
  return `${url.origin}${path}`;
}

/** Whether a host name is this computer (plain http:// to it crosses no network). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(host)
  );
}

export interface CompletionEvent {
  /** The parsed JSON of one `data:` event. */
  data: unknown;
}

export class OpenAiServer {
  constructor(
    readonly address: ServerAddress,
    private readonly timeouts: ServerTimeouts = DEFAULT_TIMEOUTS,
  ) {}

  /** Model ids the server lists (`/v1/models`). */
  async listModels(signal?: AbortSignal): Promise<string[]> {
    const body = await this.getJson('/v1/models', signal);
    const data = (body as { data?: unknown }).data;
    if (!Array.isArray(data)) throw this.wrongShape('/v1/models: no "data" list');
    const ids = data
      .map((entry) => (entry as { id?: unknown } | null)?.id)
      .filter((id): id is string => typeof id === 'string' && id.length > 0);
    if (ids.length === 0) throw localizedError('unavailable', 'errors:remote.noModels', this.at());
    return ids;
  }

  /** The context the server runs with, where it says (llama.cpp's /props); else null. */
  async contextSize(signal?: AbortSignal): Promise<number | null> {
    try {
      const body = await this.getJson('/props', signal);
      const settings = (body as { default_generation_settings?: { n_ctx?: unknown } })
        .default_generation_settings;
      const nCtx = settings?.n_ctx ?? (body as { n_ctx?: unknown }).n_ctx;
      return typeof nCtx === 'number' && Number.isInteger(nCtx) && nCtx > 0 ? nCtx : null;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not_found') return null;
      throw error;
    }
  }

  /**
   * Tokens of a text as a prompt (with the BOS token the server adds), from the server's own
   * tokenizer; null when the server has no /tokenize (its counts are then estimates).
   */
  async countTokens(text: string, model: string, signal?: AbortSignal): Promise<number | null> {
    const body = await this.tokenize(text, model, true, signal);
    if (body === null) return null;
    const { tokens, count } = body as { tokens?: unknown; count?: unknown };
    if (Array.isArray(tokens)) return tokens.length;
    if (typeof count === 'number') return count;
    throw this.wrongShape('/tokenize: no "tokens" list');
  }

  /**
   * The token ids of a text on its own (no BOS), for logit biases; null when the server has no
   * /tokenize.
   */
  async tokenIds(text: string, model: string, signal?: AbortSignal): Promise<number[] | null> {
    const body = await this.tokenize(text, model, false, signal);
    if (body === null) return null;
    const tokens = (body as { tokens?: unknown }).tokens;
    // llama.cpp's with_pieces shape is [{id, piece}]; ids alone are the default.
    const ids = Array.isArray(tokens)
      ? tokens.map((token: unknown) =>
          typeof token === 'object' && token !== null ? (token as { id?: unknown }).id : token,
        )
      : null;
    if (ids === null || !ids.every((id) => typeof id === 'number' && Number.isInteger(id))) {
      throw this.wrongShape('/tokenize: no list of token ids');
    }
    return ids as number[];
  }

  private async tokenize(
    text: string,
    model: string,
    addSpecial: boolean,
    signal?: AbortSignal,
  ): Promise<unknown> {
    let response: Response;
    try {
      // llama.cpp reads content/add_special, vLLM prompt/add_special_tokens; each ignores the other's.
      response = await this.request('/tokenize', {
        method: 'POST',
        body: JSON.stringify({
          content: text,
          add_special: addSpecial,
          model,
          prompt: text,
          add_special_tokens: addSpecial,
        }),
        signal,
      });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not_found') return null;
      throw error;
    }
    if (response.status === 400 || response.status === 405 || response.status === 422) {
      await response.body?.cancel();
      return null;
    }
    return this.readJson(response, '/tokenize');
  }

  /**
   * Streams a completion, calling onEvent with each event's JSON until `[DONE]` or the end of
   * the stream. Resolves with whether `[DONE]` came; an abort of `signal` closes the connection
   * at once and rejects with the signal's reason.
   */
  async streamCompletion(
    body: Record<string, unknown>,
    signal: AbortSignal,
    onEvent: (data: unknown) => void,
  ): Promise<{ done: boolean }> {
    const stream = new AbortController();
    const abort = (): void => stream.abort(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    let timer: NodeJS.Timeout | undefined;
    let stalled: 'first' | 'idle' | null = null;
    const arm = (kind: 'first' | 'idle'): void => {
      clearTimeout(timer);
      timer = setTimeout(
        () => {
          stalled = kind;
          stream.abort(new Error('stalled'));
        },
        kind === 'first' ? this.timeouts.firstEventMs : this.timeouts.idleMs,
      );
    };
    try {
      const response = await this.request(
        '/v1/completions',
        { method: 'POST', body: JSON.stringify({ ...body, stream: true }), signal: stream.signal },
        String(body.model ?? ''),
      );
      if (!response.body) throw this.wrongShape('/v1/completions: no body');
      arm('first');
      try {
        for await (const data of serverSentEvents(chunksOf(response.body))) {
          arm('idle');
          if (data.trim() === '[DONE]') return { done: true };
          let parsed: unknown;
          try {
            parsed = JSON.parse(data);
          } catch {
            throw this.wrongShape('/v1/completions: an event that is not JSON');
          }
          onEvent(parsed);
        }
        return { done: false };
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (stalled === 'first') {
          throw localizedError('unavailable', 'errors:remote.timeout', {
            ...this.at(),
            seconds: Math.round(this.timeouts.firstEventMs / 1000),
          });
        }
        if (stalled === 'idle') {
          throw localizedError('unavailable', 'errors:remote.streamStalled', {
            seconds: Math.round(this.timeouts.idleMs / 1000),
          });
        }
        if (error instanceof ApiError) throw error;
        if (error instanceof EventTooLargeError) throw this.wrongShape(error.message);
        throw localizedError('unavailable', 'errors:remote.streamEnded');
      }
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
      // Whatever ended it, the connection is closed: the server stops generating.
      if (!stream.signal.aborted) stream.abort();
    }
  }

  private async getJson(path: string, signal?: AbortSignal): Promise<unknown> {
    return this.readJson(await this.request(path, { method: 'GET', signal }), path);
  }

  /** Sends a request and returns a 2xx response; any other answer becomes its ApiError. */
  private async request(
    path: string,
    init: { method: string; body?: string; signal?: AbortSignal | undefined },
    model = '',
  ): Promise<Response> {
    // The limit is on the answer's start only: a completion's body then streams for as long as it
    // takes, under the event limits of streamCompletion.
    const answer = new AbortController();
    const timer = setTimeout(() => answer.abort(new Error('timeout')), this.timeouts.answerMs);
    const signal = init.signal ? AbortSignal.any([init.signal, answer.signal]) : answer.signal;
    const headers: Record<string, string> = { accept: 'application/json, text/event-stream' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (this.address.apiKey) headers.authorization = `Bearer ${this.address.apiKey}`;
    let response: Response;
    try {
      response = await fetch(`${this.address.baseUrl}${path}`, {
        method: init.method,
        headers,
        ...(init.body !== undefined ? { body: init.body } : {}),
        signal,
        redirect: 'error',
      });
    } catch (error) {
      if (init.signal?.aborted) throw init.signal.reason;
      if (answer.signal.aborted) {
        throw localizedError('unavailable', 'errors:remote.timeout', {
          ...this.at(),
          seconds: Math.round(this.timeouts.answerMs / 1000),
        });
      }
      throw this.connectionError(error);
    } finally {
      clearTimeout(timer);
    }
    if (response.ok) return response;
    throw await this.statusError(response, path, model);
  }

  private async readJson(response: Response, path: string): Promise<unknown> {
    const text = await readLimited(response, MAX_JSON_BODY, this.timeouts.answerMs);
    if (text === null) throw this.wrongShape(`${path}: the answer was cut off or too large`);
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null) return value;
    } catch {
      // Reported below.
    }
    throw this.wrongShape(`${path}: not JSON`);
  }

  private connectionError(error: unknown): ApiError {
    const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
    const code = typeof cause?.code === 'string' ? cause.code : '';
    const detail =
      typeof cause?.message === 'string'
        ? cause.message
        : error instanceof Error
          ? error.message
          : String(error);
    if (code === 'ECONNREFUSED')
      return localizedError('unavailable', 'errors:remote.refused', this.at());
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      return localizedError('unavailable', 'errors:remote.hostNotFound', this.at());
    }
    if (isTlsError(code, detail)) {
      return localizedError('unavailable', 'errors:remote.tls', {
        ...this.at(),
        detail: short(detail),
      });
    }
    return localizedError('unavailable', 'errors:remote.network', {
      ...this.at(),
      detail: short(code ? `${code}: ${detail}` : detail),
    });
  }

  private async statusError(response: Response, path: string, model: string): Promise<ApiError> {
    const body = (await readLimited(response, MAX_ERROR_BODY, this.timeouts.answerMs)) ?? '';
    const detail = short(errorDetail(body) || response.statusText || String(response.status));
    const status = response.status;
    if (status === 401 || status === 403) {
      return localizedError('unauthorized', 'errors:remote.unauthorized', { ...this.at(), status });
    }
    if (status === 404) {
      if (model && /model/i.test(body)) {
        return localizedError('not_found', 'errors:remote.modelNotFound', { ...this.at(), model });
      }
      return localizedError('not_found', 'errors:remote.notFound', { ...this.at(), path });
    }
    if (status === 429) {
      const retry = Number(response.headers.get('retry-after'));
      return Number.isFinite(retry) && retry > 0
        ? localizedError('unavailable', 'errors:remote.rateLimitedRetry', {
            ...this.at(),
            seconds: Math.ceil(retry),
          })
        : localizedError('unavailable', 'errors:remote.rateLimited', this.at());
    }
    if (status >= 500) {
      return localizedError('unavailable', 'errors:remote.serverError', {
        ...this.at(),
        status,
        detail,
      });
    }
    return localizedError('invalid_request', 'errors:remote.requestRefused', {
      ...this.at(),
      status,
      detail,
    });
  }

  wrongShape(what: string): ApiError {
    return localizedError('unavailable', 'errors:remote.wrongShape', { ...this.at(), what });
  }

  /** The server as messages name it: its address, never a key. */
  private at(): { url: string } {
    return { url: this.address.baseUrl };
  }
}

/** A response body's chunks; cancelling the iteration early releases the stream. */
async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * The body as text, reading at most `limit` bytes (more: null, or for an error body what came
 * first) and for at most `deadlineMs` (then it is cancelled and null is returned).
 */
async function readLimited(
  response: Response,
  limit: number,
  deadlineMs: number,
): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  let late = false;
  const timer = setTimeout(() => {
    late = true;
    void reader.cancel().catch(() => undefined);
  }, deadlineMs);
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (late) return null;
      if (done) return text + decoder.decode();
      bytes += value.byteLength;
      if (bytes > limit) {
        await reader.cancel().catch(() => undefined);
        return limit === MAX_ERROR_BODY ? text : null;
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return late || limit !== MAX_ERROR_BODY ? null : text;
  } finally {
    clearTimeout(timer);
  }
}

/** The server's own words from an error body: OpenAI's {error: {message}}, or the text. */
function errorDetail(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown; detail?: unknown };
    const error = parsed.error;
    if (typeof error === 'string') return error;
    if (typeof error === 'object' && error !== null) {
      const message = (error as { message?: unknown }).message;
      if (typeof message === 'string') return message;
    }
    if (typeof parsed.message === 'string') return parsed.message;
    if (typeof parsed.detail === 'string') return parsed.detail;
  } catch {
    // Not JSON: the text itself, without markup.
  }
  return body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function isTlsError(code: string, detail: string): boolean {
  return (
    /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH)/.test(code) ||
    /certificate|ssl|tls/i.test(detail)
  );
}

function short(text: string): string {
  const line = text.split('\n')[0] ?? text;
  return line.length > MAX_SHOWN_DETAIL ? `${line.slice(0, MAX_SHOWN_DETAIL)}…` : line;
}
