import { HISTORIC_TAG, type LexicalEditor, type NodeKey } from 'lexical';
import {
  LOOKAHEAD_CHARS,
  TYPING_PAUSE_MS,
  WRITER_ENGAGED_MS,
} from '../../../shared/channels/generation.js';
import type { EventPayload } from '../../../shared/contract.js';
import { MAX_TEXT_BEFORE_CURSOR_CHARS } from '../../../shared/schemas/generations.js';
import { ApiError } from '../../../shared/errors.js';
import { i18n } from '../../i18n/i18n.js';
import type { TokenStep } from '../../../shared/schemas/tokenSteps.js';
import {
  isGenerating,
  patch,
  type ContinuePhase,
  type ContinueStores,
  type ShownStep,
} from './continueState.js';
import type { ContinuePort } from './continuePort.js';
import { updateDisplay, updateDocument, updateStreamedText } from './editorUpdates.js';
import {
  $collapseSelectionForContinue,
  $getPendingNode,
  $insertAcceptedText,
  $insertPendingNode,
  $isCaretBefore,
} from './pendingText.js';
import { alternativeLabel, cycleIndex, nextWordLength } from './pendingTextRules.js';
import { loadingHint, type LoadingHint } from './loadingHint.js';
import { $textBeforeCursor } from './textBeforeCursor.js';
import { $insertKeptText, originSegments } from './keptText.js';
import type { KeptBranch } from './commands.js';

/** One continuation at one spot, from Continue until the writer keeps or drops it. */
interface Session {
  nodeKey: NodeKey | null;
  /** The text before the continuation (before its lead). */
  textBeforeCursor: string;
  /**
   * A branch's lead: the text of the continuation it branched from up to the chosen token, and
   * that token. It is pending before the generation's own output ('' for a plain continue).
   */
  lead: string;
  leadSteps: ShownStep[];
  /** What the model weighed at each token of the shown generation's output. */
  steps: ShownStep[];
  /** The branch point, sent with the first request of a branch only. */
  branch: { parentId: string; tokenIndex: number; prefix: string } | null;
  parentId: string | null;
  /** The generation shown: named as soon as it is asked for. */
  generationId: string | null;
  /** Whether main has answered the start of the shown generation (it is recorded). */
  answered: boolean;
  /** Stops following the shown generation's events. */
  unfollow: (() => void) | null;
  spotId: string | null;
  /** Shown, not yet kept (of the lead and the output). */
  pending: string;
  /** Kept so far of the lead and the output (type-through, Ctrl+Right). */
  accepted: string;
  alternative: string;
  /** Counts requests in this session, so a late reply to an earlier one is ignored. */
  serial: number;
  cancelRequested: boolean;
  /** Shown at the cursor while the model loads and no words have come. */
  loading: LoadingHint | null;
  /** Stops following the engine's load for the hint. */
  unwatchLoad: (() => void) | null;
}

/** A session that has asked for nothing yet; what it shows starts as `pending`. */
function freshSession(
  start: Pick<
    Session,
    'nodeKey' | 'textBeforeCursor' | 'lead' | 'leadSteps' | 'branch' | 'parentId' | 'pending'
  >,
): Session {
  return {
    ...start,
    steps: [],
    generationId: null,
    answered: false,
    unfollow: null,
    spotId: null,
    accepted: '',
    alternative: '',
    serial: 0,
    cancelRequested: false,
    loading: null,
    unwatchLoad: null,
  };
}

export interface ContinueControllerOptions {
  editor: LexicalEditor;
  port: ContinuePort;
  documentId: string;
  stores: ContinueStores;
  /** ReportError of ui/errorReporting.tsx, written out so that no JSX module comes with it. */
  reportError: (error: unknown, whatFailed?: string) => void;
  /** Called whenever a session ends (the status bar's plan is due again). */
  onIdle: () => void;
}

/** The host holds the model TYPING_PAUSE_MS after each request; renewed a little before that. */
const HOLD_RENEWAL_MS = TYPING_PAUSE_MS - 50;

/**
 * The continue behaviour, apart from keys and Lexical registration (ContinuePlugin): asks for a
 * continuation, shows it as pending text while it streams, and keeps or drops it as told.
 */
export class ContinueController {
  private session: Session | null = null;
  private renderQueued = false;
  /** The timer that renews the model's wait while the writer types through (see LOOKAHEAD_CHARS). */
  private holdRenewal: ReturnType<typeof setTimeout> | null = null;
  /** When the writer last kept text by typing or accepting (performance.now()). */
  private lastKeptAt = Number.NEGATIVE_INFINITY;
  /** The generation whose kept text ends at the caret, for the next continue's tree parent. */
  private lastAcceptedId: string | null = null;

  private readonly stopWatchingHistory: () => void;
  private readonly stopWatchingAlternatives: () => void;

  constructor(private readonly options: ContinueControllerOptions) {
    // Alternatives asked for at once are written after the first: the "1 / 3" grows with them.
    this.stopWatchingAlternatives = options.port.onHistoryChanged((change) => {
      const session = this.session;
      if (!session?.spotId || !session.answered || change.documentId !== options.documentId) return;
      if (change.kind === 'started' || change.kind === 'finished') {
        void this.labelAlternative(session, session.serial);
      }
    });
    this.stopWatchingHistory = options.editor.registerUpdateListener(({ tags }) => {
      const session = this.session;
      if (!session || !tags.has(HISTORIC_TAG)) return;
      // Undo or redo brings back an earlier state, and the pending node, which keeps its key
      // while text is kept from it, with that state's text: the session no longer matches
      // what shows, so the suggestion goes (as an edit elsewhere would drop it). Listeners
      // run inside the update; the removal runs right after it.
      queueMicrotask(() => {
        if (this.session === session) this.reject();
      });
    });
  }

  get active(): boolean {
    return this.session !== null;
  }
  get pendingText(): string {
    return this.session?.pending ?? '';
  }
  get pendingNodeKey(): NodeKey | null {
    return this.session?.nodeKey ?? null;
  }
  get phase(): ContinuePhase {
    return this.options.stores.continueState.get().phase;
  }

  /** The caret moved or the text changed: the kept text no longer ends at the caret. */
  forgetAcceptedParent(): void {
    this.lastAcceptedId = null;
  }

  continueAtCursor(): void {
    if (this.session) {
      if (isGenerating(this.phase)) return;
      // Continue again with text pending: keep it and go on from its end.
      this.acceptAll();
    }
    let textBeforeCursor = '';
    let nodeKey: NodeKey | null = null;
    updateDisplay(this.options.editor, () => {
      $collapseSelectionForContinue();
      textBeforeCursor = $textBeforeCursor(MAX_TEXT_BEFORE_CURSOR_CHARS);
      nodeKey = $insertPendingNode();
    });
    if (nodeKey === null) return;
    const session = freshSession({
      nodeKey,
      textBeforeCursor,
      lead: '',
      leadSteps: [],
      branch: null,
      parentId: this.lastAcceptedId,
      pending: '',
    });
    this.session = session;
    void this.request(session, undefined);
  }

  /** Another continuation for the same spot (a sibling in the history's tree). */
  anotherAlternative(): void {
    const session = this.session;
    if (!session) return this.continueAtCursor();
    const previous = session.generationId;
    // Until main has answered, the generation is not recorded: no alternative of it yet.
    if (previous === null || !session.answered) return;
    if (session.accepted !== '') {
      // Part of it is kept: the spot has moved on, so this is a new continue from there.
      this.endSession();
      return this.continueAtCursor();
    }
    this.stopListening(session);
    Object.assign(session, { pending: session.lead, cancelRequested: false, steps: [] });
    this.render();
    void this.request(session, previous);
  }

  /**
   * Chooses another token for the shown continuation's token `stepIndex` (the probabilities
   * view): the text after it goes, `text` takes its place, and a new branch streams from there,
   * recorded as a child of the generation the token came from, at that token.
   */
  branchAt(stepIndex: number, text: string): void {
    const session = this.session;
    if (!session || !session.answered || text === '') return;
    const shown = [...session.leadSteps, ...session.steps];
    const step = shown[stepIndex];
    if (!step) return;
    const before = shown
      .slice(0, stepIndex)
      .map((entry) => entry.text)
      .join('');
    // Only what is still pending can change: kept text is the writer's.
    if (before.length < session.accepted.length) return;
    // The branch's prefix is its parent's own output before the token, and the chosen token.
    const parentStart = shown.findIndex((entry) => entry.generationId === step.generationId);
    const parentBefore = shown
      .slice(parentStart, stepIndex)
      .map((entry) => entry.text)
      .join('');
    const chosen = step.alternatives.find((alternative) => alternative.text === text);
    this.stopListening(session);
    Object.assign(session, {
      lead: before + text,
      leadSteps: [...shown.slice(0, stepIndex), { ...step, text, p: chosen?.p ?? step.p }],
      steps: [],
      branch: { parentId: step.generationId, tokenIndex: step.index, prefix: parentBefore + text },
      parentId: step.generationId,
      spotId: null,
      pending: (before + text).slice(session.accepted.length),
      alternative: '',
      cancelRequested: false,
    });
    this.render();
    void this.request(session, undefined);
  }

  /**
   * Chooses another token for a token of kept text (the probabilities view): the rest of that
   * generation's kept text goes, as one undoable step, and a new branch streams from the token,
   * the chosen token pending before it, recorded as a child of the generation at that token.
   */
  branchFromKept(branch: KeptBranch): void {
    if (branch.text === '') return;
    this.endSession();
    updateDocument(this.options.editor, branch.$cut, true);
    let textBeforeCursor = '';
    let nodeKey: NodeKey | null = null;
    updateDisplay(this.options.editor, () => {
      textBeforeCursor = $textBeforeCursor(MAX_TEXT_BEFORE_CURSOR_CHARS);
      nodeKey = $insertPendingNode();
    });
    if (nodeKey === null) return;
    // The generation's text before the token as the document reads it (a run of blank lines
    // the model wrote reads as one paragraph break there).
    const before = sharedEnd(textBeforeCursor, branch.modelBefore);
    const session = freshSession({
      nodeKey,
      textBeforeCursor,
      lead: branch.text,
      leadSteps: [{ ...branch.step, generationId: branch.generationId, index: branch.tokenIndex }],
      branch: {
        parentId: branch.generationId,
        tokenIndex: branch.tokenIndex,
        prefix: before + branch.text,
      },
      parentId: branch.generationId,
      pending: branch.text,
    });
    this.session = session;
    this.render();
    void this.request(session, undefined);
  }

  /** Alt+[ / Alt+]: shows the previous or next alternative for this spot. */
  async cycle(step: 1 | -1): Promise<void> {
    const session = this.session;
    if (!session?.spotId || !session.answered || session.accepted !== '') return;
    const serial = session.serial;
    try {
      const list = await this.options.port.alternatives(session.spotId);
      if (this.session !== session || session.serial !== serial || list.length < 2) return;
      const index = cycleIndex(
        list.findIndex((entry) => entry.id === session.generationId),
        list.length,
        step,
      );
      const chosen = list[index];
      if (!chosen) return;
      this.stopListening(session);
      session.serial += 1;
      Object.assign(session, {
        generationId: chosen.id,
        answered: true,
        pending: session.lead + chosen.output,
        alternative: alternativeLabel(index, list.length),
        steps: [],
      });
      this.setPhase('pending');
      this.render();
      void this.loadSteps(session, session.serial, chosen.id);
    } catch (error) {
      this.options.reportError(error, i18n.t('editor:continue.alternativesFailed'));
    }
  }

  /** Esc: stops a running generation (its text stays pending); Esc again drops the text. */
  escape(): void {
    if (!this.session) return;
    if (isGenerating(this.phase)) this.stop();
    else this.endSession();
  }

  stop(): void {
    const session = this.session;
    if (!session || !isGenerating(this.phase) || session.generationId === null) return;
    // Nothing written and no answer yet (the model may still be loading, and main makes the
    // generation only once it is): stopping is dropping the suggestion. The answer, when it
    // comes, finds the session gone and stops the generation then (request()).
    if (!session.answered && session.pending === '') {
      this.endSession();
      return;
    }
    // Asked again once main has answered: until then it may not know the generation yet.
    if (!session.answered) session.cancelRequested = true;
    this.options.port.stop(session.generationId);
  }

  /** Drops the pending text (and stops its generation); what was already kept stays. */
  reject(): void {
    this.endSession();
  }

  acceptAll(): void {
    const session = this.session;
    if (!session) return;
    // No words yet (the model may still be loading): nothing to keep, so the continue goes on
    // rather than ending with nothing; Esc is what stops it.
    if (session.pending === '' && isGenerating(this.phase)) return;
    this.keep(session, session.pending.length, true);
    this.endSession();
  }

  acceptNextWord(): void {
    const session = this.session;
    if (session) this.acceptPart(session, nextWordLength(session.pending), true);
  }

  /** Type-through and Enter: `count` pending characters become the writer's typing. */
  acceptTyped(count: number): void {
    if (this.session) this.acceptPart(this.session, count, false);
  }

  /** Puts text at the caret as ordinary text (the history panel's "insert"). */
  insertText(text: string): void {
    this.endSession();
    updateDocument(
      this.options.editor,
      () => {
        $collapseSelectionForContinue();
        $insertAcceptedText(text);
      },
      true,
    );
  }

  dispose(): void {
    this.stopWatchingHistory();
    this.stopWatchingAlternatives();
    this.endSession();
    this.options.port.dispose();
  }

  private acceptPart(session: Session, count: number, ownStep: boolean): void {
    // Sent before the editor's work for this key, so that the model stops for it sooner.
    if (count > 0 && session.pending !== '') this.holdModelWhileTyping(session);
    const kept = this.keep(session, count, ownStep);
    if (session.pending === '' && !isGenerating(this.phase)) this.endSession();
    // keep() already showed the rest of the pending text; one more update (and the layout
    // it forces) per typed character is what a long document cannot afford.
    else if (!kept) this.render();
  }

  /**
   * Moves `count` characters from the pending text into the document, in one editor update
   * (a long document pays for every update: its listeners, its reconcile, its layout). The
   * text goes in at the caret, which is in front of the pending node, and the node stays
   * where it is, showing what is left. Returns false when there was nothing to move.
   */
  private keep(session: Session, count: number, ownStep: boolean): boolean {
    const text = session.pending.slice(0, count);
    if (text === '') return false;
    const start = session.accepted.length;
    const origins = originSegments(session.leadSteps, session.lead.length, session.generationId);
    session.pending = session.pending.slice(count);
    session.accepted += text;
    this.lastKeptAt = performance.now();
    updateDocument(
      this.options.editor,
      () => {
        $insertKeptText(text, start, origins);
        const node = $getPendingNode(session.nodeKey);
        if (node && $isCaretBefore(node)) {
          node.setText(session.pending);
          return;
        }
        // The text went in somewhere else than right before the node (a block the node could
        // not follow): the pending text moves to the caret, where the writer goes on.
        node?.remove();
        session.nodeKey = $insertPendingNode();
        $getPendingNode(session.nodeKey)
          ?.setText(session.pending)
          .setAlternative(session.alternative);
      },
      ownStep,
    );
    this.publishSteps();
    return true;
  }

  private async request(session: Session, alternativeOf: string | undefined): Promise<void> {
    const { port, documentId } = this.options;
    session.serial += 1;
    const serial = session.serial;
    this.setPhase('starting');
    this.watchLoad(session);
    const branch = alternativeOf === undefined ? session.branch : null;
    const { generationId, started, unfollow } = port.start(
      {
        documentId,
        textBeforeCursor: session.textBeforeCursor + session.lead,
        parentId: session.parentId,
        ...(alternativeOf === undefined ? {} : { alternativeOf }),
        ...(branch ? { branch: { tokenIndex: branch.tokenIndex, prefix: branch.prefix } } : {}),
        ...(alternativeOf === undefined ? this.alternativesAtOnce() : {}),
      },
      {
        chunk: (text, steps) => this.onChunk(session, serial, text, steps),
        end: (end) => this.onEnd(session, serial, end),
      },
    );
    Object.assign(session, { generationId, answered: false, unfollow });
    try {
      const reply = await started;
      if (this.session !== session || session.serial !== serial) {
        port.stop(generationId);
        unfollow();
        return;
      }
      Object.assign(session, { answered: true, spotId: reply.spotId });
      patch(this.options.stores.continueState, { plan: reply.plan });
      if (session.cancelRequested) port.stop(generationId);
      if (alternativeOf !== undefined) void this.labelAlternative(session, serial);
    } catch (error) {
      if (this.session === session && session.serial === serial) this.endSession();
      this.options.reportError(error, i18n.t('editor:continue.couldNotContinue'));
    }
  }

  /** The count to ask for with a new spot (nothing when it is one). */
  private alternativesAtOnce(): { count?: number } {
    const count = this.options.stores.alternativesAtOnce.get();
    return count > 1 ? { count } : {};
  }

  private async labelAlternative(session: Session, serial: number): Promise<void> {
    if (session.spotId === null) return;
    const list = await this.options.port.alternatives(session.spotId).catch(() => []);
    if (this.session !== session || session.serial !== serial) return;
    const index = list.findIndex((entry) => entry.id === session.generationId);
    session.alternative = alternativeLabel(index, list.length);
    this.render();
  }

  private onChunk(
    session: Session,
    serial: number,
    text: string,
    steps: readonly TokenStep[] | undefined,
  ): void {
    if (this.session !== session || session.serial !== serial) return;
    session.pending += text;
    this.unwatchLoad(session);
    if (steps && steps.length > 0 && session.generationId !== null) {
      this.addSteps(session, session.generationId, steps);
    }
    this.setPhase('streaming');
    this.scheduleRender();
  }

  private addSteps(session: Session, generationId: string, steps: readonly TokenStep[]): void {
    const first = session.steps.length;
    session.steps.push(
      ...steps.map((step, offset) => ({ ...step, generationId, index: first + offset })),
    );
  }

  /** The steps of an alternative shown again (they were recorded with it). */
  private async loadSteps(session: Session, serial: number, generationId: string): Promise<void> {
    const steps = await this.options.port.steps(generationId).catch(() => null);
    if (this.session !== session || session.serial !== serial || !steps) return;
    session.steps = [];
    this.addSteps(session, generationId, steps);
    this.publishSteps();
  }

  /** Tells the probabilities view what the model weighed in the text shown now. */
  private publishSteps(): void {
    const session = this.session;
    const { shownSteps } = this.options.stores;
    if (!session) {
      if (shownSteps.get() !== null) shownSteps.set(null);
      return;
    }
    const steps = [...session.leadSteps, ...session.steps];
    const current = shownSteps.get();
    if (
      current &&
      current.steps.length === steps.length &&
      current.keptLength === session.accepted.length &&
      current.nodeKey === session.nodeKey &&
      current.answered === session.answered &&
      current.steps.every((step, index) => step === steps[index])
    ) {
      return;
    }
    shownSteps.set({
      steps,
      keptLength: session.accepted.length,
      nodeKey: session.nodeKey,
      answered: session.answered,
    });
  }

  /**
   * Shows streamed tokens. Tokens can come faster than frames: one editor update per frame
   * shows them all. While the writer types through the suggestion, each key's own update
   * already shows every token that came before it, so tokens alone wait for a pause in the
   * typing: a frame spent on them is a frame the next key may have to wait for (even a frame
   * that changes nothing: the browser draws at most so many a second).
   */
  private scheduleRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    const whenTypingPauses = (): void => {
      const untilPause = this.lastKeptAt + TYPING_PAUSE_MS - performance.now();
      if (untilPause > 0) {
        setTimeout(whenTypingPauses, untilPause);
        return;
      }
      requestAnimationFrame(() => {
        this.renderQueued = false;
        this.render();
      });
    };
    whenTypingPauses();
  }

  private onEnd(session: Session, serial: number, end: EventPayload<'generation.end'>): void {
    if (this.session !== session || session.serial !== serial) return;
    this.unwatchLoad(session);
    if (end.timings.outputTokens > 0) {
      patch(this.options.stores.continueState, {
        lastTokensPerSecond: end.timings.tokensPerSecond,
        lastTimeToFirstTokenMs: end.timings.timeToFirstTokenMs,
      });
    }
    // The end's text is final (a sentence stop may cut the last chunk); a crash may lose it.
    const whole = session.lead + end.text;
    if (end.finishReason !== 'error' && whole.startsWith(session.accepted)) {
      session.pending = whole.slice(session.accepted.length);
    }
    if (end.finishReason === 'error') {
      this.options.reportError(
        // The engine's error keeps its i18n key, so the reason reads in the writer's language.
        end.error ? ApiError.from(end.error) : new Error(i18n.t('editor:continue.modelStopped')),
        i18n.t('editor:continue.failed'),
      );
    }
    this.setPhase('pending');
    if (session.pending === '') this.endSession();
    else this.render();
  }

  private render(): void {
    const session = this.session;
    this.publishSteps();
    if (!session) return;
    // A key may have shown it all already; an update with nothing to change still costs one.
    const shown = this.options.editor.getEditorState().read(() => {
      const node = $getPendingNode(session.nodeKey);
      return (
        node === null ||
        (node.getText() === session.pending &&
          node.__alternative === session.alternative &&
          node.__loading === session.loading)
      );
    });
    if (shown) return;
    updateStreamedText(this.options.editor, () => {
      const node = $getPendingNode(session.nodeKey);
      if (!node) return;
      if (node.getText() !== session.pending) node.setText(session.pending);
      if (node.__alternative !== session.alternative) node.setAlternative(session.alternative);
      if (node.__loading !== session.loading) node.setLoading(session.loading);
    });
  }

  /**
   * Until its first words, a continuation shows at the cursor what the engine is doing when the
   * model is not ready yet (the first continue loads it): the step, how far, and that Esc stops.
   */
  private watchLoad(session: Session): void {
    this.unwatchLoad(session);
    const { engineStatus, loadProgress } = this.options.stores;
    const show = (): void => {
      if (this.session !== session) return;
      const hint = loadingHint(engineStatus.get(), loadProgress.get());
      if (hint?.text === session.loading?.text && hint?.progress === session.loading?.progress) {
        return;
      }
      session.loading = hint;
      this.render();
    };
    const offStatus = engineStatus.subscribe(show);
    const offProgress = loadProgress.subscribe(show);
    session.unwatchLoad = () => {
      offStatus();
      offProgress();
    };
    show();
  }

  private unwatchLoad(session: Session): void {
    session.unwatchLoad?.();
    session.unwatchLoad = null;
    session.loading = null;
  }

  /** Ends the session: stops its generation, removes the pending text, records what was kept. */
  private endSession(): void {
    const session = this.session;
    if (!session) return;
    this.session = null;
    if (this.holdRenewal !== null) clearTimeout(this.holdRenewal);
    this.holdRenewal = null;
    this.stopListening(session);
    this.unwatchLoad(session);
    const key = session.nodeKey;
    session.nodeKey = null;
    updateDisplay(this.options.editor, () => $getPendingNode(key)?.remove());
    this.publishSteps();
    // A branch's lead is its parent's text and the chosen token: what is kept of its own output
    // comes after it.
    const keptOutput =
      session.accepted.length > session.lead.length
        ? session.accepted.slice(session.lead.length)
        : '';
    if (keptOutput !== '' && session.generationId !== null && session.answered) {
      this.lastAcceptedId = session.generationId;
      this.options.port
        .accept(session.generationId, keptOutput)
        .catch((error: unknown) =>
          this.options.reportError(error, i18n.t('editor:continue.markKeptFailed')),
        );
    }
    this.setPhase('idle');
    this.options.onIdle();
  }

  /** Stops listening to the session's generation, stopping it if it is still running. */
  private stopListening(session: Session): void {
    if (session.generationId === null) return;
    if (isGenerating(this.phase)) this.options.port.stop(session.generationId);
    session.unfollow?.();
    session.unfollow = null;
  }

  /**
   * The model's next token waits until the writer pauses (see the continue.typing channel).
   * The wait is renewed before it runs out while they keep typing through and the suggestion is
   * LOOKAHEAD_CHARS or more ahead of them.
   */
  private holdModelWhileTyping(session: Session): void {
    if (session.generationId === null || !isGenerating(this.phase)) return;
    this.options.port.typing(session.generationId);
    this.holdRenewal ??= setTimeout(() => {
      this.holdRenewal = null;
      const engaged = performance.now() - this.lastKeptAt < WRITER_ENGAGED_MS;
      const ahead = session.pending.length >= LOOKAHEAD_CHARS;
      if (this.session === session && engaged && ahead) this.holdModelWhileTyping(session);
    }, HOLD_RENEWAL_MS);
  }

  private setPhase(phase: ContinuePhase): void {
    patch(this.options.stores.continueState, { phase });
  }
}

/** The longest end of `tail` that `text` ends with. */
function sharedEnd(text: string, tail: string): string {
  for (let start = 0; start < tail.length; start += 1) {
    if (text.endsWith(tail.slice(start))) return tail.slice(start);
  }
  return '';
}
