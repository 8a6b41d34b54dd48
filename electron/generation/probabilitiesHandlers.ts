/** The probabilities.* channels: a generation's recorded token steps and branch point. */
import type { HandlersFor } from '../core/handler.js';
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import type { GenerationsRepository } from '../store/generationsRepository.js';
import type { TokenStepsRepository } from '../store/tokenStepsRepository.js';
import type { SubtreeChange, SubtreeDeletions } from '../store/subtreeDeletions.js';
import type { EventBus } from '../core/eventBus.js';
import type { TreeRecord } from '../../shared/channels/probabilities.js';

export function createProbabilitiesHandlers(
  generations: GenerationsRepository,
  tokenSteps: TokenStepsRepository,
  deletions: SubtreeDeletions,
  events: EventBus,
  clock: () => number = Date.now,
): HandlersFor<'probabilities'> {
  const announce = (change: SubtreeChange, kind: 'deleted' | 'restored'): void => {
    for (const id of change.ids) {
      events.emit('history.changed', { id, documentId: change.documentId, kind });
    }
  };
  const requireGeneration = (generationId: string) => {
    const record = generations.find(generationId);
    if (!record) {
      throw localizedError('not_found', 'errors:history.noGeneration', { id: generationId });
    }
    return record;
  };
  return {
    'probabilities.tree': ({ documentId }) => {
      const branches = new Map(
        tokenSteps.branchesOfDocument(documentId).map((point) => [point.generationId, point]),
      );
      const anchors = tokenSteps.anchorsOfDocument(documentId);
      const bookmarks = tokenSteps.bookmarksOfDocument(documentId);
      const records: TreeRecord[] = [];
      for (const record of generations.iterate(documentId)) {
        if (record.kind !== 'continue') continue;
        const branch = branches.get(record.id);
        records.push({
          id: record.id,
          parentId: record.parentId,
          spotId: record.spotId,
          output: record.output,
          finishReason: record.finishReason,
          accepted: record.accepted,
          acceptedText: record.acceptedText,
          createdAt: record.createdAt,
          branch: branch ? { tokenIndex: branch.tokenIndex, prefix: branch.prefix } : null,
          anchor: anchors.get(record.id) ?? null,
          bookmarked: bookmarks.has(record.id),
        });
      }
      return records;
    },
    'probabilities.bookmark': ({ generationId, bookmarked }) => {
      requireGeneration(generationId);
      tokenSteps.setBookmark(generationId, bookmarked, clock());
      return { bookmarked };
    },
    'probabilities.deleteSubtree': ({ generationId }) => {
      const change = deletions.delete(generationId);
      if (!change) {
        throw localizedError('not_found', 'errors:history.noGeneration', { id: generationId });
      }
      announce(change, 'deleted');
      return { deleted: change.ids.length, undoToken: change.token };
    },
    'probabilities.restoreSubtree': ({ undoToken }) => {
      const change = deletions.restore(undoToken);
      if (!change) throw localizedError('not_found', 'errors:history.nothingToRestore');
      announce(change, 'restored');
      return { restored: change.ids.length };
    },
    'probabilities.forgetDeleted': ({ undoToken }) => ({ forgotten: deletions.forget(undoToken) }),
    'probabilities.steps': ({ generationId }) => {
      requireGeneration(generationId);
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
