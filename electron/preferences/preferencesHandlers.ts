import type { HandlersFor } from '../core/handler.js';
import type { PreferencesService } from './preferencesService.js';

export function createPreferencesHandlers(
  preferences: PreferencesService,
): HandlersFor<'preferences'> {
  return {
    'preferences.get': () => preferences.get(),
    'preferences.update': (request) => preferences.update(request),
  };
}
