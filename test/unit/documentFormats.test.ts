/**
 * Import/export round trips through a headless Lexical editor with the app's nodes (jsdom for
 * the DOM that HTML conversion needs): headings, bold, italic and lists survive Markdown, HTML
 * and DOCX, and plain text keeps every line. Hostile files are refused with the limit they hit
 * (nesting, markup depth, emphasis marks), Word files are measured before mammoth
 * opens them (zip bombs), slow readers run off the page with a deadline, and stored content too
 * deep for the editor is found without recursing over it.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createHeadlessEditor } from '@lexical/headless';
import { JSDOM } from 'jsdom';
import { $getRoot, type LexicalEditor } from 'lexical';
import { $documentForDocx, docxBytes } from '../../renderer/documentFormats/docx.js';
import { docxToHtml } from '../../renderer/documentFormats/docxImport.js';
import { documentNodes } from '../../renderer/documentFormats/editorNodes.js';
import { $exportHtml, $importHtml, htmlToDocument } from '../../renderer/documentFormats/html.js';
import {
  ImportRefusedError,
  MAX_EMPHASIS_RUNS_PER_LINE,
  MAX_MARKUP_DEPTH,
  MAX_NESTING_LEVELS,
  MAX_UNPACKED_BYTES,
  type ImportRefusal,
} from '../../renderer/documentFormats/importLimits.js';
import {
  $exportMarkdown,
  $importMarkdown,
  markdownToDocument,
} from '../../renderer/documentFormats/markdown.js';
import {
  runOffThread,
  type OffThreadTask,
  type TaskWorker,
} from '../../renderer/documentFormats/offThread.js';
import { $exportPlainText, $importPlainText } from '../../renderer/documentFormats/plainText.js';
import { readMarkdown } from '../../renderer/documentFormats/readers.js';
import {
  inspectStoredContent,
  textOfStoredContent,
} from '../../renderer/documentFormats/storedContent.js';
import { arrayBufferOf, deflatedZeros, zipFile } from './support/zipFile.js';

const SAMPLE_MARKDOWN = [
  '# The lighthouse',
  '',
  'It was a *dark* and **stormy** night, and ***both*** at once.',
  '',
  '## Supplies',
  '',
  '- oil',
  '- wicks',
  '    - spare wicks',
  '',
  '1. climb',
  '2. light',
  '',
  '> Keep the flame.',
  '',
].join('\n');

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

function newEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'inkwell-test',
    nodes: [...documentNodes],
    onError: (error) => {
      throw error;
    },
  });
}

function update(editor: LexicalEditor, change: () => void): void {
  editor.update(change, { discrete: true });
}

function read<T>(editor: LexicalEditor, reader: () => T): T {
  return editor.getEditorState().read(reader);
}

/** The structure that matters: block types, heading levels, list kinds, formatted runs. */
function outline(editor: LexicalEditor): string[] {
  return read(editor, () => {
    const lines: string[] = [];
    const json = editor.getEditorState().toJSON();
    const walk = (node: Record<string, unknown>, depth: number): void => {
      const type = String(node.type);
      const detail = [
        node.tag,
        node.listType,
        node.format && type === 'text' ? `f${node.format}` : '',
      ]
        .filter((part) => part !== undefined && part !== '' && part !== 0)
        .join(',');
      const text = type === 'text' ? ` "${String(node.text)}"` : '';
      if (type !== 'root')
        lines.push(`${'  '.repeat(depth)}${type}${detail ? `(${detail})` : ''}${text}`);
      for (const child of (node.children as Record<string, unknown>[] | undefined) ?? []) {
        walk(child, type === 'root' ? depth : depth + 1);
      }
    };
    walk(json.root as unknown as Record<string, unknown>, 0);
    return lines;
  });
}

describe('Markdown', () => {
  it('keeps headings, emphasis, lists and quotes: md → editor → md', () => {
    const editor = newEditor();
    update(editor, () => $importMarkdown(SAMPLE_MARKDOWN));
    const lines = outline(editor);
    assert.ok(lines.includes('heading(h1)'), lines.join('\n'));
    assert.ok(lines.includes('heading(h2)'));
    assert.ok(
      lines.some((line) => line.includes('text(f2) "dark"')),
      lines.join('\n'),
    );
    assert.ok(lines.some((line) => line.includes('text(f1) "stormy"')));
    assert.ok(lines.some((line) => line.includes('text(f3) "both"')));
    assert.ok(lines.includes('list(ul,bullet)'));
    assert.ok(lines.includes('list(ol,number)'));
    assert.ok(lines.includes('quote'));

    const markdown = read(editor, $exportMarkdown);
    const again = newEditor();
    update(again, () => $importMarkdown(markdown));
    assert.deepEqual(outline(again), lines);
    assert.equal(read(again, $exportMarkdown), markdown);
    assert.match(markdown, /^# The lighthouse$/m);
    assert.match(markdown, /\*dark\*/);
    assert.match(markdown, /\*\*stormy\*\*/);
    assert.match(markdown, /^1\. climb$/m);
  });
});

describe('HTML', () => {
  it('keeps the structure: html → editor → html → editor', () => {
    const editor = newEditor();
    update(editor, () => $importMarkdown(SAMPLE_MARKDOWN));
    const expected = outline(editor);
    const html = read(editor, () => $exportHtml(editor, 'The <lighthouse>'));
    assert.match(html, /<title>The &lt;lighthouse&gt;<\/title>/);
    assert.match(html, /<h1[^>]*>/);

    const again = newEditor();
    update(again, () => $importHtml(again, html, new dom.window.DOMParser()));
    assert.deepEqual(outline(again), expected);
    const html2 = read(again, () => $exportHtml(again, 'The <lighthouse>'));
    assert.equal(html2, html);
  });

  it('imports ordinary HTML and drops scripts', () => {
    const editor = newEditor();
    const page =
      '<html><body><h2>Title</h2><p>Plain <b>bold</b> and <i>italic</i></p>' +
      '<script>alert(1)</script>loose text<ul><li>one</li></ul></body></html>';
    update(editor, () => $importHtml(editor, page, new dom.window.DOMParser()));
    const lines = outline(editor);
    assert.ok(lines.includes('heading(h2)'), lines.join('\n'));
    assert.ok(
      lines.some((line) => line.includes('text(f1) "bold"')),
      lines.join('\n'),
    );
    assert.ok(lines.some((line) => line.includes('text(f2) "italic"')));
    assert.ok(lines.includes('list(ul,bullet)'));
    assert.ok(!read(editor, $exportPlainText).includes('alert'));
  });
});

describe('plain text', () => {
  it('keeps every line, blank ones included', () => {
    const editor = newEditor();
    const text = 'First line\n\nThird line, after a blank\r\nFourth\n';
    update(editor, () => $importPlainText(text));
    assert.equal(
      read(editor, $exportPlainText),
      'First line\n\nThird line, after a blank\nFourth\n',
    );
  });
});

describe('DOCX', () => {
  it('keeps headings, bold, italic and lists: editor → docx → editor', async () => {
    const editor = newEditor();
    update(editor, () => $importMarkdown(SAMPLE_MARKDOWN));
    const bytes = await docxBytes(read(editor, $documentForDocx));
    assert.equal(new TextDecoder().decode(new Uint8Array(bytes).slice(0, 2)), 'PK');

    const html = await docxToHtml(bytes);
    const again = newEditor();
    update(again, () => $importHtml(again, html, new dom.window.DOMParser()));
    const lines = outline(again);
    assert.ok(lines.includes('heading(h1)'), lines.join('\n'));
    assert.ok(lines.includes('heading(h2)'), lines.join('\n'));
    assert.ok(
      lines.some((line) => line.includes('"dark"') && line.includes('f2')),
      lines.join('\n'),
    );
    assert.ok(lines.some((line) => line.includes('"stormy"') && line.includes('f1')));
    assert.ok(lines.includes('list(ul,bullet)'), lines.join('\n'));
    assert.ok(lines.includes('list(ol,number)'), lines.join('\n'));
    const text = read(again, $exportPlainText);
    for (const word of ['The lighthouse', 'oil', 'spare wicks', 'climb', 'Keep the flame.']) {
      assert.ok(text.includes(word), `${word} in ${text}`);
    }

    // And once more: the second export is read back the same way.
    const bytes2 = await docxBytes(read(again, $documentForDocx));
    const third = newEditor();
    const html2 = await docxToHtml(bytes2);
    update(third, () => $importHtml(third, html2, new dom.window.DOMParser()));
    assert.deepEqual(outline(third), lines);
  });
});

/** A Markdown list `levels` deep, each item indented `step` spaces more than the one before. */
function nestedMarkdownList(levels: number, step: number): string {
  return Array.from({ length: levels }, (_, index) => `${' '.repeat(step * index)}- item`).join(
    '\n',
  );
}

function nestedHtml(levels: number, open: string, close: string): string {
  return `<body>${open.repeat(levels)}${close.repeat(levels)}</body>`;
}

/** What a reader refused, or null when it read the file. */
function refusalOf(read: () => unknown): ImportRefusal | null {
  try {
    read();
    return null;
  } catch (error) {
    if (error instanceof ImportRefusedError) return error.refusal;
    throw error;
  }
}

async function refusalOfAsync(read: () => Promise<unknown>): Promise<ImportRefusal | null> {
  try {
    await read();
    return null;
  } catch (error) {
    if (error instanceof ImportRefusedError) return error.refusal;
    throw error;
  }
}

describe('nesting limits', () => {
  const nesting = { kind: 'nesting', max: MAX_NESTING_LEVELS };
  const markup = { kind: 'markupDepth', max: MAX_MARKUP_DEPTH };
  const parser = (): DOMParser => new dom.window.DOMParser();

  it('refuses a Markdown list nested 2,000 levels deep before Lexical reads it', () => {
    assert.deepEqual(
      refusalOf(() => markdownToDocument(nestedMarkdownList(2000, 2))),
      nesting,
    );
  });

  it('reads lists as deep as the limit, indented by two or four spaces, and no deeper', () => {
    for (const step of [2, 4]) {
      const deepest = markdownToDocument(nestedMarkdownList(MAX_NESTING_LEVELS, step));
      assert.equal(inspectStoredContent(deepest.content).kind, 'blocks', `step ${step}`);
      assert.equal(deepest.text.split('\n').filter((line) => line === 'item').length, 64);
      assert.deepEqual(
        refusalOf(() => markdownToDocument(nestedMarkdownList(MAX_NESTING_LEVELS + 1, step))),
        nesting,
        `step ${step}`,
      );
    }
  });

  it('refuses HTML lists and quotes nested 600 levels deep by their markup depth', () => {
    // Deeper than Chromium's parser nests (512); jsdom's parser takes quadratic time beyond it.
    const lists = nestedHtml(600, '<ul><li>item', '</li></ul>');
    const quotes = nestedHtml(600, '<blockquote>quote', '</blockquote>');
    assert.deepEqual(
      refusalOf(() => htmlToDocument(lists, parser())),
      markup,
    );
    assert.deepEqual(
      refusalOf(() => htmlToDocument(quotes, parser())),
      markup,
    );
  });

  it('refuses HTML lists and quotes one level past the limit, and reads them at it', () => {
    for (const [open, close] of [
      ['<ul><li>item', '</li></ul>'],
      ['<blockquote>quote', '</blockquote>'],
    ] as const) {
      const atLimit = htmlToDocument(nestedHtml(MAX_NESTING_LEVELS, open, close), parser());
      assert.equal(inspectStoredContent(atLimit.content).kind, 'blocks', open);
      assert.deepEqual(
        refusalOf(() => htmlToDocument(nestedHtml(MAX_NESTING_LEVELS + 1, open, close), parser())),
        nesting,
        open,
      );
    }
  });
});

describe('pathological Markdown', () => {
  it('reads a line of 100,000 asterisks as text: one run of marks is one delimiter', () => {
    const stars = '*'.repeat(100_000);
    const read = markdownToDocument(stars);
    assert.equal(read.text, stars);
  });

  it('refuses lines crowded with emphasis marks, naming the line and the limit', () => {
    for (const pattern of ['*a', 'a_', '**a', '*a_b']) {
      const markdown = `# Title\n\n${pattern.repeat(10_000)}\n`;
      assert.deepEqual(
        refusalOf(() => markdownToDocument(markdown)),
        { kind: 'emphasis', max: MAX_EMPHASIS_RUNS_PER_LINE, line: 3 },
        pattern,
      );
    }
  });

  it('reads a line with emphasis marks up to the limit, every one of them', () => {
    const italics = MAX_EMPHASIS_RUNS_PER_LINE / 2;
    const read = markdownToDocument('*a* '.repeat(italics));
    const italicRuns = read.content.match(/"format":2,"mode":"normal","style":"","text":"a"/g);
    assert.equal(italicRuns?.length, italics);
  });
});

describe('stored content', () => {
  /** Lexical's JSON for a list `levels` deep, written as text (no recursion to build it). */
  function storedList(levels: number): string {
    const item = (inner: string): string =>
      `{"children":[${inner}],"direction":null,"format":"","indent":0,"type":"listitem","version":1,"value":1}`;
    const list = (inner: string): string =>
      `{"children":[${inner}],"direction":null,"format":"","indent":0,"type":"list","version":1,"listType":"bullet","start":1,"tag":"ul"}`;
    const text =
      '{"detail":0,"format":0,"mode":"normal","style":"","text":"item","type":"text","version":1}';
    let node = item(text);
    for (let level = 1; level < levels; level += 1) node = item(list(node));
    return `{"root":{"children":[${list(node)}],"direction":null,"format":"","indent":0,"type":"root","version":1}}`;
  }

  it('finds a stored document too deep for the editor without recursing over it', () => {
    assert.deepEqual(inspectStoredContent(storedList(2000)), {
      kind: 'tooDeep',
      max: MAX_NESTING_LEVELS,
    });
    assert.deepEqual(inspectStoredContent(storedList(100_000)), {
      kind: 'tooDeep',
      max: MAX_NESTING_LEVELS,
    });
    assert.equal(inspectStoredContent(storedList(MAX_NESTING_LEVELS)).kind, 'blocks');
    assert.deepEqual(inspectStoredContent('{"root":'), { kind: 'unreadable' });
    assert.deepEqual(inspectStoredContent(''), { kind: 'empty' });
  });

  it('reads the words of stored content, one line per block, however deep', () => {
    assert.equal(textOfStoredContent(storedList(3)), 'item');
    const editor = newEditor();
    update(editor, () => $importMarkdown(SAMPLE_MARKDOWN));
    const content = JSON.stringify(editor.getEditorState().toJSON());
    assert.equal(
      textOfStoredContent(content),
      read(editor, () => $getRoot().getTextContent()),
    );
    assert.equal(textOfStoredContent(storedList(100_000)).length, 'item'.length);
  });
});

describe('Word file limits', () => {
  const tooLarge = { kind: 'unpackedSize', maxBytes: MAX_UNPACKED_BYTES };
  const FOUR_HUNDRED_MB = 400 * 1024 * 1024;
  let bombStream: Buffer;
  before(async () => {
    // As in the finding: a document.xml of 400 MB that packs into a few hundred kilobytes.
    bombStream = await deflatedZeros(400);
  });

  it('refuses a zip bomb that declares its size, before unpacking anything', async () => {
    const bomb = zipFile([
      { name: 'word/document.xml', deflated: bombStream, declaredSize: FOUR_HUNDRED_MB },
    ]);
    assert.ok(bomb.length < 1024 * 1024);
    assert.deepEqual(await refusalOfAsync(() => docxToHtml(arrayBufferOf(bomb))), tooLarge);
  });

  it('refuses a zip bomb that lies about its size, stopping the unpacking at the limit', async () => {
    const bomb = zipFile([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', deflated: bombStream, declaredSize: 1024 },
    ]);
    assert.deepEqual(await refusalOfAsync(() => docxToHtml(arrayBufferOf(bomb))), tooLarge);
  });

  it('refuses Word markup nested past the limit (mammoth overflowed at 1,000 tables)', async () => {
    const cell = '<w:tbl><w:tr><w:tc>';
    const body = `${cell.repeat(1000)}<w:p><w:r><w:t>deep</w:t></w:r></w:p>${'</w:tc></w:tr></w:tbl>'.repeat(1000)}`;
    const xml = `<?xml version="1.0"?><w:document xmlns:w="w"><!-- <a><b> --><w:body>${body}</w:body></w:document>`;
    const deep = zipFile([{ name: 'word/document.xml', data: Buffer.from(xml) }]);
    assert.deepEqual(await refusalOfAsync(() => docxToHtml(arrayBufferOf(deep))), {
      kind: 'markupDepth',
      max: MAX_MARKUP_DEPTH,
    });
  });

  it('refuses what is not a Word file: not a zip, or a zip without document.xml', async () => {
    const notWord = { kind: 'notWordFile' };
    const text = arrayBufferOf(Buffer.from('PK but not really a zip file at all'));
    assert.deepEqual(await refusalOfAsync(() => docxToHtml(text)), notWord);
    const other = zipFile([{ name: 'notes.txt', data: Buffer.from('hello') }]);
    assert.deepEqual(await refusalOfAsync(() => docxToHtml(arrayBufferOf(other))), notWord);
  });
});

/** A worker that does what the test says with each message, and records what it was sent. */
class FakeWorker implements TaskWorker {
  readonly posted: unknown[] = [];
  terminated = false;
  private readonly messageListeners: ((event: MessageEvent<unknown>) => void)[] = [];
  private readonly errorListeners: ((event: ErrorEvent) => void)[] = [];

  constructor(private readonly onPosted: (worker: FakeWorker, input: unknown) => void = () => {}) {}

  postMessage(message: unknown): void {
    this.posted.push(message);
    this.onPosted(this, message);
  }

  terminate(): void {
    this.terminated = true;
  }

  addEventListener(type: 'message' | 'error', listener: never): void {
    if (type === 'message') this.messageListeners.push(listener);
    else this.errorListeners.push(listener);
  }

  reply(data: unknown): void {
    for (const listener of this.messageListeners) listener({ data } as MessageEvent<unknown>);
  }

  failToLoad(): void {
    const event = { message: 'blocked', preventDefault: () => undefined } as ErrorEvent;
    for (const listener of this.errorListeners) listener(event);
  }
}

describe('reading off the page', () => {
  const isString = (value: unknown): value is string => typeof value === 'string';
  const task = (worker: FakeWorker | null, deadlineMs = 60_000): OffThreadTask<string, string> => ({
    start: () => worker,
    input: 'the file',
    isOutput: isString,
    inThread: (input) => `read on the page: ${input}`,
    deadlineMs,
  });

  it('sends the file once the worker has started, and answers what it read', async () => {
    const worker = new FakeWorker((self, input) =>
      self.reply({ type: 'done', output: `${String(input)} read` }),
    );
    const reading = runOffThread(task(worker));
    assert.deepEqual(worker.posted, []);
    worker.reply({ type: 'ready' });
    assert.equal(await reading, 'the file read');
    assert.deepEqual(worker.posted, ['the file']);
    assert.equal(worker.terminated, true);
  });

  it('gives up at the deadline with the limit named, and stops the worker', async () => {
    const worker = new FakeWorker();
    const reading = runOffThread(task(worker, 1));
    worker.reply({ type: 'ready' });
    assert.deepEqual(await refusalOfAsync(() => reading), { kind: 'readTime', maxMs: 1 });
    assert.equal(worker.terminated, true);
  });

  it('passes on a refusal from the worker as a refusal', async () => {
    const refusal = { kind: 'emphasis', max: MAX_EMPHASIS_RUNS_PER_LINE, line: 7 } as const;
    const worker = new FakeWorker((self) => self.reply({ type: 'refused', refusal }));
    const reading = runOffThread(task(worker));
    worker.reply({ type: 'ready' });
    assert.deepEqual(await refusalOfAsync(() => reading), refusal);
  });

  it('reads on the page where workers are missing or fail to start', async () => {
    assert.equal(await runOffThread(task(null)), 'read on the page: the file');
    const blocked = new FakeWorker();
    const reading = runOffThread(task(blocked));
    blocked.failToLoad();
    assert.equal(await reading, 'read on the page: the file');
    assert.deepEqual(blocked.posted, []);
  });

  it('reads Markdown on the page under Node, through the same checks', async () => {
    assert.deepEqual(await refusalOfAsync(() => readMarkdown(nestedMarkdownList(2000, 2))), {
      kind: 'nesting',
      max: MAX_NESTING_LEVELS,
    });
  });
});
