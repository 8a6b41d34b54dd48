import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { documentFromEditor, type ImportedDocument } from './importedDocument.js';

/** Replaces the document with one paragraph per line of text. Call inside editor.update(). */
export function $importPlainText(text: string): void {
  const root = $getRoot();
  root.clear();
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    const paragraph = $createParagraphNode();
    if (line !== '') paragraph.append($createTextNode(line));
    root.append(paragraph);
  }
}

/** A text file as a document. */
export function textToDocument(text: string): ImportedDocument {
  return documentFromEditor(() => $importPlainText(text));
}

/** The document's text, one line per block. Call inside a read. */
export function $exportPlainText(): string {
  const text = $getRoot()
    .getChildren()
    .map((block) => block.getTextContent())
    .join('\n');
  return `${text}\n`;
}
