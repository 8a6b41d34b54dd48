/**
 * The tests that need a llama.cpp server find it where scripts/build-llama-server.sh caches it,
 * and fail saying how to build it when it is not there (never skip in silence).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { llamaServerBinary } from '../fixtures/llamaServer.js';

describe('finding llama-server for the tests', () => {
  it('fails naming the script when the cache has no build', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'inkwell-no-llama-'));
    const saved = {
      cache: process.env.INKWELL_CACHE_DIR,
      bin: process.env.INKWELL_LLAMA_SERVER_BIN,
    };
    process.env.INKWELL_CACHE_DIR = empty;
    delete process.env.INKWELL_LLAMA_SERVER_BIN;
    try {
      await assert.rejects(
        llamaServerBinary(),
        /llama-server is not built: expected it at .*inkwell-no-llama-.*llama\.cpp-.*\/bin\/llama-server\. Run scripts\/build-llama-server\.sh/,
      );
    } finally {
      if (saved.cache === undefined) delete process.env.INKWELL_CACHE_DIR;
      else process.env.INKWELL_CACHE_DIR = saved.cache;
      if (saved.bin !== undefined) process.env.INKWELL_LLAMA_SERVER_BIN = saved.bin;
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
