import type { ModelMemory } from '../../../shared/schemas/engine.js';

/** Sizes, counts and durations as the Models panel shows them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return `${bytes} B`;
}

export function formatParameters(count: number): string {
  if (count >= 1e9) return `${(count / 1e9).toFixed(1)}B`;
  if (count >= 1e6) return `${Math.round(count / 1e6)}M`;
  return `${Math.round(count / 1e3)}K`;
}

export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds % 60)} s`;
}

export function formatDate(at: number | null): string {
  return at === null ? 'never' : new Date(at).toLocaleString();
}

/** A load time: milliseconds below a second, else seconds with one decimal. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** What the loaded model costs, as the host measured it (see ModelMemory). */
export function describeMemory(memory: ModelMemory): string {
  const parts = [
    `weights ${formatBytes(memory.modelBytes)}`,
    `context ${formatBytes(memory.contextBytes)}`,
  ];
  if (memory.vramBytes !== null) {
    const free = memory.freeVramBytes !== null ? `, ${formatBytes(memory.freeVramBytes)} free` : '';
    parts.push(`GPU memory ${formatBytes(memory.vramBytes)}${free}`);
  }
  return `the engine uses ${formatBytes(memory.hostRssBytes)} of memory (${parts.join(', ')})`;
}
