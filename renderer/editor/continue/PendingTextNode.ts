import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMExportOutput,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { i18n } from '../../i18n/i18n.js';
import type { LoadingHint } from './loadingHint.js';
import { pendingDisplayText } from './pendingTextRules.js';

/** The node type name; autosave strips nodes of this type from what it sends. */
export const PENDING_TEXT_TYPE = 'inkwell-pending-text';

export type SerializedPendingTextNode = Spread<
  { text: string; alternative: string },
  SerializedLexicalNode
>;

/**
 * A continuation that is shown at the cursor but is not part of the document yet. It is a
 * display-only decorator: its text content is empty (so word counts and the saved plain text
 * never see it), the caret cannot enter it, it exports no HTML, and it is only ever changed by
 * updates that history merges away (a copy pasted back is removed as a stray). Accepting it inserts ordinary text instead.
 */
export class PendingTextNode extends DecoratorNode<null> {
  __text: string;
  /** "2 / 3" when there are alternatives for this spot; empty otherwise. */
  __alternative: string;
  /** While the model loads for this continuation: what it is doing and what keys do. */
  __loading: LoadingHint | null = null;

  static override getType(): string {
    return PENDING_TEXT_TYPE;
  }

  static override clone(node: PendingTextNode): PendingTextNode {
    const copy = new PendingTextNode(node.__text, node.__alternative, node.__key);
    copy.__loading = node.__loading;
    return copy;
  }

  static override importJSON(serialized: SerializedPendingTextNode): PendingTextNode {
    return $createPendingTextNode(serialized.text, serialized.alternative);
  }

  constructor(text = '', alternative = '', key?: NodeKey) {
    super(key);
    this.__text = text;
    this.__alternative = alternative;
  }

  override exportJSON(): SerializedPendingTextNode {
    return { ...super.exportJSON(), text: this.__text, alternative: this.__alternative };
  }

  override createDOM(): HTMLElement {
    const wrapper = document.createElement('span');
    wrapper.className = 'pending-text';
    wrapper.contentEditable = 'false';
    wrapper.setAttribute('aria-live', 'polite');
    wrapper.setAttribute('aria-label', i18n.t('editor:continue.suggestionLabel'));
    const text = document.createElement('span');
    text.className = 'pending-text-body';
    text.dataset.testid = 'ghost-text';
    text.textContent = pendingDisplayText(this.__text);
    const counter = document.createElement('span');
    counter.className = 'pending-text-alternatives';
    counter.dataset.testid = 'ghost-alternatives';
    counter.textContent = this.__alternative;
    counter.hidden = this.__alternative === '';
    const loading = document.createElement('span');
    loading.className = 'pending-text-loading';
    loading.dataset.testid = 'ghost-loading';
    showLoading(loading, this.__loading);
    wrapper.append(text, counter, loading);
    return wrapper;
  }

  /** Patches the two spans in place: a streamed token costs one text assignment, no new DOM. */
  override updateDOM(previous: PendingTextNode, dom: HTMLElement): boolean {
    const [text, counter, loading] = dom.children;
    if (
      !(text instanceof HTMLElement) ||
      !(counter instanceof HTMLElement) ||
      !(loading instanceof HTMLElement)
    ) {
      return true;
    }
    if (previous.__loading !== this.__loading) showLoading(loading, this.__loading);
    if (previous.__text !== this.__text) text.textContent = pendingDisplayText(this.__text);
    if (previous.__alternative !== this.__alternative) {
      counter.textContent = this.__alternative;
      counter.hidden = this.__alternative === '';
    }
    return false;
  }

  override exportDOM(): DOMExportOutput {
    return { element: null };
  }

  override decorate(): null {
    return null;
  }

  getText(): string {
    return this.getLatest().__text;
  }

  setText(text: string): this {
    const writable = this.getWritable();
    writable.__text = text;
    return writable;
  }

  setLoading(loading: LoadingHint | null): this {
    const writable = this.getWritable();
    writable.__loading = loading;
    return writable;
  }

  setAlternative(alternative: string): this {
    const writable = this.getWritable();
    writable.__alternative = alternative;
    return writable;
  }

  override getTextContent(): string {
    return '';
  }

  override isInline(): boolean {
    return true;
  }

  override isIsolated(): boolean {
    return true;
  }

  override isKeyboardSelectable(): boolean {
    return false;
  }
}

/** The loading pill: its words, and how far the step is as the fill of its background. */
function showLoading(element: HTMLElement, loading: LoadingHint | null): void {
  element.hidden = loading === null;
  element.textContent = loading?.text ?? '';
  if (loading?.progress == null) element.style.removeProperty('--load-progress');
  else element.style.setProperty('--load-progress', `${Math.round(loading.progress * 100)}%`);
}

export function $createPendingTextNode(text = '', alternative = ''): PendingTextNode {
  return $applyNodeReplacement(new PendingTextNode(text, alternative));
}

export function $isPendingTextNode(node: LexicalNode | null | undefined): node is PendingTextNode {
  return node instanceof PendingTextNode;
}
