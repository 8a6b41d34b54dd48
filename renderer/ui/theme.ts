/**
 * The colour theme: System follows the operating system (the stylesheet's light-dark() colours),
 * Light and Dark fix it, by `data-theme` on the root element (styles/base.css). Followed for
 * the whole window like the language: read once, then kept live by `preferences.changed`, in
 * the desktop app and in a browser alike.
 */
import type { ThemePreference } from '../../shared/channels/preferences.js';
import type { InkwellClient } from '../api/client.js';

export function applyTheme(
  theme: ThemePreference,
  root: HTMLElement = document.documentElement,
): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export function followThemePreference(client: InkwellClient): void {
  client.on('preferences.changed', (payload) => applyTheme(payload.theme));
  client.call('preferences.get', {}).then(
    (stored) => applyTheme(stored.theme),
    // Not fatal: the window keeps the system's theme.
    () => undefined,
  );
}
