/**
 * The line a benchmark prints about the machine it ran on, so that figures from different
 * machines can be told apart.
 */
import os from 'node:os';

/** CPU model, core count, Node version, platform and architecture. */
export function describeMachine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} cores, node ${process.version}, ${os.platform()} ${os.arch()}`;
}
