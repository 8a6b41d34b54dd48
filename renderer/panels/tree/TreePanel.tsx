/**
 * The tree panel: a document's continuations as a tree (alternatives side by side, continues
 * and branches under their parent), walked with the arrow keys, each node previewed in the
 * text around it, bookmarked, and used: "Use this branch" puts its path's text in the document
 * in place of the tree's text there, as one undoable step, or says why it cannot. Deleting a
 * subtree asks first, and is undone (the toast's Undo, or Ctrl/Cmd+Z in the panel) while the
 * panel is open: main holds the deleted rows until then.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefObject } from 'react';
import { $getRoot, type LexicalEditor } from 'lexical';
import type { TreeRecord } from '../../../shared/channels/probabilities.js';
import { useClient } from '../../api/clientContext.js';
import { comboLabel } from '../../keyboard/keyCombo.js';
import { REJECT_PENDING_COMMAND } from '../../editor/continue/commands.js';
import { SidePanel } from '../../ui/SidePanel.js';
import { UndoToast, type UndoToastState } from '../UndoToast.js';
import type { ReportError } from '../../ui/errorReporting.js';
import {
  buildTree,
  moveInTree,
  pathText,
  planBranchUse,
  rootOf,
  visibleNodes,
  type TreeNode,
} from './generationTree.js';
import { replacePlainText } from './replacePlainText.js';
import '../../styles/tree.css';

interface TreePanelProps {
  documentId: string;
  editorRef: RefObject<LexicalEditor | null>;
  reportError: ReportError;
  onClose: () => void;
}

const NAV_KEYS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'] as const;
type NavKey = (typeof NAV_KEYS)[number];
const isNavKey = (key: string): key is NavKey => (NAV_KEYS as readonly string[]).includes(key);

/** How much of the text before a tree the preview shows. */
const PREVIEW_CONTEXT_CHARS = 80;

export function TreePanel(props: TreePanelProps): ReactNode {
  const { documentId, editorRef, reportError, onClose } = props;
  const { t } = useTranslation('generation');
  const client = useClient();
  const [records, setRecords] = useState<TreeRecord[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  /** The node whose subtree the writer asked to delete, waiting for the confirmation. */
  const [deleting, setDeleting] = useState<TreeNode | null>(null);
  const treeRef = useRef<HTMLUListElement>(null);
  /** Deletions that can still be undone, the latest last (main holds their rows). */
  const undoable = useRef<{ token: string; rootId: string }[]>([]);
  const [toast, setToast] = useState<UndoToastState | null>(null);
  const dismissToast = useCallback(() => setToast(null), []);

  // Closing the panel lets go of what could still be undone.
  useEffect(
    () => () => {
      for (const { token } of undoable.current.splice(0)) {
        client.call('probabilities.forgetDeleted', { undoToken: token }).catch(() => undefined);
      }
    },
    [client],
  );

  const load = useCallback(async () => {
    try {
      setRecords(await client.call('probabilities.tree', { documentId }));
    } catch (error) {
      reportError(error, t('tree.loadFailed'));
    }
  }, [client, documentId, reportError, t]);

  useEffect(() => {
    void load();
    return client.on('history.changed', (change) => {
      if (change.documentId === documentId) void load();
    });
  }, [client, documentId, load]);

  const tree = useMemo(() => buildTree(records ?? []), [records]);
  const shown = useMemo(() => visibleNodes(tree, collapsed), [tree, collapsed]);
  const selected =
    (selectedId === null ? undefined : tree.byId.get(selectedId)) ?? shown[0] ?? null;

  // The focused item follows the selection (a roving tab stop).
  useEffect(() => {
    if (!selected || !treeRef.current?.contains(document.activeElement)) return;
    treeRef.current
      .querySelector<HTMLElement>(`[data-node-id="${CSS.escape(selected.record.id)}"]`)
      ?.focus();
  }, [selected]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLUListElement>): void => {
    if (!selected) return;
    if (isNavKey(event.key)) {
      event.preventDefault();
      const { id } = selected.record;
      const hasChildren = selected.children.length > 0;
      if (event.key === 'ArrowRight' && collapsed.has(id)) {
        setCollapsed(without(collapsed, id));
        return;
      }
      if (event.key === 'ArrowLeft' && hasChildren && !collapsed.has(id)) {
        setCollapsed(new Set([...collapsed, id]));
        return;
      }
      setSelectedId(moveInTree(shown, selected, event.key, collapsed).record.id);
      setMessage(null);
    }
  };

  const toggleBookmark = async (node: TreeNode): Promise<void> => {
    try {
      await client.call('probabilities.bookmark', {
        generationId: node.record.id,
        bookmarked: !node.record.bookmarked,
      });
      await load();
    } catch (error) {
      reportError(error, t('tree.bookmarkFailed'));
    }
  };

  /** Set before the tree reloads after a delete or its undo: the focus goes back into it. */
  const focusWhenShown = useRef(false);
  useEffect(() => {
    if (!focusWhenShown.current || !selected) return;
    focusWhenShown.current = false;
    treeRef.current
      ?.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(selected.record.id)}"]`)
      ?.focus();
  }, [records, selected]);

  const undoDelete = async (): Promise<void> => {
    const last = undoable.current.pop();
    if (!last) return;
    setToast(null);
    try {
      const { restored } = await client.call('probabilities.restoreSubtree', {
        undoToken: last.token,
      });
      setSelectedId(last.rootId);
      setMessage(t('tree.restored', { count: restored }));
    } catch (error) {
      reportError(error, t('tree.restoreFailed'));
    }
    focusWhenShown.current = true;
    await load();
  };

  const deleteSubtree = async (node: TreeNode): Promise<void> => {
    setDeleting(null);
    try {
      // One request: main deletes the subtree in one transaction and holds it for Undo.
      const { deleted, undoToken } = await client.call('probabilities.deleteSubtree', {
        generationId: node.record.id,
      });
      undoable.current.push({ token: undoToken, rootId: node.record.id });
      setSelectedId(node.parent?.record.id ?? null);
      const text = t('tree.deleted', { count: deleted });
      setMessage(text);
      setToast({
        key: Date.now(),
        message: text,
        onUndo: () => void undoDelete(),
        // Ctrl/Cmd+Z with the focus in the panel (the documents' Ctrl+Alt+Z is another undo).
        undoShortcut: comboLabel({ mod: true, code: 'KeyZ' }),
      });
    } catch (error) {
      reportError(error, t('tree.deleteFailed'));
    }
    focusWhenShown.current = true;
    await load();
  };

  // Ctrl/Cmd+Z with the focus in the panel undoes its latest deletion.
  const onPanelKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    const undo =
      (event.ctrlKey || event.metaKey) &&
      !event.shiftKey &&
      !event.altKey &&
      event.key.toLowerCase() === 'z';
    const inField = event.target instanceof HTMLInputElement;
    if (!undo || inField || undoable.current.length === 0) return;
    event.preventDefault();
    event.stopPropagation();
    void undoDelete();
  };

  const applyBranch = (node: TreeNode): void => {
    const editor = editorRef.current;
    if (!editor) return setMessage(t('tree.noEditor'));
    // A suggestion showing is not part of the text: it goes first.
    editor.dispatchCommand(REJECT_PENDING_COMMAND, undefined);
    setTimeout(() => {
      const documentText = editor.getEditorState().read(() => $getRoot().getTextContent());
      const plan = planBranchUse(documentText, node, tree);
      if (!plan.ok) return setMessage(t(`tree.${plan.reason}`));
      if (!replacePlainText(editor, plan.start, plan.end, plan.text)) {
        return setMessage(t('tree.edited'));
      }
      setMessage(t('tree.used'));
      // Recorded as kept, so the tree knows which branch the document reads now.
      client
        .call('continue.accept', { generationId: node.record.id, acceptedText: node.record.output })
        .catch(() => undefined);
    }, 0);
  };

  return (
    <SidePanel title={t('tree.title')} testId="tree-panel" className="tree-panel" onClose={onClose}>
      {/* Only catches the undo key bubbling up from the tree and its buttons. */}
      <div className="tree-panel-body" onKeyDown={onPanelKeyDown}>
        {records !== null && records.length === 0 ? (
          <p className="panel-empty">{t('tree.empty')}</p>
        ) : null}
        <ul
          ref={treeRef}
          role="tree"
          aria-label={t('tree.treeLabel')}
          className="generation-tree"
          onKeyDown={onKeyDown}
        >
          {shown.map((node) => (
            <TreeItem
              key={node.record.id}
              node={node}
              selected={node === selected}
              expanded={node.children.length > 0 ? !collapsed.has(node.record.id) : undefined}
              onSelect={() => {
                // Focus coming back to the selected node (after a delete or its undo) keeps
                // the message that says what happened.
                if (node === selected) return;
                setSelectedId(node.record.id);
                setMessage(null);
              }}
            />
          ))}
        </ul>
        {selected ? (
          <section className="tree-details" aria-label={t('tree.previewLabel')}>
            <Preview node={selected} />
            <div className="tree-actions">
              <button
                type="button"
                className="primary-button"
                data-testid="tree-use-branch"
                title={t('tree.useTitle')}
                onClick={() => applyBranch(selected)}
              >
                {t('tree.use')}
              </button>
              <button
                type="button"
                className="quiet-button"
                data-testid="tree-bookmark"
                aria-pressed={selected.record.bookmarked}
                onClick={() => void toggleBookmark(selected)}
              >
                {selected.record.bookmarked ? t('tree.unbookmark') : t('tree.bookmark')}
              </button>
              <button
                type="button"
                className="quiet-button danger"
                data-testid="tree-delete"
                onClick={() => setDeleting(selected)}
              >
                {t('tree.delete')}
              </button>
            </div>
            {deleting ? (
              <div
                className="tree-confirm"
                role="alertdialog"
                aria-label={t('tree.deleteTitle')}
                aria-describedby="tree-confirm-text"
              >
                <p id="tree-confirm-text">
                  {t('tree.deleteQuestion', { count: subtreeOf(deleting).length })}
                </p>
                <button
                  type="button"
                  className="quiet-button danger"
                  data-testid="tree-delete-confirm"
                  onClick={() => void deleteSubtree(deleting)}
                >
                  {t('tree.deleteConfirm')}
                </button>
                <button
                  type="button"
                  className="quiet-button"
                  // The safe choice has the focus.
                  autoFocus
                  onClick={() => setDeleting(null)}
                >
                  {t('tree.deleteCancel')}
                </button>
              </div>
            ) : null}
            {message ? (
              <p className="tree-message" role="status" data-testid="tree-message">
                {message}
              </p>
            ) : null}
          </section>
        ) : null}
      </div>
      <UndoToast toast={toast} onDismiss={dismissToast} />
    </SidePanel>
  );
}

function TreeItem(props: {
  node: TreeNode;
  selected: boolean;
  expanded: boolean | undefined;
  onSelect: () => void;
}): ReactNode {
  const { node, selected, expanded, onSelect } = props;
  const { t } = useTranslation('generation');
  const { record, branch } = node;
  const siblings = node.parent ? node.parent.children.length : 0;
  const facts: string[] = [
    branch ? t('tree.branchAt', { index: branch.tokenIndex + 1 }) : null,
    record.accepted ? t('tree.kept') : null,
    record.finishReason === null ? t('tree.running') : null,
    record.bookmarked ? t('tree.bookmarked') : null,
    node.children.length > 1 ? t('tree.alternatives', { count: node.children.length }) : null,
  ].filter((fact) => fact !== null);
  const own = `${branch ? `…${branch.prefix.slice(-24)}` : ''}${record.output}`.trim();
  return (
    <li
      role="treeitem"
      aria-level={node.depth + 1}
      aria-selected={selected}
      aria-expanded={expanded}
      aria-setsize={siblings || undefined}
      tabIndex={selected ? 0 : -1}
      data-node-id={record.id}
      data-testid="tree-node"
      className={`tree-node${selected ? ' is-selected' : ''}`}
      style={{ paddingInlineStart: `${0.5 + node.depth * 1.1}rem` }}
      onClick={onSelect}
      onFocus={onSelect}
    >
      <span className="tree-node-mark" aria-hidden="true">
        {record.bookmarked ? '★' : branch ? '↳' : '•'}
      </span>
      <span className="tree-node-text">{own === '' ? t('tree.root') : own.slice(0, 80)}</span>
      {facts.length > 0 ? <span className="tree-node-facts">{facts.join(' · ')}</span> : null}
    </li>
  );
}

/** The node's path in the text around it: what came before (muted), then the path. */
function Preview({ node }: { node: TreeNode }): ReactNode {
  const anchor = rootOf(node).record.anchor ?? '';
  const whole = pathText(node);
  const ownStart = whole.length - node.record.output.length;
  return (
    <p className="tree-preview" data-testid="tree-preview">
      <span className="tree-preview-before">…{anchor.slice(-PREVIEW_CONTEXT_CHARS)}</span>
      <span className="tree-preview-path">{whole.slice(0, ownStart)}</span>
      <mark className="tree-preview-own">{whole.slice(ownStart)}</mark>
    </p>
  );
}

/** The node and everything under it, parents before their children. */
function subtreeOf(node: TreeNode): TreeNode[] {
  return [node, ...node.children.flatMap(subtreeOf)];
}

function without(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  next.delete(id);
  return next;
}
