import { $generateHtmlFromNodes, $generateNodesFromDOM } from '@lexical/html';
import {
  $createParagraphNode,
  $getRoot,
  $isDecoratorNode,
  $isElementNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';

/**
 * Replaces the document with the HTML's content (headings, paragraphs, quotes, lists, bold,
 * italic). Scripts, styles and anything the editor has no node for are dropped by Lexical's
 * importers. Call inside editor.update(); `parser` is the page's DOMParser (jsdom's in tests).
 */
export function $importHtml(editor: LexicalEditor, html: string, parser: DOMParser): void {
  const dom = parser.parseFromString(html, 'text/html');
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
