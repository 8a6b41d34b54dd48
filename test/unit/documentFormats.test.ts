/**
 * Import/export round trips through a headless Lexical editor with the app's nodes (jsdom for
 * the DOM that HTML conversion needs): headings, bold, italic and lists survive Markdown, HTML
 * and DOCX, and plain text keeps every line.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createHeadlessEditor } from '@lexical/headless';
import { JSDOM } from 'jsdom';
import type { LexicalEditor } from 'lexical';
import { $documentForDocx, docxBytes, docxToHtml } from '../../renderer/documentFormats/docx.js';
import { documentNodes } from '../../renderer/documentFormats/editorNodes.js';
import { $exportHtml, $importHtml } from '../../renderer/documentFormats/html.js';
import { $exportMarkdown, $importMarkdown } from '../../renderer/documentFormats/markdown.js';
import { $exportPlainText, $importPlainText } from '../../renderer/documentFormats/plainText.js';

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
