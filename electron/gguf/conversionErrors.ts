import type { LocalizedMessage } from '../../shared/errors.js';
import { englishText } from '../../shared/i18n/localizedMessage.js';

/**
 * A checkpoint that cannot be converted, with a message written for the person who chose the
 * folder (what is wrong and, where there is one, what to do about it): `message` in English,
 * `localized` by its key (errors:conversion.*) for the writer's language.
 */
export class CheckpointConversionError extends Error {
  constructor(readonly localized: LocalizedMessage) {
    super(englishText(localized));
    this.name = 'CheckpointConversionError';
  }
}
