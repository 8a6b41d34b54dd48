/**
 * Where the remote server's API key is kept: never in the database (so never in a settings,
 * template or history export), in a file of its own in the user-data folder. The desktop app
 * encrypts it with the system's keychain (Electron safeStorage: Keychain on macOS, DPAPI on
 * Windows, the Secret Service or KWallet on Linux); headless mode, which has no keychain (and a
 * Linux desktop without a secret service), keeps it as plain text in a file only the writer's
 * own account can read (mode 0600).
 */
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';

/** Encrypts for this user on this machine (Electron's safeStorage in the app). */
export interface KeyCipher {
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
}

export type KeyStorage = 'encrypted' | 'file';

export class ApiKeyStore {
  constructor(
    private readonly filePath: string,
    private readonly cipher: KeyCipher | null,
  ) {}

  get storage(): KeyStorage {
    return this.cipher ? 'encrypted' : 'file';
  }

  /** The key, or null when none is stored (or it can no longer be decrypted). */
  async read(): Promise<string | null> {
    let data: Buffer;
    try {
      data = await readFile(this.filePath);
    } catch {
      return null;
    }
    if (data.length === 0) return null;
    try {
      const key = this.cipher ? this.cipher.decrypt(data) : data.toString('utf8');
      return key === '' ? null : key;
    } catch {
      // Encrypted by another user or machine: as good as none; the writer enters it again.
      return null;
    }
  }

  async write(key: string | null): Promise<void> {
    if (key === null || key === '') {
      await rm(this.filePath, { force: true });
      return;
    }
    const data = this.cipher ? this.cipher.encrypt(key) : Buffer.from(key, 'utf8');
    await writeFile(this.filePath, data, { mode: 0o600 });
    // writeFile keeps the mode of a file that was already there.
    await chmod(this.filePath, 0o600);
  }
}
