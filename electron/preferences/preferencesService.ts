import type { Preferences } from '../../shared/channels/preferences.js';
import { isLanguagePreference } from '../../shared/i18n/languages.js';
import type { EventBus } from '../core/eventBus.js';
import type { PreferencesRepository } from '../store/preferencesRepository.js';

const DEFAULTS: Preferences = { language: 'system' };

/** The writer's app-wide preferences; every change is announced so each window and the menu follow. */
export class PreferencesService {
  constructor(
    private readonly repository: PreferencesRepository,
    private readonly events: Pick<EventBus, 'emit'>,
  ) {}

  get(): Preferences {
    const stored = this.repository.readAll();
    const language = stored.get('language');
    return { language: isLanguagePreference(language) ? language : DEFAULTS.language };
  }

  update(change: Partial<Preferences>): Preferences {
    const before = this.get();
    if (change.language !== undefined) this.repository.write('language', change.language);
    const after = this.get();
    if (after.language !== before.language) this.events.emit('preferences.changed', after);
    return after;
  }
}
