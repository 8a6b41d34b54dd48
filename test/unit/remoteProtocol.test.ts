/**
 * The remote engine's reading of what servers send: server-sent events however the bytes are
 * split, token probabilities in llama.cpp's and OpenAI's (vLLM's) shapes, the server address the
 * writer types, and which hosts are this computer.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLoopbackHost, normalizeBaseUrl } from '../../electron/engine/remote/openAiServer.js';
import { estimateTokens, fitRemotePrompt } from '../../electron/engine/remote/remotePromptFit.js';
import {
  MAX_EVENT_CHARS,
  serverSentEvents,
} from '../../electron/engine/remote/serverSentEvents.js';
import {
  readTokenProbabilities,
  StepSpeller,
  tokenStep,
} from '../../electron/engine/remote/tokenProbabilities.js';

async function eventsOf(chunks: readonly (string | Uint8Array)[]): Promise<string[]> {
  const encoder = new TextEncoder();
  async function* body(): AsyncGenerator<Uint8Array> {
    for (const chunk of chunks) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
  }
  const events: string[] = [];
  for await (const data of serverSentEvents(body())) events.push(data);
  return events;
}

describe('server-sent events', () => {
  it('reads data events, skipping comments and other fields', async () => {
    assert.deepEqual(
      await eventsOf([': keep-alive\n\nevent: x\ndata: {"a":1}\n\ndata: [DONE]\n\n']),
      ['{"a":1}', '[DONE]'],
    );
  });

  it('joins an event split anywhere, a UTF-8 character included, and \\r\\n line ends', async () => {
    const bytes = new TextEncoder().encode('data: {"text":"é"}\r\n\r\ndata: b\r\rdata: c\n\n');
    const split = [...bytes].map((byte) => new Uint8Array([byte]));
    assert.deepEqual(await eventsOf(split), ['{"text":"é"}', 'b', 'c']);
  });

  it('joins multi-line data, and gives a last event without its blank line', async () => {
    assert.deepEqual(await eventsOf(['data: one\ndata: two\n\ndata: last']), ['one\ntwo', 'last']);
  });

  it('refuses an endless event instead of holding it all', async () => {
    const huge = `data: ${'x'.repeat(MAX_EVENT_CHARS + 10)}`;
    await assert.rejects(eventsOf([huge]), /an event longer than/);
  });
});

describe('token probabilities', () => {
  it("reads llama.cpp's post-sampler shape (prob, top_probs) with the token ids", () => {
    assert.deepEqual(
      readTokenProbabilities({
        content: [
          {
            id: 338,
            token: "'s",
            prob: 0.6,
            top_probs: [
              { id: 338, token: "'s", prob: 0.6 },
              { id: 13, token: '.', prob: 0.4 },
            ],
          },
        ],
      }),
      [
        {
          token: "'s",
          p: 0.6,
          id: 338,
          top: [
            { token: "'s", p: 0.6 },
            { token: '.', p: 0.4 },
          ],
        },
      ],
    );
  });

  it("reads llama.cpp's log-probabilities (logprob, top_logprobs) as probabilities", () => {
    const [token] = readTokenProbabilities({
      content: [
        {
          token: ' a',
          logprob: Math.log(0.25),
          top_logprobs: [
            { token: ' a', logprob: Math.log(0.25) },
            { token: ' b', logprob: -Infinity },
          ],
        },
      ],
    });
    assert.ok(token);
    assert.ok(Math.abs(token.p - 0.25) < 1e-12);
    assert.equal(token.top[1]?.p, 0);
  });

  it("reads OpenAI's legacy completions shape (vLLM), alternatives most likely first", () => {
    const tokens = readTokenProbabilities({
      tokens: [' the'],
      token_logprobs: [-0.5],
      top_logprobs: [{ ' a': -1.5, ' the': -0.5 }],
      text_offset: [0],
    });
    assert.deepEqual(
      tokens.map((token) => [token.token, token.top.map((alt) => alt.token)]),
      [[' the', [' the', ' a']]],
    );
    assert.ok(Math.abs((tokens[0]?.p ?? 0) - Math.exp(-0.5)) < 1e-12);
  });

  it('gives nothing for anything else', () => {
    for (const value of [null, 3, 'x', {}, { content: [{ token: 1 }] }, { tokens: ['a'] }]) {
      assert.deepEqual(readTokenProbabilities(value), []);
    }
  });

  it('makes a step with the chosen token always listed, probabilities clamped', () => {
    const step = tokenStep(
      {
        token: ' z',
        p: 1.0000001,
        top: [
          { token: ' a', p: 0.5 },
          { token: ' b', p: 0 },
        ],
      },
      ' z',
    );
    assert.deepEqual(step, {
      text: ' z',
      p: 1,
      alternatives: [
        { text: ' a', p: 0.5 },
        { text: ' z', p: 1 },
      ],
    });
  });

  it('spells the text: held-back text goes to the last token of its group', () => {
    const speller = new StepSpeller();
    const token = (text: string, p: number) => ({ token: text, p, top: [{ token: text, p }] });
    // A stop string's start held " the" back; it came out with the next token.
    assert.deepEqual(speller.push([token(' the', 0.5)], ''), []);
    const steps = speller.push([token(' end', 0.4)], ' the end');
    assert.deepEqual(
      steps.map(({ step }) => step.text),
      [' the', ' end'],
    );
    // Half a character: the server sends the whole character with the second token.
    const halves = speller.push([token('\uFFFD', 0.3), token('\uFFFD', 0.9)], '\u00e9');
    assert.deepEqual(
      halves.map(({ step }) => step.text),
      ['', '\u00e9'],
    );
  });
});

describe('server addresses', () => {
  it('keeps the root, without a trailing slash or /v1', () => {
    assert.equal(normalizeBaseUrl(' http://127.0.0.1:8080/v1/ '), 'http://127.0.0.1:8080');
    assert.equal(normalizeBaseUrl('https://gpu.example.org/llm/v1'), 'https://gpu.example.org/llm');
    assert.equal(normalizeBaseUrl('http://localhost:11434/?x=1#y'), 'http://localhost:11434');
  });

  it('refuses what is not an http(s) address, or carries credentials', () => {
    for (const bad of ['127.0.0.1:8080', 'ftp://host/', 'file:///etc/passwd', 'http://u:p@host/']) {
      assert.throws(() => normalizeBaseUrl(bad), /is not a server address/);
    }
  });

  it('knows which hosts are this computer', () => {
    for (const host of ['localhost', '127.0.0.1', '127.4.5.6', '[::1]', 'app.localhost']) {
      assert.equal(isLoopbackHost(host), true, host);
    }
    for (const host of ['192.168.1.2', 'example.org', '10.0.0.1', 'localhost.example.org']) {
      assert.equal(isLoopbackHost(host), false, host);
    }
  });
});

describe('fitting a prompt with a remote tokenizer', () => {
  /** A server tokenizer stand-in that counts words, plus a BOS token. */
  const words = async (text: string) => text.split(/\s+/).filter(Boolean).length + 1;

  it('counts every probe once and fits prompt and new tokens into the context', async () => {
    const asked: string[] = [];
    const text = Array.from({ length: 300 }, (_, index) => `word${index}`).join(' ');
    const fitted = await fitRemotePrompt(
      {
        kind: 'parts',
        memory: 'Memory.',
        authorsNote: '',
        noteDepthLines: 3,
        textBeforeCursor: text,
      },
      20,
      100,
      async (candidate) => {
        asked.push(candidate);
        return words(candidate);
      },
      null,
    );
    assert.ok(fitted.fit.plan.promptTokens + 20 <= 100);
    assert.equal(fitted.fit.plan.promptTokens, await words(fitted.fit.promptText));
    assert.equal(new Set(asked).size, asked.length, 'no text is counted twice');
    assert.ok(fitted.fit.promptText.endsWith('word299'));
    assert.equal(fitted.estimated, false);
  });

  it('estimates, generously, when the server cannot count', async () => {
    const fitted = await fitRemotePrompt(
      { kind: 'text', text: 'a'.repeat(1000) },
      20,
      100,
      async () => null,
      null,
    );
    assert.equal(fitted.estimated, true);
    assert.equal(fitted.fit.plan.tokensEstimated, true);
    assert.ok(estimateTokens(fitted.fit.promptText) + 20 <= 100);
  });
});
