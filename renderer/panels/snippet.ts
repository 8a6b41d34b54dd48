/** A search snippet split into plain and matched parts; the server wraps matches in [ and ]. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const pattern = /\[([^\]]*)\]/g;
  let last = 0;
  for (const found of snippet.matchAll(pattern)) {
    const start = found.index;
    if (start > last) parts.push({ text: snippet.slice(last, start), match: false });
    if (found[1]) parts.push({ text: found[1], match: true });
    last = start + found[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), match: false });
  return parts;
}
