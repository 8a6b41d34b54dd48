import type { App, Session, WebContents } from 'electron';

/** Where our renderer lives; nothing else may be shown in, or talk from, our windows. */
export const APP_ORIGIN = 'app://inkwell';

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'app:' && parsed.host === 'inkwell';
  } catch {
    return false;
  }
}

/**
 * Every web-contents guard in one place: no new windows, no navigation away from the app,
 * no permission prompts, no <webview>. External http(s) links open in the system browser.
 */
export function installWebContentsGuards(
  app: App,
  session: Session,
  openExternal: (url: string) => void,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (/^https?:\/\//.test(url)) openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
