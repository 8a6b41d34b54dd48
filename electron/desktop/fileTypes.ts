import type { TFunction } from 'i18next';
import type { ExportFormat, ImportFormat } from '../../shared/channels/files.js';

/** The menu namespace's translator: dialog file-type names are in the writer's language. */
export type DialogText = TFunction<'menu'>;

/** File extensions per import format (what the open dialog offers and how a file is read). */
export const importExtensions: Record<ImportFormat, readonly string[]> = {
  markdown: ['md', 'markdown'],
  text: ['txt'],
  html: ['html', 'htm'],
  docx: ['docx'],
};

export const exportExtension: Record<ExportFormat, string> = {
  markdown: 'md',
  text: 'txt',
  html: 'html',
  docx: 'docx',
  pdf: 'pdf',
};

export function importFormatForPath(filePath: string): ImportFormat | null {
  const extension = filePath.toLowerCase().split('.').pop() ?? '';
  for (const [format, extensions] of Object.entries(importExtensions)) {
    if (extensions.includes(extension)) return format as ImportFormat;
  }
  return null;
}

export function importDialogFilters(t: DialogText): { name: string; extensions: string[] }[] {
  return [
    { name: t('fileTypes.documents'), extensions: Object.values(importExtensions).flat() },
    ...(Object.keys(importExtensions) as ImportFormat[]).map((format) => ({
      name: t(`fileTypes.${format}`),
      extensions: [...importExtensions[format]],
    })),
  ];
}

export function exportDialogFilter(
  format: ExportFormat,
  t: DialogText,
): { name: string; extensions: string[] } {
  return { name: t(`fileTypes.${format}`), extensions: [exportExtension[format]] };
}

/** The suggested name with the format's extension (once). */
export function withExtension(name: string, format: ExportFormat): string {
  const extension = `.${exportExtension[format]}`;
  return name.toLowerCase().endsWith(extension) ? name : `${name}${extension}`;
}
