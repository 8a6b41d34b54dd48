/**
 * The renderer's import/export behaviour without a browser: app commands reach their handlers
 * and the ones main waits for are acknowledged truthfully; file names map to formats and
 * titles; files become new documents through the converters; exports carry the document's
 * structure; "export again" repeats the same format and desktop destination, per document;
 * files past an import limit are refused with the limit named and never stored; and what
 * import and export tell the writer comes out in Chinese when the UI is Chinese.
 */
import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'node:test';
import { createHeadlessEditor } from '@lexical/headless';
import { JSDOM } from 'jsdom';
import type { LexicalEditor } from 'lexical';
import type { AppCommand } from '../../shared/channels/app.js';
import type { RequestOf } from '../../shared/contract.js';
import { MAX_DOCUMENT_JSON_CHARS, type DocumentRecord } from '../../shared/schemas/documents.js';
import { createClientFromTransport, type InkwellClient } from '../../renderer/api/client.js';
import { createObservable } from '../../renderer/api/connectionState.js';
import { runAppCommand } from '../../renderer/app/useAppCommands.js';
import { documentNodes } from '../../renderer/documentFormats/editorNodes.js';
import { $importMarkdown } from '../../renderer/documentFormats/markdown.js';
import { base64ToBytes, bytesToBase64 } from '../../renderer/panels/importExport/base64.js';
import {
  describeExportOutcome,
  exportAgain,
  exportDocument,
} from '../../renderer/panels/importExport/exportDocument.js';
import {
  exportFileName,
  exportFormatLabel,
  importFormatForFileName,
  isModelFileName,
  titleFromFileName,
} from '../../renderer/panels/importExport/fileFormats.js';
import { snapshotFromImport } from '../../renderer/panels/importExport/importDocument.js';
import { importFiles, modelDropMessage } from '../../renderer/panels/importExport/importFiles.js';
import { renderExport } from '../../renderer/panels/importExport/renderExport.js';
import { i18n } from '../../renderer/i18n/i18n.js';
import { arrayBufferOf, deflatedZeros, zipFile } from './support/zipFile.js';

const SAMPLE_MARKDOWN = '# The lighthouse\n\nIt was a **stormy** night.\n\n- oil\n- wicks\n';

let dom: JSDOM;
before(() => {
  dom = new JSDOM('<!doctype html><html><body></body></html>');
  // @lexical/html builds and reads DOM nodes through the globals, as in a page.
  Object.assign(globalThis, {
    window: dom.window,
    document: dom.window.document,
    Node: dom.window.Node,
    HTMLElement: dom.window.HTMLElement,
    DOMParser: dom.window.DOMParser,
  });
});

function editorWith(markdown: string): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: 'inkwell-test',
    nodes: [...documentNodes],
    onError: (error) => {
      throw error;
    },
  });
  editor.update(() => $importMarkdown(markdown), { discrete: true });
  return editor;
}

function bytesOf(text: string): ArrayBuffer {
  return new TextEncoder().encode(text).buffer;
}

/** Node types and formatted text of a serialized state, in document order. */
function structureOf(content: string): string[] {
  const found: string[] = [];
  const walk = (node: Record<string, unknown>): void => {
    if (node.type === 'heading') found.push(`heading:${String(node.tag)}`);
    if (node.type === 'list') found.push(`list:${String(node.listType)}`);
    if (node.type === 'text' && node.format === 1) found.push(`bold:${String(node.text)}`);
    const children = node.children;
    if (Array.isArray(children))
      for (const child of children) walk(child as Record<string, unknown>);
  };
  walk((JSON.parse(content) as { root: Record<string, unknown> }).root);
  return found;
}

describe('app commands', () => {
  const flush = (commandId?: string): AppCommand => ({ command: 'flush', commandId });

  it('acknowledges a flush main waits for once the save has finished', async () => {
    let saved = false;
    const acknowledgement = await runAppCommand(flush('command-1'), {
      flush: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        saved = true;
        return true;
      },
    });
    assert.equal(saved, true);
    assert.deepEqual(acknowledgement, { commandId: 'command-1', ok: true });
  });

  it('says ok: false when the save failed or threw', async () => {
    assert.deepEqual(await runAppCommand(flush('a'), { flush: () => Promise.resolve(false) }), {
      commandId: 'a',
      ok: false,
    });
    const failing = await runAppCommand(flush('b'), {
      flush: () => Promise.reject(new Error('disk full')),
    });
    assert.deepEqual(failing, { commandId: 'b', ok: false });
  });

  it('answers at once, as not done, when nothing handles a command main waits for', async () => {
    assert.deepEqual(await runAppCommand(flush('c'), {}), { commandId: 'c', ok: false });
  });

  it('runs menu commands on their own handler and acknowledges nothing main did not ask for', async () => {
    const ran: string[] = [];
    const handlers = {
      import: () => void ran.push('import'),
      'export-again': () => void ran.push('export-again'),
      continue: () => void ran.push('continue'),
    };
    for (const command of ['import', 'export-again', 'continue', 'stop'] as const) {
      assert.equal(await runAppCommand({ command }, handlers), null);
    }
    assert.deepEqual(ran, ['import', 'export-again', 'continue']);
  });
});

describe('file names', () => {
  it('maps extensions to import formats, case-insensitively', () => {
    assert.equal(importFormatForFileName('notes.MD'), 'markdown');
    assert.equal(importFormatForFileName('notes.markdown'), 'markdown');
    assert.equal(importFormatForFileName('notes.txt'), 'text');
    assert.equal(importFormatForFileName('page.htm'), 'html');
    assert.equal(importFormatForFileName('Chapter.docx'), 'docx');
    assert.equal(importFormatForFileName('model.gguf'), null);
    assert.equal(importFormatForFileName('README'), null);
    assert.equal(isModelFileName('gpt2.Q8_0.GGUF'), true);
  });

  it('titles a document after its file, without the extension', () => {
    assert.equal(titleFromFileName('Chapter 1.final.md'), 'Chapter 1.final');
    assert.equal(titleFromFileName('C:\\Users\\me\\Draft.docx'), 'Draft');
    assert.equal(titleFromFileName('.md'), 'Imported document');
  });

  it('names an export after the title, with only characters file systems accept', () => {
    assert.equal(exportFileName('The lighthouse', 'docx'), 'The lighthouse.docx');
    assert.equal(exportFileName('a/b: c?', 'markdown'), 'a b c.md');
    assert.equal(exportFileName('   ', 'pdf'), 'Untitled.pdf');
    assert.equal(exportFileName('..hidden', 'text'), 'hidden.txt');
  });

  it('names an untitled document’s export after its first words, and "Untitled" only when it is empty', () => {
    const story = 'The lighthouse keeper climbed the stairs at dusk: the lamp had to be lit.';
    // Main stores an unnamed document as "Untitled"; the first six words name its file.
    assert.equal(
      exportFileName('Untitled', 'markdown', story),
      'The lighthouse keeper climbed the stairs.md',
    );
    assert.equal(exportFileName('', 'docx', '  A short one.  '), 'A short one..docx');
    assert.equal(exportFileName('Untitled', 'text', 'Who? Me: a/b'), 'Who Me a b.txt');
    assert.equal(exportFileName('Untitled', 'pdf', '\n \n'), 'Untitled.pdf');
    // A title the writer gave wins over the text.
    assert.equal(exportFileName('Chapter One', 'html', story), 'Chapter One.html');
  });
});

describe('base64', () => {
  it('round-trips bytes larger than one chunk', () => {
    const bytes = new Uint8Array(100_000).map((_, index) => (index * 7) % 256);
    const base64 = bytesToBase64(bytes);
    assert.equal(base64, Buffer.from(bytes).toString('base64'));
    assert.deepEqual(base64ToBytes(base64), bytes);
  });
});

describe('import', () => {
  it('turns Markdown into the editor content, with the plain text beside it', async () => {
    const snapshot = await snapshotFromImport(
      { name: 'a.md', format: 'markdown', bytes: bytesOf(SAMPLE_MARKDOWN) },
      new DOMParser(),
    );
    assert.deepEqual(structureOf(snapshot.content), ['heading:h1', 'bold:stormy', 'list:bullet']);
    assert.match(snapshot.text, /^The lighthouse\n\nIt was a stormy night\./);
  });

  it('reads HTML and plain text files (a byte-order mark is not text)', async () => {
    const html = await snapshotFromImport(
      { name: 'a.html', format: 'html', bytes: bytesOf('<h2>Part</h2><p><b>bold</b> text</p>') },
      new DOMParser(),
    );
    assert.deepEqual(structureOf(html.content), ['heading:h2', 'bold:bold']);
    const text = await snapshotFromImport(
      { name: 'a.txt', format: 'text', bytes: bytesOf('\uFEFFone\r\ntwo\n') },
      new DOMParser(),
    );
    assert.equal(text.text, 'one\n\ntwo');
  });

  it('imports dropped or chosen files as new documents and explains the ones it refuses', async () => {
    const created: RequestOf<'documents.create'>[] = [];
    const createDocument = (request: RequestOf<'documents.create'>): Promise<DocumentRecord> => {
      created.push(request);
      return Promise.resolve({
        id: `document-${created.length}`,
        title: request.title ?? '',
        content: request.content ?? '',
        text: request.text ?? '',
        excerpt: '',
        wordCount: 0,
        createdAt: 0,
        updatedAt: 0,
        deletedAt: null,
        version: 1,
      });
    };
    const result = await importFiles(
      [
        new File([SAMPLE_MARKDOWN], 'Lighthouse.md'),
        new File(['GGUF'], 'gpt2.gguf'),
        new File(['%PDF'], 'scan.pdf'),
      ],
      createDocument,
    );
    assert.deepEqual(
      result.imported.map((record) => record.id),
      ['document-1'],
    );
    assert.equal(created[0]?.title, 'Lighthouse');
    assert.deepEqual(structureOf(created[0]?.content ?? ''), [
      'heading:h1',
      'bold:stormy',
      'list:bullet',
    ]);
    assert.equal(result.problems[0], modelDropMessage());
    assert.match(result.problems[0] ?? '', /Models panel/);
    assert.match(result.problems[1] ?? '', /scan\.pdf was not imported: Inkwell imports/);
  });
});

describe('refused imports', () => {
  const nestedMarkdown = Array.from({ length: 2000 }, (_, index) => `${'  '.repeat(index)}- item`);
  const nestedHtml = `<body>${'<blockquote>quote'.repeat(65)}${'</blockquote>'.repeat(65)}</body>`;
  const crowded = `Intro\n\n${'*a'.repeat(10_000)}\n`;

  async function zipBomb(): Promise<ArrayBuffer> {
    // 70 MB of zeros that claim to be 1 KB: only unpacking them shows what they are.
    const bomb = zipFile([
      { name: 'word/document.xml', deflated: await deflatedZeros(70), declaredSize: 1024 },
    ]);
    return arrayBufferOf(bomb);
  }

  function refusingCreate(created: RequestOf<'documents.create'>[]) {
    return (request: RequestOf<'documents.create'>): Promise<DocumentRecord> => {
      created.push(request);
      return Promise.reject(new Error('nothing should be stored'));
    };
  }

  it('names the limit each hostile file hit, and stores none of them', async () => {
    const created: RequestOf<'documents.create'>[] = [];
    const result = await importFiles(
      [
        new File([nestedMarkdown.join('\n')], 'Deep.md'),
        new File([nestedHtml], 'Quotes.html'),
        new File([crowded], 'Stars.md'),
        new File([await zipBomb()], 'Bomb.docx'),
      ],
      refusingCreate(created),
    );
    assert.deepEqual(created, []);
    assert.deepEqual(result.imported, []);
    assert.deepEqual(result.problems, [
      'Deep.md was not imported: its lists or quotes are nested more than 64 levels deep, deeper than the editor can show',
      'Quotes.html was not imported: its lists or quotes are nested more than 64 levels deep, deeper than the editor can show',
      'Stars.md was not imported: line 3 has more than 500 runs of * or _ (emphasis marks)',
      'Bomb.docx was not imported: it unpacks to more than 64 MB',
    ]);
  });

  it('refuses a text file longer than one document holds without building it', async () => {
    const created: RequestOf<'documents.create'>[] = [];
    const lines = 'a\n'.repeat(MAX_DOCUMENT_JSON_CHARS / 2 + 1);
    const result = await importFiles([new File([lines], 'Lines.txt')], refusingCreate(created));
    assert.deepEqual(created, []);
    assert.deepEqual(result.problems, [
      'Lines.txt was not imported: Lines.txt is too long to become one document.',
    ]);
  });

  it('says the same in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    try {
      const result = await importFiles(
        [
          new File([nestedMarkdown.join('\n')], 'Deep.md'),
          new File([await zipBomb()], 'Bomb.docx'),
        ],
        refusingCreate([]),
      );
      assert.deepEqual(result.problems, [
        'Deep.md 未导入：其中的列表或引用嵌套超过 64 层，超出了编辑器能显示的深度',
        'Bomb.docx 未导入：解压后超过 64 MB',
      ]);
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});

describe('export', () => {
  it('writes Markdown and HTML with the heading and bold text', async () => {
    const editor = editorWith(SAMPLE_MARKDOWN);
    const markdown = new TextDecoder().decode((await renderExport(editor, 'markdown', 'T')).bytes);
    assert.match(markdown, /^# The lighthouse$/m);
    assert.match(markdown, /\*\*stormy\*\*/);
    const html = await renderExport(editor, 'html', 'The <lighthouse>');
    const page = new TextDecoder().decode(html.bytes);
    assert.match(page, /<title>The &lt;lighthouse&gt;<\/title>/);
    assert.match(page, /<h1[^>]*>.*The lighthouse.*<\/h1>/);
    assert.equal(html.mimeType, 'text/html;charset=utf-8');
  });

  it('writes a Word file that imports back with its heading and bold text', async () => {
    const docx = await renderExport(editorWith(SAMPLE_MARKDOWN), 'docx', 'T');
    assert.equal(new TextDecoder().decode(docx.bytes.subarray(0, 2)), 'PK');
    const back = await snapshotFromImport(
      { name: 'T.docx', format: 'docx', bytes: docx.bytes.buffer },
      new DOMParser(),
    );
    assert.deepEqual(structureOf(back.content), ['heading:h1', 'bold:stormy', 'list:bullet']);
  });
});

describe('export again (desktop)', () => {
  interface SentRequest {
    channel: string;
    payload: Record<string, unknown>;
  }

  function desktopClient(sent: SentRequest[]): InkwellClient {
    return createClientFromTransport({
      connection: createObservable('connected' as const),
      subscribe: () => () => undefined,
      request(channel, payload) {
        sent.push({ channel, payload: payload as Record<string, unknown> });
        const destination =
          (payload as { destination?: string }).destination ?? '/home/me/Chosen.md';
        return Promise.resolve({
          ok: true,
          data: { status: 'saved', destination, name: destination.split('/').pop() },
        });
      },
    });
  }

  before(() => {
    // The Electron preload's bridge is what marks the desktop app; the client here is a fake.
    Object.assign(dom.window, { inkwell: {} });
  });

  it('has nothing to repeat before the first export of that document', async () => {
    const outcome = await exportAgain({
      client: desktopClient([]),
      editor: editorWith('text'),
      documentId: 'never-exported',
      documentTitle: 'T',
    });
    assert.deepEqual(outcome, { status: 'nothing-to-repeat' });
    assert.match(describeExportOutcome(outcome), /export this document once first/);
  });

  it('repeats the format and writes to the file chosen the first time, for that document only', async () => {
    const sent: SentRequest[] = [];
    const client = desktopClient(sent);
    const editor = editorWith(SAMPLE_MARKDOWN);
    const first = { client, editor, documentId: 'document-a', documentTitle: 'Lighthouse' };
    const outcome = await exportDocument(first, 'markdown');
    assert.deepEqual(outcome, { status: 'saved', format: 'markdown', fileName: 'Chosen.md' });
    assert.equal(sent[0]?.channel, 'files.saveDialog');
    assert.equal(sent[0]?.payload.suggestedName, 'Lighthouse.md');
    assert.equal(sent[0]?.payload.destination, undefined);
    const written = Buffer.from(String(sent[0]?.payload.base64), 'base64').toString('utf8');
    assert.match(written, /^# The lighthouse$/m);

    await exportAgain(first);
    assert.equal(sent[1]?.payload.format, 'markdown');
    assert.equal(sent[1]?.payload.destination, '/home/me/Chosen.md');

    const other = { ...first, documentId: 'document-b' };
    assert.deepEqual(await exportAgain(other), { status: 'nothing-to-repeat' });
    assert.equal(sent.length, 2);
  });
});

describe('import and export in Chinese', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('names formats and untitled files, and says what an export did, in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    assert.equal(exportFormatLabel('docx'), 'Word 文档（.docx）');
    assert.equal(exportFileName('   ', 'pdf'), '未命名.pdf');
    assert.equal(titleFromFileName('.md'), '导入的文档');
    assert.equal(
      describeExportOutcome({ status: 'saved', format: 'markdown', fileName: 'A.md' }),
      '已导出为 Markdown（.md），保存到 A.md。',
    );
    assert.equal(
      describeExportOutcome({ status: 'nothing-to-repeat' }),
      '还没有可重复的导出：请先导出一次此文档。',
    );
  });

  it('explains refused files in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    const refuse = (): Promise<DocumentRecord> => Promise.reject(new Error('unused'));
    const result = await importFiles(
      [new File(['%PDF'], 'scan.pdf'), new File(['GGUF'], 'gpt2.gguf')],
      refuse,
    );
    assert.deepEqual(result.problems, [
      'scan.pdf 未导入：Inkwell 可以导入 .md、.txt、.html 或 .docx 文件。',
      '模型要在“模型”面板中添加（“添加 GGUF 文件”），不能拖放到这里。',
    ]);
  });
});
