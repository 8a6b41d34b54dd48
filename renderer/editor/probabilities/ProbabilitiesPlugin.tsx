/**
 * The probabilities view: the suggestion tinted by how likely the model found each token (a
 * heat map with a legend), and a popover with the top alternatives of a token, from which a new
 * branch streams. Toggled with Ctrl/Cmd+Alt+I or the toolbar; Alt+↓ (or a click) on the
 * suggestion opens the popover at the token under the pointer, or at the first pending one.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_CRITICAL, KEY_DOWN_COMMAND, type LexicalEditor } from 'lexical';
import { matchesCombo } from '../../keyboard/keyCombo.js';
import { useObservable } from '../../ui/useObservable.js';
import type { WritableObservable } from '../../api/connectionState.js';
import { BRANCH_AT_TOKEN_COMMAND, TOGGLE_PROBABILITIES_COMMAND } from '../continue/commands.js';
import type { ContinueStores, ShownSteps } from '../continue/continueState.js';
import { $getPendingNode } from '../continue/pendingText.js';
import { probabilityShortcuts } from './probabilityShortcuts.js';
import { pendingTokenRanges, tokenAt, type TokenRange } from './heatMap.js';
import { TokenPopover } from './TokenPopover.js';
import {
  clearHeatMap,
  drawFocus,
  drawHeatMap,
  pendingTextNodeOf,
  tokenRect,
} from './tokenHighlights.js';
import './probabilities.css';

export interface ProbabilitiesProps {
  stores: ContinueStores;
  /** Whether the view is on (the toolbar's toggle writes it too). */
  view: WritableObservable<boolean>;
}

interface Open {
  /** The step the popover is about (an index into the shown steps). */
  step: number;
  /** The highlighted alternative. */
  option: number;
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
  const on = useObservable(view);
  const shown = useObservable(stores.shownSteps);
  const [open, setOpen] = useState<Open | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const hovered = useRef<number | null>(null);
  const { t } = useTranslation('editor');

  const redraw = useCallback((): void => {
    if (!view.get()) return clearHeatMap();
    const { text, ranges } = readPending(editor, stores.shownSteps.get());
    drawHeatMap(text, ranges);
    const focus = openRef.current?.step ?? hovered.current;
    drawFocus(text, ranges.find((range) => range.step === focus) ?? null);
  }, [editor, stores.shownSteps, view]);
  const openRef = useRef<Open | null>(null);
  openRef.current = open;

  const openAt = useCallback(
    (step: number | null): void => {
      const current = stores.shownSteps.get();
      const { ranges } = readPending(editor, current);
      const target = ranges.find((range) => range.step === step) ?? ranges[0];
      if (!current || !target) return;
      const chosen = current.steps[target.step];
      const option = Math.max(
        0,
        chosen?.alternatives.findIndex((alternative) => alternative.text === chosen.text) ?? 0,
      );
      setNotice(null);
      setOpen({ step: target.step, option });
    },
    [editor, stores.shownSteps],
  );

  // Draw again whenever the suggestion, its steps or the view change; clear when it goes off.
  useEffect(() => {
    redraw();
  }, [redraw, on, shown, open]);
  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(() => redraw()),
        () => clearHeatMap(),
      ),
    [editor, redraw],
  );
  // The suggestion went away: so does the popover.
  useEffect(() => {
    if (!shown || shown.nodeKey === null || !on) setOpen(null);
  }, [shown, on]);

  // Keys in the text: the toggle, and opening the popover on the suggestion.
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
          if (!current || current.steps.length === 0) return false;
          event.preventDefault();
          openAt(hovered.current);
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    [editor, openAt, stores.shownSteps, view],
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

  // The pointer: hovering marks a token, a click on the suggestion opens its popover.
  useEffect(() => {
    const stepUnder = (event: MouseEvent): number | null => {
      const target = event.target;
      if (!(target instanceof Element) || !target.closest('.pending-text-body')) return null;
      const caret = document.caretRangeFromPoint?.(event.clientX, event.clientY);
      if (!caret) return null;
      const { ranges } = readPending(editor, stores.shownSteps.get());
      return tokenAt(ranges, caret.startOffset)?.step ?? null;
    };
    const onMove = (event: MouseEvent): void => {
      if (!view.get()) return;
      const step = stepUnder(event);
      if (step === hovered.current) return;
      hovered.current = step;
      redraw();
    };
    const onDown = (event: MouseEvent): void => {
      if (!view.get()) return;
      const step = stepUnder(event);
      if (step === null) return;
      // The caret stays where it is (in front of the suggestion), so the suggestion stays.
      event.preventDefault();
      openAt(step);
    };
    return editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('mousemove', onMove);
      previous?.removeEventListener('mousedown', onDown);
      root?.addEventListener('mousemove', onMove);
      root?.addEventListener('mousedown', onDown);
    });
  }, [editor, openAt, redraw, stores.shownSteps, view]);

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

  if (!open || !shown) return null;
  const { text, ranges } = readPending(editor, shown);
  const range = ranges.find((entry) => entry.step === open.step);
  const step = shown.steps[open.step];
  if (!range || !step) return null;
  return createPortal(
    <TokenPopover
      key={open.step}
      rect={tokenRect(text, range)}
      tokenText={step.text}
      position={ranges.indexOf(range)}
      count={ranges.length}
      alternatives={step.alternatives}
      writtenText={step.text}
      option={open.option}
      notice={notice}
      onOption={(option) => setOpen({ ...open, option })}
      onToken={(delta) => {
        const next = ranges[ranges.indexOf(range) + delta];
        if (next) openAt(next.step);
      }}
      onChoose={(chosenText) => choose(open.step, chosenText)}
      onClose={close}
    />,
    document.body,
  );
}
