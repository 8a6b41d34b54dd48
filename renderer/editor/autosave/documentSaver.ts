import { ApiError } from '../../../shared/errors.js';
import { MAX_DOCUMENT_JSON_CHARS, type SaveResult } from '../../../shared/schemas/documents.js';
import { backoffDelay, type BackoffOptions } from '../../api/backoff.js';
import { createObservable, type Observable } from '../../api/connectionState.js';
import { describeError } from '../../ui/describeError.js';
import { i18n } from '../../i18n/i18n.js';
import { whenIdle } from '../whenIdle.js';
import { browserLocalCopies, type LocalCopies } from './localCopies.js';

/** What one save sends: Lexical JSON and the plain text the server indexes. */
export interface SaveSnapshot {
  content: string;
  text: string;
}

/**
 * tooLarge and refused: the server cannot take this text as it is (over a size limit; refused
 * as it is, or its document is gone or in the trash). Such a save is not retried; the text stays
 * pending and the next change (or the writer leaving) tries again.
 */
export type SaveStatus =
  'saved' | 'saving' | 'pending' | 'retrying' | 'conflict' | 'tooLarge' | 'refused';

/** Where the text of a refused save is kept besides this window: see localCopies.ts. */
export type LocalCopyState = 'none' | 'kept' | 'notKept';

export interface SaveState {
  status: SaveStatus;
  /** Why the last attempt failed, in words for the writer; null when it did not. */
  lastError: string | null;
  /** For tooLarge and refused: whether this browser keeps a copy of the text ('kept'). */
  localCopy: LocalCopyState;
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
  /** Where refused text is kept (IndexedDB of this page by default). */
  localCopies?: LocalCopies;
  /** The longest content or text the server takes, in characters (the contract's cap). */
  maxChars?: number;
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

const MIB = 1024 * 1024;

/**
 * What a refusal from the server means for the text: tooLarge and refused hold for this text
 * whenever it is sent again; gone (the document is not there, or in the trash) may pass once
 * the document is restored. Anything else may pass on a retry (the connection, the disk).
 */
function refusalOf(error: unknown): 'tooLarge' | 'refused' | 'gone' | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'too_large') return 'tooLarge';
  if (error.code === 'invalid_request') return 'refused';
  if (error.code === 'not_found') return 'gone';
  return null;
}

/** Megabytes with one decimal, for the writer: a character of Lexical's JSON is about a byte. */
function megabytes(size: number): string {
  return (Math.ceil((size / MIB) * 10) / 10).toFixed(1);
}

/**
 * The writer's sentence for a save the transport would not carry (the WebSocket's frame limit,
 * in bytes): the bytes are counted only here, once it has been refused.
 */
function sentTooLarge(snapshot: SaveSnapshot, error: unknown): string {
  const limit = error instanceof ApiError ? error.localized?.values?.limitMb : undefined;
  if (typeof limit !== 'number') return describeError(error);
  return i18n.t('editor:saveProblem.tooLarge', {
    size: megabytes(new Blob([snapshot.content, snapshot.text]).size),
    limit: limit.toFixed(1),
  });
}

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
  private readonly maxChars: number;
  private readonly state = createObservable<SaveState>({
    status: 'saved',
    lastError: null,
    localCopy: 'none',
  });
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
  private refusal: 'tooLarge' | 'refused' | null = null;
  /** The text last refused for good: sending the very same text again cannot succeed. */
  private refusedSnapshot: SaveSnapshot | null = null;
  private readonly localCopies: LocalCopies;
  private localCopy: LocalCopyState = 'none';
  /** Whether the local store holds a copy this saver knows of (kept, or taken over). */
  private holdsLocalCopy = false;

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
    this.localCopies = options.localCopies ?? browserLocalCopies();
    this.maxChars = options.maxChars ?? MAX_DOCUMENT_JSON_CHARS;
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
    this.clearRefusal();
    this.publish();
  }

  /**
   * A copy this browser kept of text that was refused earlier (before a reload, in a window
   * since closed), if it differs from what the server holds: it becomes this saver's pending
   * text, on the version it was written on, so a server that has moved on since is a conflict
   * for the writer to settle, never overwritten. `show` puts it in the editor, and says false
   * when it may not (the writer has typed meanwhile): the copy then stays for the next opening.
   */
  async takeLocalCopy(show: (snapshot: SaveSnapshot) => boolean): Promise<SaveSnapshot | null> {
    // This saver kept it itself: the text is its pending text already (a switch back to it).
    if (this.holdsLocalCopy) return null;
    const copy = await this.localCopies.read(this.documentId);
    if (!copy || this.holdsLocalCopy) return null;
    const snapshot = { content: copy.content, text: copy.text };
    if (sameWords(snapshot, this.serverCopy)) {
      await this.localCopies.forget(this.documentId);
      return null;
    }
    if (!show(snapshot)) return null;
    if (copy.baseVersion !== this.version) {
      // The server's text at that version is not known here: nothing may be taken as saved.
      this.version = copy.baseVersion;
      this.serverCopy = { version: copy.baseVersion, content: '\u0000', text: '\u0000' };
    }
    this.holdsLocalCopy = true;
    this.markChanged(() => snapshot);
    return snapshot;
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
      this.clearRefusal();
      this.publish();
      return Promise.resolve(true);
    }
    if (this.refusedSnapshot && sameWords(snapshot, this.refusedSnapshot)) {
      // Refused as it is: the very same text would be refused again.
      this.readPending ??= read;
      this.publish();
      return Promise.resolve(false);
    }
    const longest = Math.max(snapshot.content.length, snapshot.text.length);
    if (longest > this.maxChars) {
      // Over the contract's cap the server refuses it unread; it is not sent at all.
      const reason = i18n.t('editor:saveProblem.tooLarge', {
        size: megabytes(longest),
        limit: megabytes(this.maxChars),
      });
      this.readPending ??= read;
      this.firstUnsavedAt ??= Date.now();
      this.refuse(snapshot, 'tooLarge', reason, true);
      return Promise.resolve(false);
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
      this.clearRefusal();
      return true;
    } catch (error) {
      // The text is never dropped: unless newer text arrived meanwhile, this snapshot is pending again.
      const restored = (): SaveSnapshot => snapshot;
      this.readPending ??= restored;
      this.firstUnsavedAt ??= Date.now();
      if (error instanceof ApiError && error.code === 'conflict') {
        return this.handleConflict(snapshot, restored);
      }
      const refusal = refusalOf(error);
      if (refusal !== null) {
        // Not retried on a timer: the same request would get the same answer.
        if (refusal === 'tooLarge') {
          this.refuse(snapshot, 'tooLarge', sentTooLarge(snapshot, error), true);
        } else {
          this.refuse(snapshot, 'refused', describeError(error), refusal !== 'gone');
        }
        return false;
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

  /**
   * Puts the saver in a refused state: no retry is scheduled (the text stays pending and the
   * writer's next change tries again), the reason is shown in full, and a copy is kept locally.
   * `forGood`: this very text cannot pass (too large, refused as it is), so it is not sent again;
   * otherwise (its document is in the trash) a save on leaving may still find it restored.
   */
  private refuse(
    snapshot: SaveSnapshot,
    refusal: 'tooLarge' | 'refused',
    reason: string,
    forGood: boolean,
  ): void {
    this.refusal = refusal;
    this.refusedSnapshot = forGood ? snapshot : null;
    this.failedAttempts = 0;
    this.lastError = reason;
    this.keepLocalCopy(snapshot);
    this.publish();
  }

  private keepLocalCopy(snapshot: SaveSnapshot): void {
    const copy = { documentId: this.documentId, baseVersion: this.version, ...snapshot };
    this.holdsLocalCopy = true;
    void this.localCopies.keep({ ...copy, keptAt: Date.now() }).then((kept) => {
      // Saved meanwhile: the copy is not needed any more.
      if (this.refusal === null) {
        void this.forgetLocalCopy();
        return;
      }
      this.localCopy = kept ? 'kept' : 'notKept';
      this.publish();
    });
  }

  private clearRefusal(): void {
    this.refusal = null;
    this.refusedSnapshot = null;
    this.localCopy = 'none';
    if (this.holdsLocalCopy) void this.forgetLocalCopy();
  }

  private async forgetLocalCopy(): Promise<void> {
    this.holdsLocalCopy = false;
    await this.localCopies.forget(this.documentId);
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
    else if (this.readPending && this.refusal) status = this.refusal;
    else if (this.readPending && this.failedAttempts > 0) status = 'retrying';
    else if (this.readPending) status = 'pending';
    const localCopy = this.refusal ? this.localCopy : 'none';
    const previous = this.state.get();
    if (
      previous.status === status &&
      previous.lastError === this.lastError &&
      previous.localCopy === localCopy
    ) {
      return;
    }
    this.state.set({ status, lastError: this.lastError, localCopy });
  }
}
