import type { EngineStatus, LoadProgress, LoadStep } from '../../../shared/schemas/engine.js';
import { i18n } from '../../i18n/i18n.js';
import { loadStepText } from './statusFormat.js';

/** What shows at the cursor while a continue waits for the model to load. */
export interface LoadingHint {
  /** "Loading the model (3 of 4: loading model 45%) · Esc stops", in the writer's language. */
  text: string;
  /** How far the current step is, 0..1, where the engine says (reading the weights). */
  progress: number | null;
}

/** The load steps in the order the engine goes through them. */
const STEP_ORDER: readonly LoadStep[] = [
  'starting engine',
  'validating',
  'loading model',
  'creating context',
];

/**
 * The hint for a continue that has no words yet: null once the model is ready (the words are
 * then moments away and the ellipsis says enough). Before the first load event, the engine is
 * about to start: that is step 1.
 */
export function loadingHint(
  status: EngineStatus | null,
  progress: LoadProgress | null,
): LoadingHint | null {
  if (status?.state === 'ready') return null;
  const step = progress?.step ?? 'starting engine';
  const index = STEP_ORDER.indexOf(step);
  const number = index < 0 ? STEP_ORDER.length : index + 1;
  const percent = progress?.progress ?? null;
  const where = {
    number,
    count: STEP_ORDER.length,
    step: loadStepText(step),
    percent: percent === null ? 0 : Math.round(percent * 100),
  };
  const loading =
    percent === null
      ? i18n.t('editor:continue.loadingAtCursor', where)
      : i18n.t('editor:continue.loadingAtCursorPercent', where);
  return { text: `${loading} · ${i18n.t('editor:continue.loadingKeys')}`, progress: percent };
}
