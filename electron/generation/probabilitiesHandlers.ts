/** The probabilities.* channels: a generation's recorded token steps and branch point. */
import type { HandlersFor } from '../core/handler.js';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import type { GenerationsRepository } from '../store/generationsRepository.js';
import type { TokenStepsRepository } from '../store/tokenStepsRepository.js';

export function createProbabilitiesHandlers(
  generations: GenerationsRepository,
  tokenSteps: TokenStepsRepository,
): HandlersFor<'probabilities'> {
  return {
    'probabilities.steps': ({ generationId }) => {
      if (!generations.find(generationId)) {
        throw localizedError('not_found', 'errors:history.noGeneration', { id: generationId });
      }
      const branch = tokenSteps.branch(generationId);
      return {
        steps: tokenSteps.steps(generationId),
        branch: branch && {
          parentId: branch.parentId,
          tokenIndex: branch.tokenIndex,
          prefix: branch.prefix,
        },
      };
    },
  };
}
