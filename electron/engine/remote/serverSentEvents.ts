/**
 * Server-sent events from a response body, as OpenAI-compatible servers stream completions:
 * `data:` lines, events separated by a blank line, `[DONE]` at the end. Only `data` fields are
 * kept (comments and other fields are skipped); lines may end in \n, \r\n or \r, and a chunk may
 * split a line or a UTF-8 character anywhere.
 */

/** The longest event accepted: one token's JSON with its alternatives is a few kilobytes. */
export const MAX_EVENT_CHARS = 1 << 20;

export class EventTooLargeError extends Error {
  constructor() {
    super(`an event longer than ${MAX_EVENT_CHARS} characters`);
  }
}

/** Yields each event's data (its data lines joined by \n). */
export async function* serverSentEvents(body: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  let dataChars = 0;
  const lineOut = function* (line: string): Generator<string> {
    if (line === '') {
      if (data.length > 0) yield data.join('\n');
      data = [];
      dataChars = 0;
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    if (field !== 'data') return;
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    dataChars += value.length;
    if (dataChars > MAX_EVENT_CHARS) throw new EventTooLargeError();
    data.push(value);
  };
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let index = 0; index < buffer.length; index++) {
      const character = buffer[index];
      if (character !== '\n' && character !== '\r') continue;
      // A \r at the very end may be the first half of \r\n: wait for the next chunk.
      if (character === '\r' && index === buffer.length - 1) break;
      yield* lineOut(buffer.slice(start, index));
      if (character === '\r' && buffer[index + 1] === '\n') index++;
      start = index + 1;
    }
    buffer = buffer.slice(start);
    if (buffer.length > MAX_EVENT_CHARS) throw new EventTooLargeError();
  }
  buffer += decoder.decode();
  if (buffer !== '') yield* lineOut(buffer.replace(/\r$/, ''));
  yield* lineOut('');
}
