/**
 * The one registry of generations that are running: who started each, so that stop and typing
 * reach it and a window that goes away takes its generations with it. A generation leaves it
 * when its end has gone out.
 */
import { localizedError } from '../../shared/i18n/localizedMessage.js';
import type { GenerationsRepository } from '../store/generationsRepository.js';
import type { Generation, GenerationStarted } from './generation.js';

export class LiveGenerations {
  private readonly running = new Map<string, Generation>();

  constructor(private readonly generations: GenerationsRepository) {}

  /**
   * Starts a generation under the id its caller chose: refused if a generation, running or in
   * history, already has that id.
   */
  async start(
    generation: Generation,
    start: (generation: Generation) => Promise<GenerationStarted>,
  ): Promise<GenerationStarted> {
    if (this.running.has(generation.id) || this.generations.find(generation.id)) {
      throw localizedError('conflict', 'errors:continue.generationIdTaken', { id: generation.id });
    }
    this.running.set(generation.id, generation);
    void generation.ended.then(() => this.running.delete(generation.id));
    try {
      return await start(generation);
    } catch (error) {
      this.running.delete(generation.id);
      throw error;
    }
  }

  /** Only the connection that started a generation can stop it or hold it while typing. */
  stop(generationId: string, clientId: string): { stopped: boolean } {
    const generation = this.owned(generationId, clientId);
    generation?.cancel();
    return { stopped: generation !== undefined };
  }

  typing(generationId: string, clientId: string): { held: boolean } {
    const generation = this.owned(generationId, clientId);
    generation?.typing();
    return { held: generation !== undefined };
  }

  /** A window or WebSocket went away: what it started is cancelled. */
  cancelAllOf(clientId: string): void {
    for (const generation of this.running.values()) {
      if (generation.callerId === clientId) generation.cancel();
    }
  }

  cancelAll(): void {
    for (const generation of this.running.values()) generation.cancel();
  }

  private owned(generationId: string, clientId: string): Generation | undefined {
    const generation = this.running.get(generationId);
    return generation?.callerId === clientId ? generation : undefined;
  }
}
