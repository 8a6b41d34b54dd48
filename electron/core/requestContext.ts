/** Who is asking; transports fill it in so handlers can tell requests apart (e.g. for cancel). */
export interface RequestContext {
  transport: 'electron' | 'websocket' | 'test';
  clientId: string;
  /**
   * Resolves once this request's reply is on its way to the client (set by the transports that
   * can say so). A generation's events wait for it, so none reaches the client before the reply
   * that started the generation; without it, events go out at once.
   */
  replySent?: Promise<void>;
}

const WEB_CONTENTS_PREFIX = 'webcontents-';

/** The client id of an Electron window's web contents: one window, one client. */
export function webContentsClientId(webContentsId: number): string {
  return `${WEB_CONTENTS_PREFIX}${webContentsId}`;
}

/** The web contents id inside a client id made by webContentsClientId; null for any other. */
export function webContentsIdOf(clientId: string): number | null {
  if (!clientId.startsWith(WEB_CONTENTS_PREFIX)) return null;
  const id = Number(clientId.slice(WEB_CONTENTS_PREFIX.length));
  return Number.isSafeInteger(id) ? id : null;
}
