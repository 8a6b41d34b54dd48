import type { App, Session, WebContents } from 'electron';
import { externalUrlFor, mayGrantPermission, mayNavigate } from './navigationPolicy.js';

export { APP_ORIGIN, isAppUrl } from './navigationPolicy.js';

/**
 * Every web-contents guard in one place: no new windows, no navigation away from the app,
 * no permissions but a clipboard write, no <webview>. External http(s) links open in the system browser.
 * The decisions themselves live in navigationPolicy.ts (tested); this only wires them.
 */
export function installWebContentsGuards(
  app: App,
  session: Session,
  openExternal: (url: string) => void,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(mayGrantPermission(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => mayGrantPermission(permission));

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      const external = externalUrlFor(url);
      if (external !== null) openExternal(external);
      return { action: 'deny' };
    });
    // The URL is read from the event: the listeners' positional url argument is deprecated.
    contents.on('will-navigate', (event) => {
      if (!mayNavigate(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!mayNavigate(event.url)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!mayNavigate(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
