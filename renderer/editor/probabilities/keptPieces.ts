/**
 * The kept text of the open document that came from the model (KeptModelTextNodes), followed as
 * the editor changes it, and the steps of the generations it came from, asked of the store once
 * each: what the view needs to tint kept text.
 */
import { $getNodeByKey, type LexicalEditor, type NodeKey } from 'lexical';
import type { TokenStep } from '../../../shared/schemas/tokenSteps.js';
import { $isKeptModelTextNode, KeptModelTextNode } from '../continue/KeptModelTextNode.js';
import type { KeptPiece } from './keptRuns.js';

/** Asks the store for a generation's steps (null: none recorded, or not yet). */
export type StepsSource = (generationId: string) => Promise<TokenStep[] | null>;

export class KeptPieces {
  private readonly pieces = new Map<NodeKey, KeptPiece>();
  /** Steps by generation: known, being asked for, or none recorded (asked again when it ends). */
  private readonly steps = new Map<string, readonly TokenStep[] | 'asking' | 'none'>();
  private disposed = false;

  constructor(
    private readonly editor: LexicalEditor,
    private readonly source: StepsSource,
    /**
     * Called when a piece changed (inside the editor's update: its update listeners follow) or
     * the steps of a generation arrived (later, on their own).
     */
    private readonly onChange: (what: 'pieces' | 'steps') => void,
  ) {}

  /** Follows the pieces in the editor; returns the unregistration. */
  register(): () => void {
    const unregister = this.editor.registerMutationListener(
      KeptModelTextNode,
      (mutations) => {
        this.editor.getEditorState().read(() => {
          for (const [key, mutation] of mutations) {
            const node = mutation === 'destroyed' ? null : $getNodeByKey(key);
            if (!$isKeptModelTextNode(node)) {
              this.pieces.delete(key);
              continue;
            }
            this.pieces.set(key, { key, ...node.getOrigin(), text: node.getTextContent() });
          }
        });
        for (const piece of this.pieces.values()) this.ask(piece.generationId);
        this.onChange('pieces');
      },
      { skipInitialization: false },
    );
    return () => {
      this.disposed = true;
      unregister();
    };
  }

  all(): KeptPiece[] {
    return [...this.pieces.values()];
  }

  get(key: NodeKey): KeptPiece | null {
    return this.pieces.get(key) ?? null;
  }

  stepsOf(generationId: string): readonly TokenStep[] | null {
    const known = this.steps.get(generationId);
    return typeof known === 'object' ? known : null;
  }

  /** A generation ended: if its steps were not recorded when asked, they are now. */
  generationEnded(generationId: string): void {
    if (this.steps.get(generationId) !== 'none') return;
    this.steps.delete(generationId);
    if ([...this.pieces.values()].some((piece) => piece.generationId === generationId)) {
      this.ask(generationId);
    }
  }

  private ask(generationId: string): void {
    if (generationId === '' || this.steps.has(generationId)) return;
    this.steps.set(generationId, 'asking');
    this.source(generationId)
      .catch(() => null)
      .then((steps) => {
        if (this.disposed) return;
        this.steps.set(generationId, steps && steps.length > 0 ? steps : 'none');
        if (steps && steps.length > 0) this.onChange('steps');
      });
  }
}
