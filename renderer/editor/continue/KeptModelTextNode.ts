import {
  $applyNodeReplacement,
  $getSelection,
  $isRangeSelection,
  TextNode,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedTextNode,
  type Spread,
} from 'lexical';

/** The node type name, as stored in a document's JSON. */
export const KEPT_MODEL_TEXT_TYPE = 'inkwell-kept-model-text';

/** Where a piece of kept text came from: characters of one generation's own output. */
export interface ModelOrigin {
  generationId: string;
  /** The offset in the generation's output (the text of its own tokens) where the piece starts. */
  from: number;
  /** How many characters of that output the piece held when it was kept. */
  length: number;
}

export type SerializedKeptModelTextNode = Spread<{ model: ModelOrigin }, SerializedTextNode>;

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** A stored origin, checked: a damaged one reads as no origin (the text stays, untinted). */
function readOrigin(value: unknown): ModelOrigin {
  const origin = (value ?? {}) as Partial<Record<keyof ModelOrigin, unknown>>;
  return typeof origin.generationId === 'string' && isCount(origin.from) && isCount(origin.length)
    ? { generationId: origin.generationId, from: origin.from, length: origin.length }
    : { generationId: '', from: 0, length: 0 };
}

/**
 * Text the writer kept from a continuation, remembering which generation and which characters
 * of its output it is, so that the probabilities view can tint it with the steps stored for that
 * generation while it is unedited. It is ordinary text in every other way: its text content,
 * formats, HTML, Markdown, Word and plain-text exports are a TextNode's. Text typed at either
 * end goes into a plain node beside it (the writer's own words never look like the model's);
 * text typed or deleted inside it changes it, and the view stops tinting it from there on.
 * Split (bold on part of it, Enter inside it), each part stays kept text with its own share of
 * the output: formats and line breaks change no character the model wrote.
 */
export class KeptModelTextNode extends TextNode {
  __generationId: string;
  __from: number;
  __length: number;

  static override getType(): string {
    return KEPT_MODEL_TEXT_TYPE;
  }

  static override clone(node: KeptModelTextNode): KeptModelTextNode {
    return new KeptModelTextNode(node.__text, node.getOrigin(), node.__key);
  }

  static override importJSON(serialized: SerializedKeptModelTextNode): KeptModelTextNode {
    return $createKeptModelTextNode('', readOrigin(serialized.model)).updateFromJSON(serialized);
  }

  constructor(text = '', origin?: ModelOrigin, key?: NodeKey) {
    super(text, key);
    this.__generationId = origin?.generationId ?? '';
    this.__from = origin?.from ?? 0;
    this.__length = origin?.length ?? text.length;
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedKeptModelTextNode>): this {
    const writable = super.updateFromJSON(serialized);
    const origin = readOrigin(serialized.model);
    writable.__generationId = origin.generationId;
    writable.__from = origin.from;
    writable.__length = origin.length;
    return writable;
  }

  override exportJSON(): SerializedKeptModelTextNode {
    return { ...super.exportJSON(), model: this.getOrigin() };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    // Lets the probabilities view find its text on the page; exportDOM leaves it out.
    dom.dataset.keptModelText = '';
    return dom;
  }

  override exportDOM(
    editor: Parameters<TextNode['exportDOM']>[0],
  ): ReturnType<TextNode['exportDOM']> {
    const output = super.exportDOM(editor);
    if (output.element instanceof HTMLElement) {
      output.element.removeAttribute('data-kept-model-text');
      output.element.querySelectorAll('[data-kept-model-text]').forEach((element) => {
        element.removeAttribute('data-kept-model-text');
      });
    }
    return output;
  }

  getOrigin(): ModelOrigin {
    const latest = this.getLatest();
    return { generationId: latest.__generationId, from: latest.__from, length: latest.__length };
  }

  /**
   * Lexical makes the parts after the first plain text nodes; here each part is kept text again,
   * holding the characters of the output it shows. The last part holds what is left of the
   * piece's share, so a piece cut short before it was split still reads as cut short.
   */
  override splitText(...splitOffsets: number[]): TextNode[] {
    const origin = this.getOrigin();
    const parts = super.splitText(...splitOffsets);
    if (parts.length < 2 || origin.generationId === '') return parts;
    let offset = 0;
    return parts.map((part, index) => {
      const size = part.getTextContentSize();
      const share: ModelOrigin = {
        generationId: origin.generationId,
        from: origin.from + offset,
        length: index === parts.length - 1 ? Math.max(0, origin.length - offset) : size,
      };
      offset += size;
      return $isKeptModelTextNode(part) ? part.setOrigin(share) : $keepAsModelText(part, share);
    });
  }

  setOrigin(origin: ModelOrigin): this {
    const writable = this.getWritable();
    writable.__generationId = origin.generationId;
    writable.__from = origin.from;
    writable.__length = origin.length;
    return writable;
  }

  /** The piece now holds `length` characters of the output (more were kept, or some were cut). */
  setModelLength(length: number): this {
    const writable = this.getWritable();
    writable.__length = length;
    return writable;
  }

  // Typing at either end makes a plain text node beside this one.
  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }
}

/** A plain text node made kept text in its place, with the caret where it was in it. */
function $keepAsModelText(node: TextNode, origin: ModelOrigin): KeptModelTextNode {
  const kept = $createKeptModelTextNode(node.getTextContent(), origin)
    .setFormat(node.getFormat())
    .setStyle(node.getStyle())
    .setDetail(node.getDetail());
  const key = node.getKey();
  const before = $getSelection();
  const offsetOf = (point: { key: string; offset: number } | undefined): number | null =>
    point?.key === key ? point.offset : null;
  const anchor = $isRangeSelection(before) ? offsetOf(before.anchor) : null;
  const focus = $isRangeSelection(before) ? offsetOf(before.focus) : null;
  node.replace(kept);
  // replace() puts a point that was in the node at the end of its stand-in.
  const after = $getSelection();
  if ($isRangeSelection(after)) {
    if (anchor !== null) after.anchor.set(kept.getKey(), anchor, 'text');
    if (focus !== null) after.focus.set(kept.getKey(), focus, 'text');
  }
  return kept;
}

export function $createKeptModelTextNode(text: string, origin: ModelOrigin): KeptModelTextNode {
  return $applyNodeReplacement(new KeptModelTextNode(text, origin));
}

export function $isKeptModelTextNode(
  node: LexicalNode | null | undefined,
): node is KeptModelTextNode {
  return node instanceof KeptModelTextNode;
}
