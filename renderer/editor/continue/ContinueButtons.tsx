import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { comboLabel } from '../../keyboard/keyCombo.js';
import { CONTINUE_COMMAND, STOP_CONTINUE_COMMAND } from './commands.js';
import { continueShortcuts } from './continueKeys.js';
import { isGenerating, rememberAlternativesAtOnce, type ContinueStores } from './continueState.js';
import { MAX_ALTERNATIVES_AT_ONCE } from '../../../shared/channels/continue.js';
import { useObservable } from '../../ui/useObservable.js';

/** Continue, or Stop while a continuation is being written. Both only dispatch commands. */
export function ContinueButtons({ stores }: { stores: ContinueStores }): ReactNode {
  const { t } = useTranslation('editor');
  const [editor] = useLexicalComposerContext();
  const { phase } = useObservable(stores.continueState);
  const atOnce = useObservable(stores.alternativesAtOnce);
  const generating = isGenerating(phase);
  const continueKeys = comboLabel(continueShortcuts.continue.combo);
  const stopKeys = comboLabel(continueShortcuts.escape.combo);
  return (
    <div className="toolbar-group continue-buttons">
      {generating ? (
        <button
          type="button"
          className="toolbar-button continue-stop"
          data-testid="stop"
          aria-keyshortcuts="Escape"
          title={t('continue.stopTitle', { shortcut: stopKeys })}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => editor.dispatchCommand(STOP_CONTINUE_COMMAND, undefined)}
        >
          {t('continue.stop')}
        </button>
      ) : (
        <button
          type="button"
          className="toolbar-button continue-start"
          data-testid="continue"
          aria-keyshortcuts={continueKeys}
          title={t('continue.continueTitle', { shortcut: continueKeys })}
          // Keeps the caret (and focus) in the text, where the continuation goes.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => editor.dispatchCommand(CONTINUE_COMMAND, undefined)}
        >
          {t('continue.continue')}
        </button>
      )}
      <select
        className="toolbar-select continue-count"
        data-testid="alternatives-at-once"
        aria-label={t('continue.atOnceLabel')}
        title={t('continue.atOnceTitle')}
        value={atOnce}
        onChange={(event) => {
          const count = Number(event.target.value);
          stores.alternativesAtOnce.set(count);
          rememberAlternativesAtOnce(count);
        }}
      >
        {Array.from({ length: MAX_ALTERNATIVES_AT_ONCE }, (_, index) => (
          <option key={index} value={index + 1}>
            {t('continue.atOnce', { count: index + 1 })}
          </option>
        ))}
      </select>
    </div>
  );
}
