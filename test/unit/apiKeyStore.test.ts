/**
 * The API key's store: with a cipher (as Electron's safeStorage is in the app; here AES-GCM with
 * a key of the test's own) the file holds no trace of the key; without one it is a file only the
 * owner can read. A file that no longer decrypts counts as no key; removing it removes the file.
 */
import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ApiKeyStore, type KeyCipher } from '../../electron/engine/remote/apiKeyStore.js';

function aesCipher(key: Buffer): KeyCipher {
  return {
    encrypt(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), data]);
    },
    decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

describe('the API key store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inkwell-key-store-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const KEY = 'sk-store-test-91ab';

  it('keeps the key encrypted when it has a cipher', async () => {
    const file = join(dir, 'encrypted');
    const store = new ApiKeyStore(file, aesCipher(randomBytes(32)));
    assert.equal(store.storage, 'encrypted');
    await store.write(KEY);
    assert.ok(!readFileSync(file).includes(KEY));
    assert.equal(await store.read(), KEY);
    // Encrypted for another user or machine: as good as none.
    assert.equal(await new ApiKeyStore(file, aesCipher(randomBytes(32))).read(), null);
    await store.write(null);
    assert.equal(existsSync(file), false);
    assert.equal(await store.read(), null);
  });

  it('without a cipher, keeps it in a file only its owner can read', async () => {
    const file = join(dir, 'plain');
    const store = new ApiKeyStore(file, null);
    assert.equal(store.storage, 'file');
    await store.write(KEY);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(await store.read(), KEY);
    await store.write('');
    assert.equal(await store.read(), null);
  });
});
