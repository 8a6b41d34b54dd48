import { useEffect, useRef } from 'react';
import type { AppCommand, AppCommandName } from '../../shared/channels/app.js';
import type { InkwellClient } from '../api/client.js';

/**
 * A command's handler. Commands main waits for ('flush') return the outcome: a promise of
 * false (or a throw) means it did not complete, e.g. the save failed.
 */
export type AppCommandHandler = () => void | boolean | Promise<void | boolean>;
export type AppCommandHandlers = Partial<Record<AppCommandName, AppCommandHandler>>;

export interface CommandAcknowledgement {
  commandId: string;
  ok: boolean;
}

/**
 * Runs one command's handler and, when main waits for this command (it carries a commandId),
 * answers the acknowledgement to send. A command nobody handles is acknowledged as not done,
 * so main's log does not claim a save that never happened; it still answers at once instead of
 * letting main wait out its timeout.
 */
export async function runAppCommand(
  command: AppCommand,
  handlers: AppCommandHandlers,
): Promise<CommandAcknowledgement | null> {
  const handler = handlers[command.command];
  let ok = handler !== undefined;
  if (handler) {
    try {
      ok = (await handler()) !== false;
    } catch (error) {
      console.error(`[inkwell] the "${command.command}" command failed`, error);
      ok = false;
    }
  }
  return command.commandId === undefined ? null : { commandId: command.commandId, ok };
}

/**
 * Follows the commands main sends (menu items, quit): each goes to its handler, and the ones
 * main waits for are acknowledged with app.commandDone once their handler has settled. Takes
 * the client as an argument (App has it from useClient) so that this module stays free of JSX
 * and its pure part can be tested in plain Node.
 */
export function useAppCommands(client: InkwellClient, handlers: AppCommandHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(
    () =>
      client.on('app.command', (command) => {
        void runAppCommand(command, latest.current)
          .then((acknowledgement) =>
            acknowledgement ? client.call('app.commandDone', acknowledgement) : null,
          )
          .catch((error: unknown) =>
            console.error('[inkwell] could not acknowledge a command to the app', error),
          );
      }),
    [client],
  );
}
