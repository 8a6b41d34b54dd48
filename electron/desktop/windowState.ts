/**
 * The main window's size and position, remembered in window-state.json in the user-data folder
 * and clamped onto a display that is connected now (a window restored onto an unplugged monitor
 * would open out of reach). Plain Node: main.ts passes Electron's displays in.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  MIN_WINDOW_HEIGHT,
  MIN_WINDOW_WIDTH,
  type WindowBounds,
} from '../security/windowOptions.js';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1200, height: 820 };
/** How much of the title bar must be on a display for the window to count as reachable. */
const MIN_VISIBLE = 64;

/**
 * Where to open: the remembered bounds if enough of them lie on one of the displays' work
 * areas, shrunk to fit that display; otherwise the default size, centred by the OS.
 */
export function clampToDisplays(
  remembered: Rectangle | null,
  workAreas: readonly Rectangle[],
): WindowBounds {
  if (!remembered || workAreas.length === 0) return { ...DEFAULT_SIZE };
  const display = workAreas.find((area) => overlap(remembered, area) >= MIN_VISIBLE);
  if (!display) {
    const primary = workAreas[0] as Rectangle;
    return {
      width: fit(remembered.width, MIN_WINDOW_WIDTH, primary.width),
      height: fit(remembered.height, MIN_WINDOW_HEIGHT, primary.height),
    };
  }
  const width = fit(remembered.width, MIN_WINDOW_WIDTH, display.width);
  const height = fit(remembered.height, MIN_WINDOW_HEIGHT, display.height);
  const x = Math.min(Math.max(remembered.x, display.x), display.x + display.width - width);
  const y = Math.min(Math.max(remembered.y, display.y), display.y + display.height - height);
  return { x, y, width, height };
}

/** Horizontal overlap of the window's top strip (its title bar) with the area. */
function overlap(window: Rectangle, area: Rectangle): number {
  const titleBarInside = window.y >= area.y && window.y < area.y + area.height;
  if (!titleBarInside) return 0;
  const left = Math.max(window.x, area.x);
  const right = Math.min(window.x + window.width, area.x + area.width);
  return Math.max(0, right - left);
}

function fit(value: number, min: number, max: number): number {
  return Math.round(Math.max(Math.min(value, max), Math.min(min, max)));
}

/** The saved state, or null when there is none or it is damaged (then the defaults apply). */
export function parseWindowState(text: string): WindowState | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as { bounds?: unknown; maximized?: unknown };
  if (!isRectangle(bounds)) return null;
  return { bounds, maximized: maximized === true };
}

function isRectangle(value: unknown): value is Rectangle {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    (['x', 'y', 'width', 'height'] as const).every(
      (key) => typeof record[key] === 'number' && Number.isFinite(record[key]),
    ) &&
    (record.width as number) > 0 &&
    (record.height as number) > 0
  );
}

export function loadWindowState(userDataDir: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(path.join(userDataDir, WINDOW_STATE_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/** Written beside and renamed over, so a crash mid-write leaves the old state, not half a file. */
export function saveWindowState(userDataDir: string, state: WindowState): void {
  const file = path.join(userDataDir, WINDOW_STATE_FILE);
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, file);
}
