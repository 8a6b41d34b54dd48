/**
 * Copies of text the server refused to save (too large, or refused as it is), kept in this
 * browser's own storage (IndexedDB of the page's origin: the browser profile, or Electron's
 * user-data folder for the app) so that a reload or a closed window does not lose them. One
 * copy per document, replaced by each newer refused text and removed once the document saves.
 */
export interface LocalCopy {
  documentId: string;
  /** The server's version the text was written on. */
  baseVersion: number;
  content: string;
  text: string;
  /** When it was kept (ms since the epoch), for whoever looks at the store. */
  keptAt: number;
}

export interface LocalCopies {
  /** Keeps (or replaces) the document's copy; false when this browser could not store it. */
  keep(copy: LocalCopy): Promise<boolean>;
  read(documentId: string): Promise<LocalCopy | null>;
  forget(documentId: string): Promise<void>;
}

const DATABASE = 'inkwell-local-copies';
const STORE = 'unsaved';

/** A store that keeps nothing: where there is no IndexedDB (tests, a locked-down profile). */
export const noLocalCopies: LocalCopies = {
  keep: () => Promise.resolve(false),
  read: () => Promise.resolve(null),
  forget: () => Promise.resolve(),
};

let shared: LocalCopies | null = null;

/** The page's one store of local copies: IndexedDB when the page has it. */
export function browserLocalCopies(): LocalCopies {
  shared ??= typeof indexedDB === 'undefined' ? noLocalCopies : indexedDbCopies(indexedDB);
  return shared;
}

function indexedDbCopies(factory: IDBFactory): LocalCopies {
  let opening: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DATABASE, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(STORE, { keyPath: 'documentId' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB did not open'));
    });
    // A failed open (private mode, storage off) is tried again next time, not remembered.
    opening.catch(() => (opening = null));
    return opening;
  };
  const run = async <T>(
    mode: IDBTransactionMode,
    action: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> => {
    const database = await open();
    return new Promise<T>((resolve, reject) => {
      const transaction = database.transaction(STORE, mode);
      const request = action(transaction.objectStore(STORE));
      // Resolved once the transaction has committed, so a kept copy is really on disk.
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB aborted'));
    });
  };
  return {
    keep: (copy) =>
      run('readwrite', (store) => store.put(copy)).then(
        () => true,
        () => false,
      ),
    read: (documentId) =>
      run<LocalCopy | undefined>('readonly', (store) => store.get(documentId)).then(
        (copy) => copy ?? null,
        () => null,
      ),
    forget: (documentId) =>
      run('readwrite', (store) => store.delete(documentId)).then(
        () => undefined,
        () => undefined,
      ),
  };
}
