/**
 * A stored document the editor cannot show, made through the API as the adversarial run made
 * it (a list nested 2,000 levels deep: it used to blank the page on every reload, since the
 * app reopens the last document). It opens in the plain-text view with the reason, survives a
 * reload with the rest of the app working, exports its words, and can be edited as plain text.
 */
import { readFile } from 'node:fs/promises';
import WebSocket from 'ws';
import type { DocumentRecord } from '../../shared/schemas/documents.js';
import { MAX_NESTING_LEVELS } from '../../renderer/documentFormats/importLimits.js';
import { openDocumentId, waitUntilSaved } from './fixtures/editorActions.js';
import { expect, test } from './fixtures/inkwellServer.js';

const LEVELS = 2000;
/** Words on every hundredth level only: Playwright's trace snapshots every action's whole DOM. */
const WORDED_LEVELS = Array.from({ length: LEVELS }, (_, index) => index + 1).filter(
  (level) => level === 1 || level % 100 === 0,
);

/** Lexical's JSON for a bullet list LEVELS deep, "level N" on the worded levels, as text. */
function deepListContent(): string {
  const words = (level: number): string =>
    WORDED_LEVELS.includes(level)
      ? `{"detail":0,"format":0,"mode":"normal","style":"","text":"level ${level}","type":"text","version":1}`
      : '';
  const item = (children: string): string =>
    `{"children":[${children}],"direction":null,"format":"","indent":0,"type":"listitem","version":1,"value":1}`;
  const list = (children: string): string =>
    `{"children":[${children}],"direction":null,"format":"","indent":0,"type":"list","version":1,"listType":"bullet","start":1,"tag":"ul"}`;
  let inner = list(item(words(LEVELS)));
  for (let level = LEVELS - 1; level >= 1; level -= 1) {
    inner = list(`${item(words(level))},${item(inner)}`);
  }
  return `{"root":{"children":[${inner}],"direction":null,"format":"","indent":0,"type":"root","version":1}}`;
}

/** The document's plain text as the editor would have stored it: the worded levels. */
function deepListText(): string {
  return WORDED_LEVELS.map((level) => `level ${level}`).join('\n\n');
}

/** documents.create over the server's WebSocket, as any client holding the token could. */
async function createThroughApi(
  serverUrl: string,
  request: { title: string; content: string; text: string },
): Promise<DocumentRecord> {
  const url = new URL(serverUrl);
  const socket = new WebSocket(
    `ws://${url.host}/ws?token=${encodeURIComponent(url.searchParams.get('token') ?? '')}`,
    { headers: { Origin: url.origin } },
  );
  try {
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const reply = new Promise<DocumentRecord>((resolve, reject) => {
      socket.on('message', (data: Buffer) => {
        const frame = JSON.parse(data.toString('utf8')) as {
          id?: string;
          ok?: boolean;
          data?: DocumentRecord;
        };
        if (frame.id !== 'create') return;
        if (frame.ok && frame.data) resolve(frame.data);
        else reject(new Error(`documents.create failed: ${data.toString('utf8')}`));
      });
    });
    socket.send(JSON.stringify({ id: 'create', channel: 'documents.create', payload: request }));
    return await reply;
  } finally {
    socket.close();
  }
}

test('a stored document nested too deep opens as plain text, survives a reload, exports, and can be edited as plain text', async ({
  page,
  inkwell,
  tr,
}) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const record = await createThroughApi(inkwell.url, {
    title: 'Too deep',
    content: deepListContent(),
    text: deepListText(),
  });

  // The app reopens the newest document: this one.
  await page.goto(inkwell.url);
  const view = page.getByTestId('plain-text-view');
  const reason = tr('editor:plainText.tooDeep', { max: MAX_NESTING_LEVELS });
  await expect(view).toBeVisible();
  await expect(page.getByTestId('plain-text-message')).toContainText(reason);
  await expect(page.getByTestId('plain-text-content')).toContainText(`level ${LEVELS}`);
  await expect(page.getByTestId('doc-title')).toHaveValue('Too deep');
  expect(openDocumentId(page)).toBe(record.id);

  await page.reload();
  await expect(page.getByTestId('plain-text-message')).toContainText(reason);
  await expect(page.getByTestId('doc-item')).toHaveCount(1);
  await expect(page.getByTestId('new-document')).toBeEnabled();

  // Its words export as from the editor.
  await page.getByTestId('toggle-import-export').click();
  await page.getByTestId('import-export-tab-export').click();
  await page.getByTestId('export-format').selectOption('text');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-submit').click();
  const exported = await readFile(await (await downloading).path(), 'utf8');
  expect(exported).toContain('level 1\n');
  expect(exported).toContain(`level ${LEVELS}`);
  await page.keyboard.press('Escape');

  // Editing them as plain text brings the editor back, for good once saved.
  await page.getByTestId('plain-text-edit').click();
  const editor = page.getByTestId('editor');
  await expect(editor).toContainText(`level ${LEVELS}`);
  await editor.locator('p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' (kept)');
  await waitUntilSaved(page);
  await page.reload();
  await expect(page.getByTestId('editor')).toContainText('level 1 (kept)');
  await expect(view).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
