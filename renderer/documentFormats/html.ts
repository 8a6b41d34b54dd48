import { $generateHtmlFromNodes, $generateNodesFromDOM } from '@lexical/html';
import {
  $createParagraphNode,
  $getRoot,
  $isDecoratorNode,
  $isElementNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { documentFromEditor, type ImportedDocument } from './importedDocument.js';
import { ImportRefusedError, MAX_MARKUP_DEPTH } from './importLimits.js';
import { markupDepth } from './nestingLevels.js';

/**
 * Replaces the document with the HTML's content (headings, paragraphs, quotes, lists, bold,
 * italic). Scripts, styles and anything the editor has no node for are dropped by Lexical's
 * importers. Call inside editor.update(); `parser` is the page's DOMParser (jsdom's in tests).
 */
export function $importHtml(editor: LexicalEditor, html: string, parser: DOMParser): void {
  $importHtmlDocument(editor, parser.parseFromString(html, 'text/html'));
}

/** $importHtml for a page already parsed. */
export function $importHtmlDocument(editor: LexicalEditor, dom: Document): void {
  const nodes = $generateNodesFromDOM(editor, dom);
  const root = $getRoot();
  root.clear();
  let loose: ReturnType<typeof $createParagraphNode> | null = null;
  for (const node of nodes) {
    if (isBlock(node)) {
      loose = null;
      root.append(node);
      continue;
    }
    // Text straight under <body> (mammoth and hand-written HTML do this) needs a paragraph.
    if (!loose) {
      loose = $createParagraphNode();
      root.append(loose);
    }
    loose.append(node);
  }
  if (root.getChildrenSize() === 0) root.append($createParagraphNode());
}

/**
 * An HTML file (or mammoth's HTML of a Word file) as a document. The parsed page is measured
 * before Lexical reads it: its reader recurses once per element.
 */
export function htmlToDocument(html: string, parser: DOMParser): ImportedDocument {
  const dom = parser.parseFromString(html, 'text/html');
  if (markupDepth(dom.documentElement, MAX_MARKUP_DEPTH) > MAX_MARKUP_DEPTH) {
    throw new ImportRefusedError({ kind: 'markupDepth', max: MAX_MARKUP_DEPTH });
  }
  return documentFromEditor((editor) => $importHtmlDocument(editor, dom));
}

function isBlock(node: LexicalNode): boolean {
  return ($isElementNode(node) && !node.isInline()) || ($isDecoratorNode(node) && !node.isInline());
}

/** The document as a complete HTML page. Call inside editor.read() with the same editor. */
export function $exportHtml(editor: LexicalEditor, title: string): string {
  const body = $generateHtmlFromNodes(editor, null);
  return [
    '<!doctype html>',
    '<html>',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`,
  );
}
