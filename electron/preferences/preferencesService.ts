import {
  DEFAULT_PREFERENCES,
  preferenceFields,
  type Preferences,
} from '../../shared/channels/preferences.js';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import type { EventBus } from '../core/eventBus.js';
import type { PreferencesRepository } from '../store/preferencesRepository.js';

const KEYS = Object.keys(preferenceFields) as (keyof Preferences)[];

/** The stored values, each checked on its own: what is missing or invalid is its default. */
export function preferencesFrom(stored: ReadonlyMap<string, unknown>): Preferences {
  const read = <K extends keyof Preferences>(key: K): Preferences[K] => {
    const parsed = preferenceFields[key].safeParse(stored.get(key));
    return stored.has(key) && parsed.success
      ? (parsed.data as Preferences[K])
      : DEFAULT_PREFERENCES[key];
  };
  return {
    language: read('language'),
    theme: read('theme'),
    startupModelId: read('startupModelId'),
  };
}

export interface PreferencesOptions {
  /** Whether the models library holds this id (a start-up model must be one of them). */
  isKnownModel: (id: string) => boolean;
}

/** The writer's app-wide preferences; every change is announced so each window and the menu follow. */
export class PreferencesService {
  constructor(
    private readonly repository: PreferencesRepository,
    private readonly events: Pick<EventBus, 'emit'>,
    private readonly options: PreferencesOptions = { isKnownModel: () => true },
  ) {}

  get(): Preferences {
    return preferencesFrom(this.repository.readAll());
  }

  update(change: Partial<Preferences>): Preferences {
    const modelId = change.startupModelId;
    if (typeof modelId === 'string' && !this.options.isKnownModel(modelId)) {
      throw localizedError('not_found', 'errors:preferences.unknownStartupModel');
    }
    const before = this.get();
    for (const key of KEYS) {
      if (change[key] !== undefined) this.repository.write(key, change[key]);
    }
    const after = this.get();
    if (KEYS.some((key) => after[key] !== before[key])) {
      this.events.emit('preferences.changed', after);
    }
    return after;
  }
}
