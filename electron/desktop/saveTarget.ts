/**
 * Where a save may write without asking: only destinations the writer picked in one of this
 * run's save dialogs ("export again"). Anything else the renderer names starts a dialog there.
 */
export class ChosenDestinations {
  private readonly chosen = new Set<string>();

  remember(destination: string): void {
    this.chosen.add(destination);
  }

  has(destination: string): boolean {
    return this.chosen.has(destination);
  }
}

export type SaveTarget =
  { kind: 'write'; destination: string } | { kind: 'ask'; defaultPath: string };

export function chooseSaveTarget(
  request: { suggestedName: string; destination?: string | undefined },
  chosen: ChosenDestinations,
  defaultFolder: string,
): SaveTarget {
  if (request.destination !== undefined && chosen.has(request.destination)) {
    return { kind: 'write', destination: request.destination };
  }
  return {
    kind: 'ask',
    defaultPath: joinFolder(defaultFolder, safeFileName(request.suggestedName)),
  };
}

/** A name the renderer suggests becomes one file name: no folders, no control characters. */
export function safeFileName(name: string): string {
  const cleaned = name
    // Control characters are exactly what must go, so the regular expression names them.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f<>:"/\\|?*]/g, ' ')
    .split(/\s+/)
    .filter((word) => !/^\.*$/.test(word))
    .join(' ')
    .replace(/^\.+/, '');
  return cleaned === '' ? 'Untitled' : cleaned.slice(0, 200);
}

function joinFolder(folder: string, name: string): string {
  if (folder === '') return name;
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? folder + name : folder + separator + name;
}
