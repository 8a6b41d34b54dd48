import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export const MIN_WINDOW_WIDTH = 640;
export const MIN_WINDOW_HEIGHT = 420;

/**
 * The main window's options, a pure function so a test can assert every security setting.
 * The renderer is untrusted: isolated from the preload, sandboxed, without Node, without
 * webviews, and unable to relax web security or run insecure content.
 */
export function mainWindowOptions(options: {
  preloadPath: string;
  bounds: WindowBounds;
}): BrowserWindowConstructorOptions {
  return {
    ...options.bounds,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    title: 'Inkwell',
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click (auxclick) could open links in new windows, bypassing the click handlers.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  };
}
