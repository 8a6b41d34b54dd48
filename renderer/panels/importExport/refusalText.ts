/** What the writer is told about a file Inkwell refused to import: the limit, in their words. */
import type { ImportRefusal } from '../../documentFormats/importLimits.js';
import { i18n } from '../../i18n/i18n.js';

const BYTES_PER_MB = 1024 * 1024;

/** A reason, to follow "<file> was not imported:" (or "Could not import the file:"). */
export function describeRefusal(refusal: ImportRefusal): string {
  switch (refusal.kind) {
    case 'nesting':
      return i18n.t('importExport:import.limits.nesting', { max: refusal.max });
    case 'markupDepth':
      return i18n.t('importExport:import.limits.markupDepth', { max: refusal.max });
    case 'unpackedSize':
      return i18n.t('importExport:import.limits.unpackedSize', {
        maxMb: Math.round(refusal.maxBytes / BYTES_PER_MB),
      });
    case 'readTime':
      return i18n.t('importExport:import.limits.readTime', {
        seconds: Math.round(refusal.maxMs / 1000),
      });
    case 'emphasis':
      return i18n.t('importExport:import.limits.emphasis', {
        line: refusal.line,
        max: refusal.max,
      });
    case 'notWordFile':
      return i18n.t('importExport:import.limits.notWordFile');
  }
}
