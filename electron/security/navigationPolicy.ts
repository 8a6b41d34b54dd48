/**
 * The decisions behind every web-contents guard, as pure functions so tests can ask them
 * directly: what may be shown in our windows, what opens in the system browser, and which
 * permission prompts are granted (none).
 */

/** Where our renderer lives; nothing else may be shown in, or talk from, our windows. */
export const APP_ORIGIN = 'app://inkwell';

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'app:' && parsed.host === 'inkwell';
  } catch {
    return false;
  }
}

/** Navigation (links, redirects, location changes) may only stay inside the app. */
export function mayNavigate(url: string): boolean {
  return isAppUrl(url);
}

/**
 * window.open and target=_blank never create a window. A plain web link is handed to the system
 * browser instead; anything else (file:, javascript:, custom schemes, credentials in the URL)
 * is dropped, because the system would open it with more rights than a browser tab has.
 */
export function externalUrlFor(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

/**
 * Inkwell needs no camera, microphone, notifications, geolocation, clipboard reading or anything
 * else: all refused, except writing plain text to the clipboard (a Copy button, e.g. the
 * documents folder in the app settings), which browsers grant a focused page anyway and which
 * Chromium allows only after a click or key press.
 */
export function mayGrantPermission(permission: string): boolean {
  return permission === 'clipboard-sanitized-write';
}
