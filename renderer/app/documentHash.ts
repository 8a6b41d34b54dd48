/** The open document lives in the URL hash (`#doc=<id>`) so that a reload reopens it. */
const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export function parseDocumentHash(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const id = params.get('doc');
  return id && DOCUMENT_ID_PATTERN.test(id) ? id : null;
}

export function formatDocumentHash(id: string): string {
  return `#doc=${encodeURIComponent(id)}`;
}

/** Replaces (not pushes) the hash: switching documents should not fill the back button. */
export function writeDocumentHash(id: string | null): void {
  const hash = id ? formatDocumentHash(id) : '';
  if (location.hash === hash) return;
  history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
}
