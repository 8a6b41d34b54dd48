/**
 * A Word file as HTML, for htmlToDocument: mammoth keeps headings, lists, bold and italic. The
 * file is measured first (docxLimits.ts), so mammoth only ever opens one that fits.
 */
import mammoth from 'mammoth';
import { checkDocxLimits } from './docxLimits.js';

export async function docxToHtml(bytes: ArrayBuffer): Promise<string> {
  await checkDocxLimits(bytes);
  // The browser build of mammoth reads `arrayBuffer`, the Node build (tests) reads `buffer`; both
  // accept an ArrayBuffer, so one input serves both builds.
  const input = { arrayBuffer: bytes, buffer: bytes } as unknown as Parameters<
    typeof mammoth.convertToHtml
  >[0];
  const result = await mammoth.convertToHtml(input);
  return result.value;
}
