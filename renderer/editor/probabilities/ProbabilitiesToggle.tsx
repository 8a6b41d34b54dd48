import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GREEDY_CANDIDATES } from '../../../shared/schemas/tokenSteps.js';
import { comboLabel } from '../../keyboard/keyCombo.js';
import { useObservable } from '../../ui/useObservable.js';
import type { ProbabilitiesProps } from './ProbabilitiesPlugin.js';
import { probabilityShortcuts } from './probabilityShortcuts.js';

/** The toolbar's toggle, and the legend while the view is on. */
export function ProbabilitiesToggle({ stores, view }: ProbabilitiesProps): ReactNode {
  const { t } = useTranslation('editor');
  const on = useObservable(view);
  const shown = useObservable(stores.shownSteps);
  const { phase } = useObservable(stores.continueState);
  const toggleKeys = comboLabel(probabilityShortcuts.toggle.combo);
  const inspectKeys = comboLabel(probabilityShortcuts.inspect.combo);
  const silentEngine = phase === 'pending' && shown !== null && shown.steps.length === 0;
  const greedy = shown?.steps.some((step) => step.distribution === 'greedy') ?? false;
  return (
    <div className="toolbar-group probability-toggle">
      <button
        type="button"
        className="toolbar-button"
        data-testid="probabilities-toggle"
        aria-pressed={on}
        aria-keyshortcuts={toggleKeys}
        title={t('probabilities.toggleTitle', { shortcut: toggleKeys })}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => view.set(!on)}
      >
        {t('probabilities.toggle')}
      </button>
      {on ? (
        <div
          className="probability-legend"
          role="group"
          aria-label={t('probabilities.legendLabel')}
          title={
            greedy
              ? t('probabilities.legendNoteGreedy', {
                  shortcut: inspectKeys,
                  candidates: GREEDY_CANDIDATES,
                })
              : t('probabilities.legendNote', { shortcut: inspectKeys })
          }
          data-testid="probability-legend"
        >
          {[0, 1, 2, 3, 4].map((level) => (
            <span key={level} className={`probability-swatch probability-level-${level}`}>
              {t(`probabilities.level${level as 0 | 1 | 2 | 3 | 4}`)}
            </span>
          ))}
          <span className="probability-legend-note">
            {silentEngine
              ? t('probabilities.unavailable')
              : greedy
                ? t('probabilities.legendGreedy', { candidates: GREEDY_CANDIDATES })
                : t('probabilities.legendDistribution')}
          </span>
        </div>
      ) : null}
    </div>
  );
}
