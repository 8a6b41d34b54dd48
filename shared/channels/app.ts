/**
 * The app itself: what it is (app.info), and commands main sends to the renderer (menu items, shortcuts handled natively, quit) and the
 * renderer's acknowledgement of those that main waits for (flush before quitting).
 */
import { z } from 'zod';

const empty = z.object({}).strict();

export const appCommandNames = [
  'new-document',
  'import',
  'export',
  'export-again',
  'export-pdf',
  'continue',
  'regenerate',
  'stop',
  'show-shortcuts',
  'show-app-settings',
  /** View → a side panel: opens it, or closes it when it is the open one. */
  'toggle-revisions',
  'toggle-history',
  'toggle-tree',
  'toggle-generation-settings',
  'toggle-lorebook',
  'toggle-context-viewer',
  'toggle-models',
  'toggle-templates',
  /** View → Probabilities: the heat map on or off. */
  'toggle-probabilities',
  /** A document waits to be imported: take it with files.openDialog({ purpose: 'opened-file' }). */
  'open-file',
  /** Save any pending autosave now and acknowledge with app.commandDone (quit, crash). */
  'flush',
] as const;
export type AppCommandName = (typeof appCommandNames)[number];

export const appCommand = z.object({
  command: z.enum(appCommandNames),
  /** Set when main waits for the renderer to acknowledge (app.commandDone) this command. */
  commandId: z.string().max(64).optional(),
});
export type AppCommand = z.output<typeof appCommand>;

export const appEvents = {
  'app.command': appCommand,
} as const;

export const appChannels = {
  'app.info': {
    request: empty,
    response: z.object({
      name: z.string(),
      version: z.string(),
      dataDir: z.string(),
      transport: z.enum(['electron', 'websocket', 'test']),
    }),
  },
  /** The renderer finished a command main waits for (a flush); false when nobody waited. */
  'app.commandDone': {
    request: z
      .object({ commandId: z.string().min(1).max(64), ok: z.boolean().optional() })
      .strict(),
    response: z.object({ acknowledged: z.boolean() }),
  },
} as const;
