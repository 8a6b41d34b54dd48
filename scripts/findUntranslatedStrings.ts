/**
 * Finds UI text written straight into the renderer instead of going through the i18n layer:
 * JSX text with words in it, words in the attributes people read (title, aria-label,
 * placeholder, alt, label), and sentence-like string literals (a capitalised word followed by
 * more words or an ellipsis). Errors thrown for developers (`new Error(…)`) are not UI text.
 *
 *   node --import tsx scripts/findUntranslatedStrings.ts [folder…]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface UntranslatedString {
  file: string;
  line: number;
  text: string;
}

const READ_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label']);
const HAS_WORD = /[A-Za-z]{2}/;
const SENTENCE_LIKE = /^[A-Z][a-z’']*(?: |…)/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [file] : [];
  });
}

function isDeveloperError(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isNewExpression(current)) return /Error$/.test(current.expression.getText());
    if (ts.isCallExpression(current) && /^console\./.test(current.expression.getText()))
      return true;
    if (ts.isBlock(current) || ts.isSourceFile(current)) return false;
  }
  return false;
}

function uiText(node: ts.Node): string | null {
  if (ts.isJsxText(node)) return HAS_WORD.test(node.text) ? node.text.trim() : null;
  if (ts.isJsxAttribute(node)) {
    const value = node.initializer;
    const readable = READ_ATTRIBUTES.has(node.name.getText());
    return readable && value && ts.isStringLiteral(value) && HAS_WORD.test(value.text)
      ? value.text
      : null;
  }
  const literal =
    ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node);
  if (!literal || !SENTENCE_LIKE.test(node.text)) return null;
  if (ts.isImportDeclaration(node.parent) || ts.isJsxAttribute(node.parent)) return null;
  return isDeveloperError(node) ? null : node.text;
}

export function findUntranslatedStrings(folders: readonly string[]): UntranslatedString[] {
  const found: UntranslatedString[] = [];
  for (const file of folders.flatMap(sourceFiles)) {
    const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
      kind,
    );
    const visit = (node: ts.Node): void => {
      const text = uiText(node);
      if (text !== null) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ file, line, text });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folders = process.argv.slice(2);
  const found = findUntranslatedStrings(folders.length > 0 ? folders : ['renderer']);
  for (const { file, line, text } of found) console.log(`${file}:${line}  ${JSON.stringify(text)}`);
  console.log(`${found.length} untranslated UI string(s)`);
}
