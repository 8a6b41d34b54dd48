/**
 * A GGUF file that cannot be used. The message is written for the person who picked the file
 * ("tensor blk.3.ffn_up.weight ends past the end of the file (truncated download?)").
 */
export class GgufValidationError extends Error {
  constructor(
    message: string,
    readonly filePath?: string,
  ) {
    super(message);
    this.name = 'GgufValidationError';
  }
}
