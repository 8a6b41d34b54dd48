/**
 * The shape of `window.inkwell`, exposed by the Electron preload: one method per contract
 * channel (answering with a Reply, because Error objects lose their fields across
 * contextBridge), `on`, whose listeners get the payload only, never the Electron event, and
 * `addDroppedModel`, the one thing that needs Electron's webUtils in the preload.
 */
import type { Channel, EventName, EventPayload, RequestOf, ResponseOf } from './contract.js';
import type { Reply } from './errors.js';

export type BridgeMethods = {
  [C in Channel]: (request: RequestOf<C>) => Promise<Reply<ResponseOf<C>>>;
};

export interface InkwellBridge extends BridgeMethods {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /**
   * Adds a .gguf file dropped on the window as a model (models.add with its path). The sandboxed
   * page cannot read a File's path; the preload can (webUtils.getPathForFile), and keeps it.
   */
  addDroppedModel(file: File): Promise<Reply<ResponseOf<'models.add'>>>;
}
