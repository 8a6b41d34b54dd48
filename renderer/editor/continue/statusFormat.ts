import type { EngineStatus, LoadProgress } from '../../../shared/schemas/engine.js';
import type { PromptPlan } from '../../../shared/schemas/generations.js';

const BACKEND_NAMES = { cpu: 'CPU', cuda: 'CUDA', vulkan: 'Vulkan', metal: 'Metal' } as const;

/** The model's part of the status bar: its name, or what the engine is doing instead. */
export function modelText(status: EngineStatus | null, progress: LoadProgress | null): string {
  if (!status) return 'Model: …';
  if (status.state === 'loading') {
    const percent =
      progress?.progress === null || progress?.progress === undefined
        ? ''
        : ` ${Math.round(progress.progress * 100)}%`;
    return `Loading model… ${progress ? `${progress.step}${percent}` : ''}`.trim();
  }
  if (status.state === 'crashed') return 'Model stopped – Continue restarts it';
  if (!status.model) return 'No model loaded (Continue loads the demo model)';
  return status.model.fileName;
}

/** "CPU", "CUDA · NVIDIA H200", with the reason when a GPU was asked for but not used. */
export function backendText(status: EngineStatus | null): string {
  const model = status?.model;
  if (!model || status.state !== 'ready') return '';
  const devices = model.devices.length > 0 ? ` · ${model.devices.join(', ')}` : '';
  return `${BACKEND_NAMES[model.backend]}${devices}`;
}

/** "Context 312 + 80 / 1,024": prompt tokens plus new tokens out of the model's context. */
export function contextText(plan: PromptPlan | null): string {
  if (!plan) return '';
  const format = (value: number): string => value.toLocaleString('en-US');
  return `Context ${format(plan.promptTokens)} + ${format(plan.maxNewTokens)} / ${format(plan.contextSize)}`;
}

export function speedText(tokensPerSecond: number | null): string {
  if (tokensPerSecond === null) return '';
  return `${tokensPerSecond >= 10 ? Math.round(tokensPerSecond) : tokensPerSecond.toFixed(1)} tokens/s`;
}
