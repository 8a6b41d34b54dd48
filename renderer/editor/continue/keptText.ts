/**
 * Kept text that remembers where it came from: the continuation's characters, mapped to the
 * generation and the offset in its output that each one is, go in as KeptModelTextNodes.
 */
import { $getEditor, $getSelection, $isRangeSelection } from 'lexical';
import type { ShownStep } from './continueState.js';
import {
  $createKeptModelTextNode,
  $isKeptModelTextNode,
  KeptModelTextNode,
} from './KeptModelTextNode.js';
import { $insertAcceptedText } from './pendingText.js';

/** A stretch of a continuation's text [start, end) that is one generation's own output. */
export interface OriginSegment {
  start: number;
  end: number;
  generationId: string;
  /** The offset in that generation's output where the stretch starts. */
  from: number;
}

/**
 * Which generation each character of a continuation (its lead, then the shown generation's
 * output) comes from. A branch's lead is its parents' tokens, each parent's last one replaced by
 * the token the writer chose: those chosen tokens are the writer's, so no segment covers them.
 */
export function originSegments(
  leadSteps: readonly ShownStep[],
  leadLength: number,
  generationId: string | null,
): OriginSegment[] {
  const segments: OriginSegment[] = [];
  let offset = 0;
  let index = 0;
  while (index < leadSteps.length) {
    const group = leadSteps[index]?.generationId ?? '';
    let end = index;
    while (leadSteps[end + 1]?.generationId === group) end += 1;
    // The group's steps are the generation's own from its first token; its last is the chosen one.
    let length = 0;
    for (let at = index; at < end; at += 1) length += leadSteps[at]?.text.length ?? 0;
    if (length > 0 && leadSteps[index]?.index === 0) {
      segments.push({ start: offset, end: offset + length, generationId: group, from: 0 });
    }
    offset += length + (leadSteps[end]?.text.length ?? 0);
    index = end + 1;
  }
  if (generationId !== null && offset === leadLength) {
    segments.push({ start: leadLength, end: Number.POSITIVE_INFINITY, generationId, from: 0 });
  }
  return segments;
}

/** A blank line (possibly with spaces on it) and any further blank lines: a paragraph break. */
const PARAGRAPH_BREAK = /\n[^\S\n]*\n\s*/g;

/**
 * Inserts kept text at the caret as $insertAcceptedText does (blank lines become paragraph
 * breaks, single line breaks stay), each stretch that `segments` covers as text that remembers
 * its origin. `start` is the text's offset in the continuation. Text that continues the piece
 * right before the caret (the next word of the same generation) joins it.
 */
export function $insertKeptText(
  text: string,
  start: number,
  segments: readonly OriginSegment[],
): void {
  // Carriage returns change the text's length as it goes in: such text keeps no origin; nor
  // does text in an editor that has no kept-text node (a test's, a headless copy).
  const remembers = $getEditor().hasNode(KeptModelTextNode);
  if (!remembers || segments.length === 0 || text.includes('\r')) {
    return $insertAcceptedText(text);
  }
  let at = 0;
  let first = true;
  const parts: { text: string; offset: number }[] = [];
  for (const match of text.matchAll(PARAGRAPH_BREAK)) {
    parts.push({ text: text.slice(at, match.index), offset: at });
    at = match.index + match[0].length;
  }
  parts.push({ text: text.slice(at), offset: at });
  for (const part of parts) {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if (!first) selection.insertParagraph();
    first = false;
    let lineStart = 0;
    part.text.split('\n').forEach((line, index) => {
      if (index > 0) $getSelection()?.insertRawText('\n');
      $insertLine(line, start + part.offset + lineStart, segments);
      lineStart += line.length + 1;
    });
  }
}

function $insertLine(line: string, offset: number, segments: readonly OriginSegment[]): void {
  let at = 0;
  while (at < line.length) {
    const position = offset + at;
    const segment = segments.find((entry) => position >= entry.start && position < entry.end);
    const next = segments.find((entry) => entry.start > position)?.start ?? Infinity;
    const end = Math.min(line.length, (segment?.end ?? next) - offset);
    const piece = line.slice(at, end);
    if (segment)
      $insertModelPiece(piece, segment.generationId, segment.from + position - segment.start);
    else $getSelection()?.insertRawText(piece);
    at = end;
  }
}

function $insertModelPiece(text: string, generationId: string, from: number): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) {
    return void $getSelection()?.insertRawText(text);
  }
  const before = selection.anchor.getNode();
  if ($isKeptModelTextNode(before) && selection.anchor.offset === before.getTextContentSize()) {
    const origin = before.getOrigin();
    const joins =
      origin.generationId === generationId &&
      origin.from + origin.length === from &&
      before.getTextContentSize() === origin.length &&
      before.getFormat() === selection.format &&
      before.getStyle() === selection.style;
    if (joins) {
      const joined = before.getTextContent() + text;
      before.setTextContent(joined).setModelLength(origin.length + text.length);
      before.select(joined.length, joined.length);
      return;
    }
  }
  const node = $createKeptModelTextNode(text, { generationId, from, length: text.length });
  node.setFormat(selection.format);
  node.setStyle(selection.style);
  selection.insertNodes([node]);
  node.select(text.length, text.length);
}
