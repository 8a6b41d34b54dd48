import type { InkwellClient } from '../../api/client.js';
import type { ContinueStores } from './continueState.js';

/**
 * Mirrors the engine's state into the stores (pattern: main pushes, the renderer mirrors): one
 * engine.status call for the state as it is now, then its events. Returns the unsubscribe.
 */
export function followEngineStatus(client: InkwellClient, stores: ContinueStores): () => void {
  let pushed = false;
  const offStatus = client.on('engine.status', (status) => {
    pushed = true;
    stores.engineStatus.set(status);
    if (status.state !== 'loading') stores.loadProgress.set(null);
  });
  const offProgress = client.on('engine.loadProgress', (progress) =>
    stores.loadProgress.set(progress),
  );
  client
    .call('engine.status', {})
    .then((status) => {
      // An event that came while the call was on its way is newer than this answer.
      if (!pushed) stores.engineStatus.set(status);
    })
    .catch(() => undefined);
  return () => {
    offStatus();
    offProgress();
  };
}
