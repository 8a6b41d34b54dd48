/**
 * A template's shape: a poem ends after N lines or N stanzas. Given the output so far, finds
 * where the Nth line (or stanza) ends; blank lines before the first one do not count.
 */
import type { TemplateShape } from '../../shared/schemas/templates.js';

/** The offset to cut the output at (the unit's last character, no newline), or null if not yet. */
export function shapeEnd(output: string, shape: TemplateShape): number | null {
  let seen = 0;
  let inUnit = false;
  let lineHasText = false;
  let lineEnd = -1;
  let previousLineBlank = false;
  for (let index = 0; index < output.length; index += 1) {
    const char = output[index];
    if (char !== '\n') {
      if (char !== ' ' && char !== '\t' && char !== '\r') lineHasText = true;
      continue;
    }
    if (lineHasText) {
      inUnit = true;
      lineEnd = index;
      if (shape.unit === 'lines') {
        seen += 1;
        if (seen === shape.count) return index;
      }
      previousLineBlank = false;
    } else if (shape.unit === 'stanzas' && inUnit && !previousLineBlank) {
      seen += 1;
      inUnit = false;
      previousLineBlank = true;
      if (seen === shape.count) return lineEnd;
    }
    lineHasText = false;
  }
  return null;
}

/** Follows a template's output as it streams: where its shape ends, once it has (a TextEnd). */
export class ShapeWatcher {
  private output = '';

  constructor(private readonly shape: TemplateShape) {}

  push(chunk: string): number | null {
    this.output += chunk;
    return shapeEnd(this.output, this.shape);
  }
}
