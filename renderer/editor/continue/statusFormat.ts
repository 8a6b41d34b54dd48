import type { EngineStatus, LoadProgress, LoadStep } from '../../../shared/schemas/engine.js';
import type { PromptPlan } from '../../../shared/schemas/generations.js';
import { localizedText } from '../../ui/describeError.js';
import { i18n } from '../../i18n/i18n.js';

const BACKEND_NAMES = { cpu: 'CPU', cuda: 'CUDA', vulkan: 'Vulkan', metal: 'Metal' } as const;

/** The engine's load steps, by their value, as keys of `editor:status.loadSteps`. */
const LOAD_STEP_KEYS = {
  'starting engine': 'startingEngine',
  validating: 'validating',
  'loading model': 'loadingModel',
  'creating context': 'creatingContext',
} as const satisfies Record<LoadStep, string>;

/** A load step's name in the writer's language ("loading model"). */
export function loadStepText(step: LoadStep): string {
  return i18n.t(`editor:status.loadSteps.${LOAD_STEP_KEYS[step]}`);
}

function loadingText(progress: LoadProgress | null): string {
  if (!progress) return i18n.t('editor:status.loading');
  const step = loadStepText(progress.step);
  if (progress.progress === null) return i18n.t('editor:status.loadingStep', { step });
  const percent = Math.round(progress.progress * 100);
  return i18n.t('editor:status.loadingStepPercent', { step, percent });
}

/** The model's part of the status bar: its name, or what the engine is doing instead. */
export function modelText(status: EngineStatus | null, progress: LoadProgress | null): string {
  if (!status) return i18n.t('editor:status.modelUnknown');
  if (status.state === 'loading') return loadingText(progress);
  if (status.state === 'crashed') return i18n.t('editor:status.crashed');
  if (!status.model) return i18n.t('editor:status.noModel');
  // A server names its model by id ("meta-llama/Llama-3-8B"), llama.cpp by its file's path.
  const remote = status.model.remote;
  if (remote)
    return remote.model.endsWith('.gguf')
      ? (remote.model.split(/[/\\]/).pop() ?? '')
      : remote.model;
  return status.model.fileName;
}

/**
 * The model part's tooltip: why the engine is not ready (a crash, a failed load) in the writer's
 * language, else the loaded model's path; null when there is neither.
 */
export function modelTitle(status: EngineStatus | null): string | null {
  if (status?.message) return localizedText(status.messageLocalized, status.message);
  return status?.model?.path ?? null;
}

/** The backend part's tooltip: why the CPU runs the model although a GPU was asked for. */
export function backendTitle(status: EngineStatus | null): string | null {
  const model = status?.model;
  if (!model?.fallbackReason) return null;
  return localizedText(model.fallbackReasonLocalized, model.fallbackReason);
}

/** "CPU", "CUDA · NVIDIA H200", with the reason when a GPU was asked for but not used. */
export function backendText(status: EngineStatus | null): string {
  const model = status?.model;
  if (!model || status.state !== 'ready') return '';
  if (model.remote) return i18n.t('editor:status.server', { host: model.remote.host });
  const devices = model.devices.length > 0 ? ` · ${model.devices.join(', ')}` : '';
  return `${BACKEND_NAMES[model.backend]}${devices}`;
}

/** "Context 312 + 80 / 1,024": prompt tokens plus new tokens out of the model's context. */
export function contextText(plan: PromptPlan | null): string {
  if (!plan) return '';
  return i18n.t('editor:status.context', {
    prompt: plan.promptTokens,
    newTokens: plan.maxNewTokens,
    size: plan.contextSize,
  });
}

/** The status bar's context tooltip: what the figures mean, or how much earlier text is left out. */
export function contextTitle(plan: PromptPlan | null): string {
  if (plan?.tokensEstimated) return i18n.t('editor:status.contextEstimated');
  const dropped = plan?.droppedTokens ?? 0;
  if (dropped <= 0) return i18n.t('editor:status.contextTitle');
  return plan?.droppedTokensEstimated
    ? i18n.t('editor:status.droppedAbout', { count: dropped })
    : i18n.t('editor:status.dropped', { count: dropped });
}

/** "first words in 0.12 s": how long the last continue took to show its first words. */
export function firstTokenText(milliseconds: number | null): string {
  if (milliseconds === null) return '';
  return i18n.t('editor:status.firstToken', { seconds: milliseconds / 1000 });
}

/** "24 tokens/s", "3.5 tokens/s": whole numbers from 10 up, one decimal below. */
export function speedText(tokensPerSecond: number | null): string {
  if (tokensPerSecond === null) return '';
  const digits = tokensPerSecond >= 10 ? 0 : 1;
  const speed = new Intl.NumberFormat(i18n.language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(tokensPerSecond);
  return i18n.t('editor:status.speed', { speed });
}
