import type { LocalizedMessage } from '../../shared/errors.js';
import { englishText } from '../../shared/i18n/localizedMessage.js';

/**
 * A GGUF file that cannot be used. The message is written for the person who picked the file
 * ("tensor blk.3.ffn_up.weight ends past the end of the file (truncated download?)"): `message`
 * in English, `localized` by its key (errors:gguf.*) for the writer's language.
 */
export class GgufValidationError extends Error {
  constructor(
    readonly localized: LocalizedMessage,
    readonly filePath?: string,
  ) {
    super(englishText(localized));
    this.name = 'GgufValidationError';
  }
}
