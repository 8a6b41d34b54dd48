/**
 * How much a file may ask of the page before Inkwell refuses to import it. Each limit sits far
 * above what real writing needs and far below where the page breaks, and each refusal says
 * which limit it hit (the panels put it in the writer's words), so a file is never half-read
 * and a document the editor cannot show is never stored.
 */

/**
 * Lists inside lists, quotes inside quotes. Word offers 9 list levels and a long email thread
 * quotes a few dozen deep; Chromium runs out of stack drawing a list about 500 levels deep
 * (400 drew, 800 did not), and every walk over the document (saving, counting, exporting)
 * recurses once per level too.
 */
export const MAX_NESTING_LEVELS = 64;

/**
 * HTML or Word (XML) elements inside each other. Lexical's HTML import and mammoth both
 * recurse once per element (mammoth overflowed at 1,000 nested tables); real pages stay well
 * under a hundred, and Chromium's own parser stops nesting at 512.
 */
export const MAX_MARKUP_DEPTH = 256;

/**
 * What a Word file may unpack to, all of its parts together. A novel's document.xml is a few
 * tens of megabytes at most; a 1.4 MB file that unpacks to 400 MB is a zip bomb.
 */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

/**
 * How long reading one file may take (in a worker, see readers.ts). A 1 MB Markdown novel,
 * about as much as one document can hold, read in under 2 s on our busy 2-core machine; a file
 * that needs ten times that is not going to finish.
 */
export const MAX_READ_MS = 20_000;

/**
 * Runs of `*` or `_` in one line of Markdown. Lexical looks again through the rest of the line
 * for each emphasis it finds, so the time grows with their number times the line's length:
 * `*a` 10,000 times took 27 s. A line of prose has a few dozen.
 */
export const MAX_EMPHASIS_RUNS_PER_LINE = 500;

/** Why a file was not imported: the limit it hit, with the numbers the writer is told. */
export type ImportRefusal =
  | { kind: 'nesting'; max: number }
  | { kind: 'markupDepth'; max: number }
  | { kind: 'unpackedSize'; maxBytes: number }
  | { kind: 'readTime'; maxMs: number }
  | { kind: 'emphasis'; max: number; line: number }
  /** Not a zip Inkwell can read: damaged, encrypted, or packed in a way Word does not use. */
  | { kind: 'notWordFile' };

/** Thrown by the readers; plain data inside, so it survives a worker's postMessage. */
export class ImportRefusedError extends Error {
  constructor(readonly refusal: ImportRefusal) {
    super(`import refused: ${refusal.kind}`);
    this.name = 'ImportRefusedError';
  }
}

const refusalKinds: ReadonlySet<string> = new Set<ImportRefusal['kind']>([
  'nesting',
  'markupDepth',
  'unpackedSize',
  'readTime',
  'emphasis',
  'notWordFile',
]);

/** For a refusal that came back from a worker as a plain object. */
export function isImportRefusal(value: unknown): value is ImportRefusal {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' && refusalKinds.has(kind);
}
