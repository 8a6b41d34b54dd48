import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { comboLabel } from '../keyboard/keyCombo.js';
import { blockShortcuts, textShortcuts } from './editorShortcuts.js';
import {
  $currentBlockType,
  SET_BLOCK_TYPE_COMMAND,
  type BlockType,
} from './plugins/blockFormat.js';

interface SelectionFormat {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  blockType: BlockType | null;
}

const NO_FORMAT: SelectionFormat = {
  bold: false,
  italic: false,
  underline: false,
  blockType: null,
};

const TEXT_BUTTONS: {
  format: TextFormatType & keyof SelectionFormat & keyof typeof textShortcuts;
  icon: string;
}[] = [
  { format: 'bold', icon: 'B' },
  { format: 'italic', icon: 'I' },
  { format: 'underline', icon: 'U' },
];

/** The first key combination of one of the editor's own text shortcuts (Ctrl+B, Ctrl+Shift+Z). */
function textShortcutLabel(name: keyof typeof textShortcuts): string {
  const [first] = textShortcuts[name];
  return first ? comboLabel(first) : '';
}

const BLOCK_BUTTONS: { blockType: BlockType; testId: string; icon: string }[] = [
  { blockType: 'paragraph', testId: 'block-paragraph', icon: '¶' },
  { blockType: 'h1', testId: 'block-h1', icon: 'H1' },
  { blockType: 'h2', testId: 'block-h2', icon: 'H2' },
  { blockType: 'h3', testId: 'block-h3', icon: 'H3' },
  { blockType: 'quote', testId: 'block-quote', icon: '❝' },
  { blockType: 'bullet', testId: 'list-bullet', icon: '•' },
  { blockType: 'number', testId: 'list-number', icon: '1.' },
];

function ToolbarButton(props: {
  testId: string;
  label: string;
  shortcut: string;
  pressed?: boolean;
  disabled?: boolean;
  className?: string;
  onPress: () => void;
  children: ReactNode;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`toolbar-button ${props.className ?? ''}`}
      data-testid={props.testId}
      aria-label={props.label}
      aria-pressed={props.pressed}
      aria-keyshortcuts={props.shortcut}
      title={t('withShortcut', { label: props.label, shortcut: props.shortcut })}
      disabled={props.disabled}
      // Keep the text selection (and focus) in the editor while clicking.
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onPress}
    >
      {props.children}
    </button>
  );
}

/**
 * Formatting buttons; each one only dispatches a command, the plugins do the work. `leading`
 * goes first (Continue / Stop).
 */
export function Toolbar(props: { leading?: ReactNode }): ReactNode {
  const { t } = useTranslation('editor');
  const [editor] = useLexicalComposerContext();
  const [format, setFormat] = useState<SelectionFormat>(NO_FORMAT);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          editorState.read(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            const next: SelectionFormat = {
              bold: selection.hasFormat('bold'),
              italic: selection.hasFormat('italic'),
              underline: selection.hasFormat('underline'),
              blockType: $currentBlockType(),
            };
            setFormat((previous) =>
              previous.bold === next.bold &&
              previous.italic === next.italic &&
              previous.underline === next.underline &&
              previous.blockType === next.blockType
                ? previous
                : next,
            );
          });
        }),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (value) => {
            setCanUndo(value);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (value) => {
            setCanRedo(value);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {props.leading}
      <div className="toolbar-group">
        {TEXT_BUTTONS.map(({ format: name, icon }) => (
          <ToolbarButton
            key={name}
            testId={`format-${name}`}
            label={t(`format.${name}`)}
            shortcut={textShortcutLabel(name)}
            pressed={format[name]}
            className={`toolbar-${name}`}
            onPress={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, name)}
          >
            {icon}
          </ToolbarButton>
        ))}
      </div>
      <div className="toolbar-group">
        {BLOCK_BUTTONS.map(({ blockType, testId, icon }) => {
          const shortcut = blockShortcuts.find((entry) => entry.blockType === blockType);
          return (
            <ToolbarButton
              key={blockType}
              testId={testId}
              label={t(`blocks.${blockType}`)}
              shortcut={shortcut ? comboLabel(shortcut.combo) : ''}
              pressed={format.blockType === blockType}
              onPress={() => editor.dispatchCommand(SET_BLOCK_TYPE_COMMAND, blockType)}
            >
              {icon}
            </ToolbarButton>
          );
        })}
      </div>
      <div className="toolbar-group">
        <ToolbarButton
          testId="undo"
          label={t('format.undo')}
          shortcut={textShortcutLabel('undo')}
          disabled={!canUndo}
          onPress={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
        >
          ↶
        </ToolbarButton>
        <ToolbarButton
          testId="redo"
          label={t('format.redo')}
          shortcut={textShortcutLabel('redo')}
          disabled={!canRedo}
          onPress={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
        >
          ↷
        </ToolbarButton>
      </div>
    </div>
  );
}
