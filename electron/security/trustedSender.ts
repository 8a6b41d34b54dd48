/**
 * Who may call the contract over Electron IPC: only the main frame of one of our own windows,
 * showing our own app:// origin. Typed structurally so tests can pass plain objects; in the app
 * these are Electron's WebFrameMain objects (compared by identity).
 */
import { isAppUrl } from './navigationPolicy.js';

export interface SenderFrame {
  readonly url: string;
  readonly top: SenderFrame | null;
  readonly parent: SenderFrame | null;
}

export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  ourMainFrames: readonly SenderFrame[],
): boolean {
  if (!frame) return false;
  // A subframe (an iframe, were one ever injected) is never trusted, even at our origin.
  if (frame.parent !== null || frame.top !== frame) return false;
  if (!isAppUrl(frame.url)) return false;
  return ourMainFrames.includes(frame);
}
