import {
  $convertFromMarkdownString,
  $convertToMarkdownString,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  HEADING,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  ORDERED_LIST,
  QUOTE,
  UNORDERED_LIST,
  type Transformer,
} from '@lexical/markdown';
import { documentFromEditor, type ImportedDocument } from './importedDocument.js';
import { checkMarkdownLimits } from './markdownLimits.js';

/**
 * Markdown that maps onto the editor's nodes: headings, quotes, lists, bold and italic. Links,
 * code and tables have no node in Inkwell, so their text comes in as plain text.
 */
export const MARKDOWN_TRANSFORMERS: Transformer[] = [
  HEADING,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
];

/** Replaces the document with the Markdown's content. Call inside editor.update(). */
export function $importMarkdown(markdown: string): void {
  // Blank lines separate paragraphs in Markdown; shouldPreserveNewLines=false keeps it that way.
  $convertFromMarkdownString(markdown.replace(/\r\n?/g, '\n'), MARKDOWN_TRANSFORMERS);
}

/**
 * A Markdown file as a document. The text is looked at first (markdownLimits.ts), so a file
 * that would make Lexical's reader crawl or overflow is refused before it starts.
 */
export function markdownToDocument(markdown: string): ImportedDocument {
  checkMarkdownLimits(markdown);
  return documentFromEditor(() => $importMarkdown(markdown));
}

/** The document as Markdown. Call inside editor.read() / getEditorState().read(). */
export function $exportMarkdown(): string {
  return `${$convertToMarkdownString(MARKDOWN_TRANSFORMERS)}\n`;
}
