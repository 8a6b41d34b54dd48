/** The import and export dialog, dropping files on the window, and what imports and exports say. */
export const importExport = {
  dialog: {
    title: 'Import and export',
    tabs: 'Import or export',
    importTab: 'Import',
    exportTab: 'Export',
  },
  /** The file types Inkwell imports, as a list for sentences. */
  supportedImports: '.md, .txt, .html or .docx',
  import: {
    intro:
      'Bring in a Markdown, plain text, web page or Word file ({{supported}}). It becomes a new document; the one you have open is not changed. You can also drop files onto the window.',
    choose: 'Choose a file…',
    busy: 'Importing…',
    importingFiles: 'Importing {{names}}…',
    nameSeparator: ', ',
    importedTitle: 'Imported “{{title}}”.',
    importedDocuments_one: 'Imported {{count}} document.',
    importedDocuments_other: 'Imported {{count}} documents.',
    importedFile: 'Imported {{fileName}}.',
    /** One sentence after another in a status line. */
    couldNotImport: 'Could not import the file',
    drop: 'Drop a {{supported}} file to import it as a new document',
    modelDropped:
      'Models are added from the Models panel (“Add a GGUF file”), not by dropping them here.',
    unsupported: '{{fileName}} was not imported: Inkwell imports {{supported}} files.',
    tooLarge: '{{fileName}} is too large to import (20 MB at most).',
    notImported: '{{fileName}} was not imported: {{reason}}',
    unreadable: 'it could not be read',
    couldNotRead: '{{fileName}} could not be read: {{reason}}',
    tooLong: '{{fileName}} is too long to become one document.',
    /** Why a file was refused: the limit it hit (renderer/documentFormats/importLimits.ts). */
    limits: {
      nesting:
        'its lists or quotes are nested more than {{max, number}} levels deep, deeper than the editor can show',
      markupDepth: 'its markup is nested more than {{max, number}} elements deep',
      unpackedSize: 'it unpacks to more than {{maxMb, number}} MB',
      readTime: 'reading it took longer than {{seconds, number}} seconds',
      emphasis:
        'line {{line, number}} has more than {{max, number}} runs of * or _ (emphasis marks)',
      notWordFile:
        'it is not a Word document Inkwell can read (damaged, encrypted or packed in an unusual way)',
    },
    /** The title of a document imported from a file whose name gives none. */
    untitled: 'Imported document',
  },
  export: {
    noDocument: 'Open a document to export it.',
    format: 'Format',
    formats: {
      markdown: 'Markdown (.md)',
      text: 'Plain text (.txt)',
      html: 'Web page (.html)',
      docx: 'Word document (.docx)',
      pdf: 'PDF (.pdf)',
    },
    printHint:
      'The browser’s print dialog opens with only your text on the page; choose “Save as PDF” there.',
    saveAsPdf: 'Save as PDF…',
    print: 'Print…',
    save: 'Export…',
    download: 'Download',
    again: 'Export again',
    againAs: 'Export again ({{format}})',
    againTo: 'Export again ({{format}} to {{fileName}})',
    againTitle: "Repeats this document's last export",
    busy: 'Exporting…',
    couldNotExport: 'Could not export the document',
    tooLarge: 'This document is too large to export as one file (20 MB at most).',
    /** The file name of an export whose document has no usable title. */
    untitled: 'Untitled',
    outcome: {
      saved: 'Exported as {{format}} to {{fileName}}.',
      downloaded: 'Downloaded {{fileName}}.',
      printed: 'Sent to the print dialog: choose “Save as PDF” there.',
      cancelled: 'Export cancelled.',
      nothingToRepeat: 'Nothing to repeat yet: export this document once first.',
    },
  },
} as const;
