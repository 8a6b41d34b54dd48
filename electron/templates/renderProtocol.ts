/**
 * The messages between main (templateRenderer.ts) and the render process (renderHost.ts). They
 * are plain data, so the same messages go through child_process IPC (JSON) and Electron's
 * utilityProcess (structured clone).
 */
import type { RenderLimits } from './renderLimits.js';

export const TEMPLATE_PARTS = ['preamble', 'body', 'title'] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];
export type TemplateSources = Record<TemplatePart, string>;

/** The limits the render process checks itself; time and memory are main's to enforce. */
export type CountedLimit = 'steps' | 'chars' | 'items' | 'depth';
export type CountedLimits = Pick<RenderLimits, CountedLimit>;

export interface RenderJob {
  type: 'render';
  id: number;
  sources: TemplateSources;
  /**
   * Field values as pairs, not an object: a field may be called "constructor" or "toString",
   * and a pair list carries any name as plain data.
   */
  values: [string, string | number][];
  limits: CountedLimits;
}

export type RenderReply =
  | { type: 'ready'; heapLimitMb: number }
  | { type: 'rendered'; id: number; parts: TemplateSources }
  | { type: 'limit'; id: number; part: TemplatePart; limit: CountedLimit }
  /** The template's own error (an unknown filter, a bad argument), in the library's English. */
  | { type: 'failed'; id: number; part: TemplatePart; detail: string };

/** A job's reply without its id: what rendering one job comes to. */
export type RenderOutcome = RenderReply extends infer Reply
  ? Reply extends { id: number }
    ? Omit<Reply, 'id'>
    : never
  : never;

export function isRenderReply(message: unknown): message is RenderReply {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'ready' || type === 'rendered' || type === 'limit' || type === 'failed';
}
