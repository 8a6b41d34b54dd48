/**
 * Whether the page runs inside the desktop app. The file channels answer 'unavailable' in the
 * browser anyway; asking first would send a whole export over the WebSocket only to hear that,
 * so the browser goes straight to downloads and <input type=file>.
 */
// The client module declares window.inkwell (set by the Electron preload).
import type {} from '../../api/client.js';

export function isDesktopApp(): boolean {
  return typeof window !== 'undefined' && window.inkwell !== undefined;
}
