/**
 * Follows how deeply XML elements nest while its bytes stream past, chunk by chunk, without
 * building anything: `<a>` goes one deeper, `</a>` and `<a/>` come back. Comments, CDATA,
 * processing instructions and quoted attribute values are skipped, so a `>` inside them does
 * not end a tag. Used on a Word file's parts before mammoth, which recurses per element.
 */
type State =
  | 'text'
  | 'tagStart'
  | 'openTag'
  | 'closeTag'
  | 'bang'
  | 'comment'
  | 'cdata'
  | 'declaration'
  | 'instruction';

const LESS = 0x3c; // <
const GREATER = 0x3e; // >
const SLASH = 0x2f; // /
const BANG = 0x21; // !
const QUESTION = 0x3f; // ?
const DASH = 0x2d; // -
const BRACKET = 0x5b; // [
const CLOSE_BRACKET = 0x5d; // ]
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

export class MarkupDepthScanner {
  /** The deepest nesting seen so far (the document element is 1). */
  deepest = 0;
  private depth = 0;
  private state: State = 'text';
  private quote = 0;
  private previous = 0;
  /** Characters of `<!` read so far, to tell a comment (`--`) from CDATA (`[`). */
  private bangLength = 0;
  /** The last two bytes inside a comment, CDATA or instruction, to find its end. */
  private tail = 0;

  scan(chunk: Uint8Array): void {
    for (const byte of chunk) this.step(byte);
  }

  private open(): void {
    this.depth += 1;
    if (this.depth > this.deepest) this.deepest = this.depth;
  }

  private step(byte: number): void {
    switch (this.state) {
      case 'text':
        if (byte === LESS) this.state = 'tagStart';
        return;
      case 'tagStart':
        if (byte === SLASH) this.state = 'closeTag';
        else if (byte === BANG) {
          this.state = 'bang';
          this.bangLength = 0;
        } else if (byte === QUESTION) {
          this.state = 'instruction';
          this.tail = 0;
        } else {
          this.open();
          this.state = 'openTag';
          this.quote = 0;
          this.previous = byte;
        }
        return;
      case 'openTag':
        if (this.quote !== 0) {
          if (byte === this.quote) this.quote = 0;
        } else if (byte === DOUBLE_QUOTE || byte === SINGLE_QUOTE) {
          this.quote = byte;
        } else if (byte === GREATER) {
          if (this.previous === SLASH) this.depth -= 1;
          this.state = 'text';
        }
        this.previous = byte;
        return;
      case 'closeTag':
        if (byte === GREATER) {
          this.depth -= 1;
          this.state = 'text';
        }
        return;
      case 'bang':
        this.bangLength += 1;
        if (this.bangLength === 1 && byte === BRACKET) {
          this.state = 'cdata';
          this.tail = 0;
        } else if (this.bangLength === 2 && byte === DASH && this.previous === DASH) {
          this.state = 'comment';
          this.tail = 0;
        } else if (byte === GREATER) {
          this.state = 'text';
        } else if (this.bangLength >= 2 || byte !== DASH) {
          this.state = 'declaration';
        }
        this.previous = byte;
        return;
      case 'comment':
        this.endsWith(byte, DASH);
        return;
      case 'cdata':
        this.endsWith(byte, CLOSE_BRACKET);
        return;
      case 'instruction':
        this.endsWith(byte, QUESTION);
        return;
      case 'declaration':
        if (byte === GREATER) this.state = 'text';
        return;
    }
  }

  /** Ends a comment (`-->`), CDATA (`]]>`) or instruction (`?>`) at its closing `>`. */
  private endsWith(byte: number, closer: number): void {
    const needed = closer === QUESTION ? 1 : 2;
    if (byte === GREATER && this.tail >= needed) {
      this.state = 'text';
      return;
    }
    this.tail = byte === closer ? this.tail + 1 : 0;
  }
}
