import { useEffect, useRef } from 'react';
import { appShortcuts, type AppShortcut } from '../keyboard/appShortcuts.js';
import { matchesAny } from '../keyboard/keyCombo.js';

export type ShortcutHandlers = Partial<Record<AppShortcut, () => void>>;

/**
 * Window-wide shortcuts. Listens in the capture phase so they win over the editor's own keys
 * (Lexical maps Ctrl+Alt+Backspace to "delete word", for instance).
 */
export function useGlobalShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.isComposing) return;
      for (const name of Object.keys(appShortcuts) as AppShortcut[]) {
        const handler = latest.current[name];
        if (!handler || !matchesAny(event, appShortcuts[name].combos)) continue;
        event.preventDefault();
        event.stopPropagation();
        handler();
        return;
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
