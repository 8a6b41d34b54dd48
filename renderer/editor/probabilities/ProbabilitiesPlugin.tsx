/**
 * The probabilities view: the suggestion and the kept text that is still the model's tinted by
 * how likely the model found each token (a heat map with a legend), and a popover with the top
 * alternatives of a token, from which a new branch streams. Toggled with Ctrl/Cmd+Alt+I or the
 * toolbar. Hovering marks a token of the suggestion or of kept text; Alt+↓ (or a click) on the
 * suggestion opens the popover at the token under the pointer, or at the first pending one; with
 * no suggestion, Alt+↓ opens it at the kept token at the caret, and a click on a kept token opens
 * it there.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getNearestNodeFromDOMNode,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_CRITICAL,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import type { TokenStep } from '../../../shared/schemas/tokenSteps.js';
import { useClient } from '../../api/clientContext.js';
import { matchesCombo } from '../../keyboard/keyCombo.js';
import { useObservable } from '../../ui/useObservable.js';
import type { WritableObservable } from '../../api/connectionState.js';
import {
  BRANCH_AT_TOKEN_COMMAND,
  BRANCH_FROM_KEPT_COMMAND,
  TOGGLE_PROBABILITIES_COMMAND,
} from '../continue/commands.js';
import { $isKeptModelTextNode } from '../continue/KeptModelTextNode.js';
import { $cutKeptFrom } from './keptCut.js';
import type { ContinueStores, ShownSteps } from '../continue/continueState.js';
import { $getPendingNode } from '../continue/pendingText.js';
import { probabilityShortcuts } from './probabilityShortcuts.js';
import { pendingTokenRanges, tokenAt, type TokenRange } from './heatMap.js';
import { KeptPieces } from './keptPieces.js';
import {
  keptTokenAt,
  keptTokenAtCaret,
  keptTokenRanges,
  keptTokensOf,
  type KeptTokenRange,
} from './keptRuns.js';
import { TokenPopover } from './TokenPopover.js';
import {
  clearHeatMap,
  drawFocus,
  drawHeatMap,
  keptTextNodeOf,
  pendingTextNodeOf,
  tokenRect,
  type TintedText,
} from './tokenHighlights.js';
import './probabilities.css';

export interface ProbabilitiesProps {
  stores: ContinueStores;
  /** Whether the view is on (the toolbar's toggle writes it too). */
  view: WritableObservable<boolean>;
}

/** A token the view points at (hovered, or with its popover open). */
type TokenAt =
  /** A token of the suggestion: `step` indexes the shown steps. */
  | { kind: 'pending'; step: number }
  /** A token of kept text: `step` indexes the generation's own steps. */
  | { kind: 'kept'; generationId: string; step: number };

type Open = TokenAt & { option: number };

const tokenKey = (token: TokenAt): string =>
  token.kind === 'kept' ? `${token.generationId}-${token.step}` : `pending-${token.step}`;

const keptToken = (token: KeptTokenRange): TokenAt => ({
  kind: 'kept',
  generationId: token.generationId,
  step: token.step,
});

/** A token as the page shows it: its text node and range, its step, and its row of tokens. */
interface Located {
  text: Text | null;
  range: TokenRange;
  step: TokenStep;
  /** The tokens ← and → move through (the suggestion's, or its generation's kept ones). */
  row: TokenAt[];
  position: number;
}

/** The tinted kept tokens and the page's text node of each piece they are in. */
interface KeptView {
  ranges: KeptTokenRange[];
  texts: Map<string, Text | null>;
  tinted: TintedText[];
}

/** The shown generation's own steps (the last of the suggestion's), while it is not stored yet. */
function liveStepsOf(shown: ShownSteps | null, generationId: string): TokenStep[] | null {
  const steps = shown?.steps ?? [];
  if (steps[steps.length - 1]?.generationId !== generationId) return null;
  let start = steps.length;
  while (start > 0 && steps[start - 1]?.generationId === generationId) start -= 1;
  return steps[start]?.index === 0 ? steps.slice(start) : null;
}

/**
 * The piece of kept text at the caret and the caret's offset in it, if the caret is at one. The
 * page's own selection first: a key that moved the caret just before (Ctrl+End, then Alt+↓) has
 * moved it there, while Lexical learns of it only at the next selectionchange.
 */
function $keptCaret(): { key: string; offset: number } | null {
  const dom = typeof window === 'undefined' ? null : window.getSelection();
  const domNode = dom?.isCollapsed ? dom.anchorNode : null;
  if (domNode instanceof Text) {
    const node = $getNearestNodeFromDOMNode(domNode);
    if ($isKeptModelTextNode(node)) return { key: node.getKey(), offset: dom?.anchorOffset ?? 0 };
  }
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const { anchor } = selection;
  const node = anchor.getNode();
  const at = (piece: LexicalNode | null, end: boolean): { key: string; offset: number } | null =>
    $isKeptModelTextNode(piece)
      ? { key: piece.getKey(), offset: end ? piece.getTextContentSize() : 0 }
      : null;
  if ($isKeptModelTextNode(node)) return { key: node.getKey(), offset: anchor.offset };
  if ($isTextNode(node)) {
    if (anchor.offset === 0) return at(node.getPreviousSibling(), true);
    if (anchor.offset === node.getTextContentSize()) return at(node.getNextSibling(), false);
    return null;
  }
  if ($isElementNode(node)) {
    return (
      at(node.getChildAtIndex(anchor.offset - 1), true) ??
      at(node.getChildAtIndex(anchor.offset), false)
    );
  }
  return null;
}

/** What the view reads of the editor: the pending text's node and the token ranges in it. */
function readPending(
  editor: LexicalEditor,
  shown: ShownSteps | null,
): { text: Text | null; ranges: TokenRange[] } {
  if (!shown || shown.nodeKey === null) return { text: null, ranges: [] };
  const key = shown.nodeKey;
  const pending = editor.getEditorState().read(() => $getPendingNode(key)?.getText() ?? '');
  const body = editor.getElementByKey(key)?.querySelector('.pending-text-body') ?? null;
  return {
    text: pendingTextNodeOf(body),
    ranges: pendingTokenRanges(shown.steps, shown.keptLength, pending),
  };
}

export function ProbabilitiesPlugin({ stores, view }: ProbabilitiesProps): ReactNode {
  const [editor] = useLexicalComposerContext();
  const client = useClient();
  const on = useObservable(view);
  const shown = useObservable(stores.shownSteps);
  const [open, setOpen] = useState<Open | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const hovered = useRef<TokenAt | null>(null);
  const openRef = useRef<Open | null>(null);
  openRef.current = open;
  const { t } = useTranslation('editor');

  // Kept text's pieces and steps; what they show is worked out again only when they change.
  const keptView = useRef<KeptView | null>(null);
  const [keptVersion, setKeptVersion] = useState(0);
  const [kept] = useState(
    () =>
      new KeptPieces(
        editor,
        async (generationId) => (await client.call('probabilities.steps', { generationId })).steps,
        (what) => {
          keptView.current = null;
          // A changed piece is drawn by the update listener that follows; steps that arrive on
          // their own need a draw of their own (and no render at all while the view is off).
          if (what === 'steps' && view.get()) setKeptVersion((version) => version + 1);
        },
      ),
  );
  useEffect(() => kept.register(), [kept]);
  useEffect(
    () =>
      client.on('history.changed', (change) => {
        if (change.kind === 'finished') kept.generationEnded(change.id);
      }),
    [client, kept],
  );
  // The shown generation's steps stand in for the stored ones while it is written.
  useEffect(() => {
    keptView.current = null;
  }, [shown]);

  const stepsOf = useCallback(
    (generationId: string): readonly TokenStep[] | null =>
      kept.stepsOf(generationId) ?? liveStepsOf(stores.shownSteps.get(), generationId),
    [kept, stores.shownSteps],
  );

  const readKept = useCallback((): KeptView => {
    if (keptView.current) return keptView.current;
    const ranges = keptTokenRanges(kept.all(), stepsOf);
    const texts = new Map<string, Text | null>();
    for (const range of ranges) {
      if (!texts.has(range.key)) {
        texts.set(range.key, keptTextNodeOf(editor.getElementByKey(range.key)));
      }
    }
    const tinted = [...texts].map(([key, text]) => ({
      text,
      ranges: ranges.filter((range) => range.key === key),
    }));
    keptView.current = { ranges, texts, tinted };
    return keptView.current;
  }, [editor, kept, stepsOf]);

  const locate = useCallback(
    (token: TokenAt): Located | null => {
      if (token.kind === 'kept') {
        const keptNow = readKept();
        const tokens = keptTokensOf(keptNow.ranges, token.generationId);
        const position = tokens.findIndex((range) => range.step === token.step);
        const range = tokens[position];
        const step = stepsOf(token.generationId)?.[token.step];
        if (!range || !step) return null;
        return {
          text: keptNow.texts.get(range.key) ?? null,
          range,
          step,
          row: tokens.map(keptToken),
          position,
        };
      }
      const current = stores.shownSteps.get();
      const { text, ranges } = readPending(editor, current);
      const position = ranges.findIndex((range) => range.step === token.step);
      const range = ranges[position];
      const step = current?.steps[token.step];
      if (!range || !step) return null;
      return {
        text,
        range,
        step,
        row: ranges.map((entry) => ({ kind: 'pending', step: entry.step })),
        position,
      };
    },
    [editor, readKept, stepsOf, stores.shownSteps],
  );

  const redraw = useCallback((): void => {
    if (!view.get()) return clearHeatMap();
    const { text, ranges } = readPending(editor, stores.shownSteps.get());
    drawHeatMap([{ text, ranges }, ...readKept().tinted]);
    const marked = openRef.current ?? hovered.current;
    const at = marked ? locate(marked) : null;
    drawFocus(at?.text ?? null, at?.range ?? null);
  }, [editor, locate, readKept, stores.shownSteps, view]);

  const writtenOption = (step: TokenStep | undefined): number =>
    Math.max(0, step?.alternatives.findIndex((alternative) => alternative.text === step.text) ?? 0);

  const openToken = useCallback(
    (token: TokenAt): void => {
      const at = locate(token);
      if (!at) return;
      setNotice(null);
      setOpen({ ...token, option: writtenOption(at.step) });
    },
    [locate],
  );

  /** The suggestion's token under the pointer, or its first one. */
  const openPending = useCallback((): void => {
    const marked = hovered.current;
    const first = readPending(editor, stores.shownSteps.get()).ranges[0];
    if (marked?.kind === 'pending' && locate(marked)) openToken(marked);
    else if (first) openToken({ kind: 'pending', step: first.step });
  }, [editor, locate, openToken, stores.shownSteps]);

  // Draw again whenever the suggestion, kept text, its steps or the view change.
  useEffect(() => {
    redraw();
  }, [redraw, on, shown, open, keptVersion]);
  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(() => redraw()),
        () => clearHeatMap(),
      ),
    [editor, redraw],
  );
  // The suggestion went away: so does its popover; the view went off: so does any.
  useEffect(() => {
    if (!on) setOpen(null);
    else if (!shown || shown.nodeKey === null) {
      setOpen((current) => (current?.kind === 'pending' ? null : current));
    }
  }, [shown, on]);

  // Keys in the text: the toggle, and opening the popover on the suggestion or kept text.
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (matchesCombo(event, probabilityShortcuts.toggle.combo)) {
            event.preventDefault();
            view.set(!view.get());
            return true;
          }
          if (!view.get() || !matchesCombo(event, probabilityShortcuts.inspect.combo)) return false;
          const current = stores.shownSteps.get();
          if (current && current.steps.length > 0 && current.nodeKey !== null) {
            event.preventDefault();
            openPending();
            return true;
          }
          const caret = editor.read($keptCaret);
          const token = caret && keptTokenAtCaret(readKept().ranges, caret.key, caret.offset);
          if (!token) return false;
          event.preventDefault();
          openToken(keptToken(token));
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    [editor, openPending, openToken, readKept, stores.shownSteps, view],
  );

  useEffect(
    () =>
      editor.registerCommand(
        TOGGLE_PROBABILITIES_COMMAND,
        () => {
          view.set(!view.get());
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    [editor, view],
  );

  // The pointer: hovering marks a token, a click on the suggestion or kept text opens its popover.
  useEffect(() => {
    const caretAt = (event: MouseEvent): Range | null =>
      document.caretRangeFromPoint?.(event.clientX, event.clientY) ?? null;
    const tokenUnder = (event: MouseEvent): TokenAt | null => {
      const target = event.target;
      if (!(target instanceof Element)) return null;
      const inPending = target.closest('.pending-text-body') !== null;
      if (!inPending && !target.closest('[data-kept-model-text]')) return null;
      const caret = caretAt(event);
      if (!caret) return null;
      if (inPending) {
        const { ranges } = readPending(editor, stores.shownSteps.get());
        const step = tokenAt(ranges, caret.startOffset)?.step;
        return step === undefined ? null : { kind: 'pending', step };
      }
      const key = editor.read(
        () => $getNearestNodeFromDOMNode(caret.startContainer)?.getKey() ?? null,
      );
      const token = key === null ? null : keptTokenAt(readKept().ranges, key, caret.startOffset);
      return token ? keptToken(token) : null;
    };
    const onMove = (event: MouseEvent): void => {
      if (!view.get()) return;
      const token = tokenUnder(event);
      const before = hovered.current;
      if ((token && tokenKey(token)) === (before && tokenKey(before))) return;
      hovered.current = token;
      redraw();
    };
    const onDown = (event: MouseEvent): void => {
      if (!view.get() || event.button !== 0) return;
      const token = tokenUnder(event);
      if (!token) return;
      // On the suggestion the caret stays where it is (in front of it), so the suggestion stays.
      event.preventDefault();
      openToken(token);
    };
    return editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('mousemove', onMove);
      previous?.removeEventListener('mousedown', onDown);
      root?.addEventListener('mousemove', onMove);
      root?.addEventListener('mousedown', onDown);
    });
  }, [editor, openToken, readKept, redraw, stores.shownSteps, view]);

  const close = (): void => {
    setOpen(null);
    editor.focus();
  };

  const choose = (step: number, text: string): void => {
    const current = stores.shownSteps.get();
    if (!current) return close();
    if (!current.answered) {
      setNotice(t('probabilities.waiting'));
      return;
    }
    const before = current.steps
      .slice(0, step)
      .reduce((length, entry) => length + entry.text.length, 0);
    if (before < current.keptLength) {
      setNotice(t('probabilities.kept'));
      return;
    }
    setOpen(null);
    editor.focus();
    editor.dispatchCommand(BRANCH_AT_TOKEN_COMMAND, { step, text });
  };

  const chooseKept = (generationId: string, index: number, text: string): void => {
    const steps = stepsOf(generationId);
    const step = steps?.[index];
    const stillTinted = readKept().ranges.some(
      (range) => range.generationId === generationId && range.step === index,
    );
    if (!steps || !step || !stillTinted) return close();
    const modelBefore = steps
      .slice(0, index)
      .map((entry) => entry.text)
      .join('');
    const chosen = step.alternatives.find((alternative) => alternative.text === text);
    setOpen(null);
    editor.focus();
    editor.dispatchCommand(BRANCH_FROM_KEPT_COMMAND, {
      generationId,
      tokenIndex: index,
      text,
      step: { ...step, text, p: chosen?.p ?? step.p },
      modelBefore,
      $cut: () =>
        $cutKeptFrom(
          kept.all().map((piece) => piece.key),
          generationId,
          modelBefore.length,
        ),
    });
  };

  if (!open) return null;
  const at = locate(open);
  if (!at) return null;
  return createPortal(
    <TokenPopover
      key={tokenKey(open)}
      rect={tokenRect(at.text, at.range)}
      tokenText={at.step.text}
      position={at.position}
      count={at.row.length}
      alternatives={at.step.alternatives}
      writtenText={at.step.text}
      option={open.option}
      notice={notice}
      onOption={(option) => setOpen({ ...open, option })}
      onToken={(delta) => {
        const next = at.row[at.position + delta];
        if (next) openToken(next);
      }}
      onChoose={(chosenText) =>
        open.kind === 'kept'
          ? chooseKept(open.generationId, open.step, chosenText)
          : choose(open.step, chosenText)
      }
      onClose={close}
    />,
    document.body,
  );
}
