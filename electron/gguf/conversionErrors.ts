/**
 * A checkpoint that cannot be converted, with a message written for the person who chose the
 * folder (what is wrong and, where there is one, what to do about it).
 */
export class CheckpointConversionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckpointConversionError';
  }
}
