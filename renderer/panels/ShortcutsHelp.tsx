import { useEffect, useRef, type ReactNode } from 'react';
import { appShortcuts, type ShortcutDescription } from '../keyboard/appShortcuts.js';
import { comboLabel } from '../keyboard/keyCombo.js';
import { blockShortcuts, textShortcuts } from '../editor/editorShortcuts.js';
import { continueShortcuts } from '../editor/continue/continueKeys.js';

function ShortcutRows({ shortcuts }: { shortcuts: readonly ShortcutDescription[] }): ReactNode {
  return shortcuts.map((shortcut) => (
    <tr key={shortcut.description}>
      <td>{shortcut.description}</td>
      <td>
        {shortcut.combos.map((combo, index) => (
          <span key={index}>
            {index > 0 && ' or '}
            <kbd>{comboLabel(combo)}</kbd>
          </span>
        ))}
      </td>
    </tr>
  ));
}

/** Every shortcut in one place, generated from the same tables the handlers use. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }): ReactNode {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previouslyFocused = document.activeElement;
    closeRef.current?.focus();
    return () => {
      if (previouslyFocused instanceof HTMLElement) previouslyFocused.focus();
    };
  }, []);

  const blockRows: ShortcutDescription[] = blockShortcuts.map((entry) => ({
    combos: [entry.combo],
    description: entry.label,
  }));
  const continueRows: ShortcutDescription[] = Object.values(continueShortcuts).map((entry) => ({
    combos: [entry.combo],
    description: entry.description,
  }));
  const listRows: ShortcutDescription[] = [
    { combos: [{ code: 'ArrowUp' }, { code: 'ArrowDown' }], description: 'Move in a list' },
    { combos: [{ code: 'Enter' }], description: 'Open the selected document' },
    { combos: [{ code: 'Escape' }], description: 'Close this panel or dialog' },
  ];

  return (
    <div className="overlay" role="presentation" onMouseDown={onClose}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts-help"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          }
        }}
      >
        <div className="dialog-header">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button ref={closeRef} type="button" className="quiet-button" onClick={onClose}>
            Close
          </button>
        </div>
        <div className="shortcut-columns">
          <table className="shortcut-table">
            <caption>Documents</caption>
            <tbody>
              <ShortcutRows shortcuts={Object.values(appShortcuts)} />
              <ShortcutRows shortcuts={listRows} />
            </tbody>
          </table>
          <table className="shortcut-table">
            <caption>Writing</caption>
            <tbody>
              <ShortcutRows shortcuts={textShortcuts} />
              <ShortcutRows shortcuts={blockRows} />
            </tbody>
          </table>
          <table className="shortcut-table">
            <caption>Continue writing</caption>
            <tbody>
              <ShortcutRows shortcuts={continueRows} />
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
