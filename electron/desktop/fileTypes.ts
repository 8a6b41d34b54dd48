import type { ExportFormat, ImportFormat } from '../../shared/channels/files.js';

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

const exportLabel: Record<ExportFormat, string> = {
  markdown: 'Markdown',
  text: 'Plain text',
  html: 'Web page (HTML)',
  docx: 'Word document',
  pdf: 'PDF',
};

export function importFormatForPath(filePath: string): ImportFormat | null {
  const extension = filePath.toLowerCase().split('.').pop() ?? '';
  for (const [format, extensions] of Object.entries(importExtensions)) {
    if (extensions.includes(extension)) return format as ImportFormat;
  }
  return null;
}

export function importDialogFilters(): { name: string; extensions: string[] }[] {
  return [
    { name: 'Documents', extensions: Object.values(importExtensions).flat() },
    { name: 'Markdown', extensions: [...importExtensions.markdown] },
    { name: 'Plain text', extensions: [...importExtensions.text] },
    { name: 'Web page', extensions: [...importExtensions.html] },
    { name: 'Word document', extensions: [...importExtensions.docx] },
  ];
}

export function exportDialogFilter(format: ExportFormat): { name: string; extensions: string[] } {
  return { name: exportLabel[format], extensions: [exportExtension[format]] };
}

/** The suggested name with the format's extension (once). */
export function withExtension(name: string, format: ExportFormat): string {
  const extension = `.${exportExtension[format]}`;
  return name.toLowerCase().endsWith(extension) ? name : `${name}${extension}`;
}
