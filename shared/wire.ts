/** Frames of the WebSocket transport (Electron IPC carries the same Reply shape natively). */
import type { ApiErrorShape } from './errors.js';

export interface RequestFrame {
  id: string;
  channel: string;
  payload: unknown;
}
export type ReplyFrame =
  | { id: string | null; ok: true; data: unknown }
  | { id: string | null; ok: false; error: ApiErrorShape };
export interface EventFrame {
  event: string;
  payload: unknown;
}

/** Requests larger than this are refused by the server (the connection closes with 1009). */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;
export const WS_PATH = '/ws';
