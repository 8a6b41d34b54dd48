import { ApiError } from '../../../shared/errors.js';
import type { SaveResult } from '../../../shared/schemas/documents.js';
import { backoffDelay, type BackoffOptions } from '../../api/backoff.js';
import { createObservable, type Observable } from '../../api/connectionState.js';
import { describeError } from '../../ui/describeError.js';
import { i18n } from '../../i18n/i18n.js';
import { whenIdle } from '../whenIdle.js';

/** What one save sends: Lexical JSON and the plain text the server indexes. */
export interface SaveSnapshot {
  content: string;
  text: string;
}

export type SaveStatus = 'saved' | 'saving' | 'pending' | 'retrying' | 'conflict';

export interface SaveState {
  status: SaveStatus;
  /** Why the last attempt failed, in words for the writer; null when it did not. */
  lastError: string | null;
}

export interface DocumentSaverOptions {
  documentId: string;
  /** The version of the document as loaded; each successful save moves it on. */
  baseVersion: number;
  /** The content and plain text as loaded (what the server holds at `baseVersion`). */
  baseContent: string;
  baseText: string;
  save(request: {
    id: string;
    content: string;
    text: string;
    baseVersion: number;
  }): Promise<SaveResult>;
  /** The server's copy, to tell a real conflict from our own save whose answer was lost. */
  fetchCurrent(): Promise<ServerCopy>;
  debounceMs?: number;
  /** Upper bound between the first unsaved change and its save, even while typing goes on. */
  maxWaitMs?: number;
  retryBackoff?: BackoffOptions;
}

/** The server's copy of the document at a version. */
export interface ServerCopy {
  version: number;
  content: string;
  text: string;
}

/**
 * Whether two copies hold the same document. Both the content and the plain text are compared:
 * a document written as plain text only (a template's output, an import) has empty content.
 */
function sameWords(a: SaveSnapshot, b: SaveSnapshot): boolean {
  return a.content === b.content && a.text === b.text;
}

/** Longest a due save waits for the page to go idle (a busy page still saves). */
const IDLE_WAIT_MS = 300;

/**
 * Autosave for one document, independent of React and Lexical so that it can outlive the editor
 * (a switch to another document must never drop text that is still being retried). Changes are
 * handed in as a function that serializes lazily, so typing costs nothing until a save is due.
 */
export class DocumentSaver {
  readonly documentId: string;
  private readonly options: DocumentSaverOptions;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly retryBackoff: BackoffOptions;
  private readonly state = createObservable<SaveState>({ status: 'saved', lastError: null });
  private version: number;
  /** What the server holds at `version`, as far as this saver knows. */
  private serverCopy: ServerCopy;
  private readPending: (() => SaveSnapshot) | null = null;
  private firstUnsavedAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private cancelIdle: (() => void) | null = null;
  private inFlight: Promise<boolean> | null = null;
  private failedAttempts = 0;
  private lastError: string | null = null;
  private inConflict = false;

  constructor(options: DocumentSaverOptions) {
    this.options = options;
    this.documentId = options.documentId;
    this.version = options.baseVersion;
    this.serverCopy = {
      version: options.baseVersion,
      content: options.baseContent,
      text: options.baseText,
    };
    this.debounceMs = options.debounceMs ?? 800;
    this.maxWaitMs = options.maxWaitMs ?? 1000;
    this.retryBackoff = options.retryBackoff ?? { initialMs: 1000, maxMs: 15_000, jitter: 0.2 };
  }

  get saveState(): Observable<SaveState> {
    return this.state;
  }

  get baseVersion(): number {
    return this.version;
  }

  get isClean(): boolean {
    return this.readPending === null && this.inFlight === null && !this.inConflict;
  }

  /** The unsaved text, if any: reopening this document shows it instead of the server's copy. */
  pendingSnapshot(): SaveSnapshot | null {
    return this.readPending ? this.readPending() : null;
  }

  markChanged(readSnapshot: () => SaveSnapshot): void {
    this.readPending = readSnapshot;
    this.firstUnsavedAt ??= Date.now();
    // While failing or in conflict, the retry timer (or the writer's choice) decides when to save.
    // A save that is already due and waits for an idle moment reads the newest text when it
    // runs; putting it off again with every key would let steady typing starve it.
    if (!this.inConflict && this.failedAttempts === 0 && this.cancelIdle === null) {
      const untilMaxWait = this.firstUnsavedAt + this.maxWaitMs - Date.now();
      this.schedule(Math.max(0, Math.min(this.debounceMs, untilMaxWait)));
    }
    this.publish();
  }

  /** Saves now; resolves true once everything is saved, false if it failed (retries continue). */
  async flush(): Promise<boolean> {
    this.cancelTimer();
    for (;;) {
      if (this.inFlight) {
        // A failed attempt has scheduled its own retry; trying again at once would spin.
        if (!(await this.inFlight)) break;
        continue;
      }
      if (!this.readPending || this.inConflict) break;
      if (!(await this.saveOnce())) break;
    }
    return this.isClean;
  }

  /** "Keep mine": build on the server's newest version and save the editor's text over it. */
  async keepMine(): Promise<boolean> {
    const current = await this.options.fetchCurrent();
    this.version = current.version;
    this.inConflict = false;
    this.failedAttempts = 0;
    this.publish();
    return this.flush();
  }

  /**
   * The editor now shows the server's content at `version` ("Load theirs", a restored revision):
   * edits made before it are superseded, so nothing is pending any more.
   */
  adoptVersion(copy: ServerCopy): void {
    this.cancelTimer();
    this.version = copy.version;
    this.serverCopy = copy;
    this.readPending = null;
    this.firstUnsavedAt = null;
    this.inConflict = false;
    this.failedAttempts = 0;
    this.lastError = null;
    this.publish();
  }

  /**
   * Our own rename (or trash/restore) moved the server's version on without touching the text.
   * Following it saves a conflict round trip, which matters when the page is about to unload.
   * Followed only when that change is the one step since the version we know, with no save of
   * ours in between; anything else is left to the conflict check.
   */
  followMetadataChange(newVersion: number): void {
    if (this.inFlight === null && newVersion === this.version + 1) this.version = newVersion;
  }

  dispose(): void {
    this.cancelTimer();
  }

  private saveOnce(): Promise<boolean> {
    const read = this.readPending;
    if (!read) return Promise.resolve(true);
    this.readPending = null;
    this.firstUnsavedAt = null;
    const snapshot = read();
    if (this.serverCopy.version === this.version && sameWords(snapshot, this.serverCopy)) {
      // Edited back to what the server already holds (typed and deleted, an undo): sending
      // a long document again would cost the page a long task for nothing.
      this.publish();
      return Promise.resolve(true);
    }
    const attempt = this.send(snapshot).finally(() => {
      this.inFlight = null;
      this.publish();
    });
    this.inFlight = attempt;
    this.publish();
    return attempt;
  }

  private async send(snapshot: SaveSnapshot): Promise<boolean> {
    try {
      const result = await this.options.save({
        id: this.documentId,
        content: snapshot.content,
        text: snapshot.text,
        baseVersion: this.version,
      });
      this.version = result.version;
      this.serverCopy = { version: result.version, ...snapshot };
      this.failedAttempts = 0;
      this.lastError = null;
      return true;
    } catch (error) {
      // The text is never dropped: unless newer text arrived meanwhile, this snapshot is pending again.
      const restored = (): SaveSnapshot => snapshot;
      this.readPending ??= restored;
      this.firstUnsavedAt ??= Date.now();
      if (error instanceof ApiError && error.code === 'conflict') {
        return this.handleConflict(snapshot, restored);
      }
      this.failedAttempts += 1;
      this.lastError = describeError(error);
      this.schedule(backoffDelay(this.failedAttempts - 1, this.retryBackoff));
      return false;
    }
  }

  private async handleConflict(
    snapshot: SaveSnapshot,
    restored: () => SaveSnapshot,
  ): Promise<boolean> {
    const current = await this.options.fetchCurrent().catch(() => null);
    if (current && sameWords(current, snapshot)) {
      // Our own earlier save went through but its answer was lost with the connection.
      this.version = current.version;
      this.serverCopy = current;
      if (this.readPending === restored) {
        this.readPending = null;
        this.firstUnsavedAt = null;
      }
      this.failedAttempts = 0;
      this.lastError = null;
      return true;
    }
    if (current && sameWords(current, this.serverCopy)) {
      // Only the title or the trash state moved the version on (a rename here or elsewhere);
      // the text nobody else touched is ours to save, so build on the new version and go on.
      this.version = current.version;
      this.failedAttempts = 0;
      this.lastError = null;
      return true;
    }
    this.inConflict = true;
    this.lastError = i18n.t('editor:saveStatus.changedElsewhere');
    return false;
  }

  private schedule(delayMs: number): void {
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      // A save of a long document is a long task (serialising, sending): run it once the
      // current frame is out, not in the middle of a keystroke. flush() stays immediate.
      let ran = false;
      const cancel = whenIdle(() => {
        ran = true;
        this.cancelIdle = null;
        void this.flush();
      }, IDLE_WAIT_MS);
      // Where there is no idle callback the save has already run, and nothing waits.
      if (!ran) this.cancelIdle = cancel;
    }, delayMs);
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.cancelIdle?.();
    this.cancelIdle = null;
  }

  private publish(): void {
    let status: SaveStatus = 'saved';
    if (this.inConflict) status = 'conflict';
    else if (this.inFlight) status = 'saving';
    else if (this.readPending && this.failedAttempts > 0) status = 'retrying';
    else if (this.readPending) status = 'pending';
    const previous = this.state.get();
    if (previous.status === status && previous.lastError === this.lastError) return;
    this.state.set({ status, lastError: this.lastError });
  }
}
