/** Pure helpers for the gallery: which templates match the search, grouped by kind. */

export interface GalleryEntry {
  id: string;
  name: string;
  kind: string;
  description: string;
  builtIn: boolean;
  /** More text the search finds it by: a translated built-in's own (English) words, say. */
  alsoMatches?: string;
}

export interface KindGroup<T extends GalleryEntry> {
  kind: string;
  templates: T[];
}

/** Every word typed must appear somewhere in the name, kind or description (any case). */
export function matchesSearch(entry: GalleryEntry, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack =
    `${entry.name} ${entry.kind} ${entry.description} ${entry.alsoMatches ?? ''}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/**
 * Groups by kind in the order kinds first appear (the server lists them in a sensible order),
 * and within a kind puts built-in templates before the writer's own, each by name.
 */
export function groupByKind<T extends GalleryEntry>(entries: T[], search: string): KindGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    if (!matchesSearch(entry, search)) continue;
    const list = groups.get(entry.kind) ?? [];
    list.push(entry);
    groups.set(entry.kind, list);
  }
  return [...groups].map(([kind, templates]) => ({
    kind,
    templates: [...templates].sort(
      (a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name),
    ),
  }));
}
