/**
 * A keyboard shortcut by physical key (`KeyboardEvent.code`), so that Alt or Shift changing the
 * typed character (Alt+N is "˜" on a Mac, Shift+8 is "*") does not break it. `mod` is Ctrl, or
 * Cmd on Apple keyboards.
 */
export interface KeyCombo {
  code: string;
  mod?: boolean;
  alt?: boolean;
  shift?: boolean;
}

export interface KeyEventLike {
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export const IS_APPLE =
  typeof navigator !== 'undefined' &&
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function matchesCombo(event: KeyEventLike, combo: KeyCombo, isApple = IS_APPLE): boolean {
  const mod = isApple ? event.metaKey : event.ctrlKey;
  const otherControl = isApple ? event.ctrlKey : event.metaKey;
  return (
    event.code === combo.code &&
    mod === Boolean(combo.mod) &&
    event.altKey === Boolean(combo.alt) &&
    event.shiftKey === Boolean(combo.shift) &&
    !otherControl
  );
}

export function matchesAny(event: KeyEventLike, combos: readonly KeyCombo[]): boolean {
  return combos.some((combo) => matchesCombo(event, combo));
}

const KEY_NAMES: Record<string, string> = {
  Slash: '/',
  Backspace: 'Backspace',
  Enter: 'Enter',
  Escape: 'Esc',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  BracketLeft: '[',
  BracketRight: ']',
};

function keyName(code: string): string {
  if (code in KEY_NAMES) return KEY_NAMES[code] ?? code;
  if (code.startsWith('Key')) return code.slice(3);
  if (code.startsWith('Digit')) return code.slice(5);
  return code;
}

/** "Ctrl+Alt+N" on Windows and Linux, "⌘⌥N" on a Mac. */
export function comboLabel(combo: KeyCombo, isApple = IS_APPLE): string {
  const parts: string[] = [];
  if (combo.mod) parts.push(isApple ? '⌘' : 'Ctrl');
  if (combo.alt) parts.push(isApple ? '⌥' : 'Alt');
  if (combo.shift) parts.push(isApple ? '⇧' : 'Shift');
  parts.push(keyName(combo.code));
  return parts.join(isApple ? '' : '+');
}
