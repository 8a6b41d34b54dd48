/** Words many parts of the UI use. */
export const common = {
  cancel: 'Cancel',
  close: 'Close',
  save: 'Save',
  delete: 'Delete',
  retry: 'Try again',
  dismiss: 'Dismiss',
  undo: 'Undo',
  loading: 'Loading…',
  language: 'Language',
  languageSystem: 'System ({{language}})',
  languageHint: 'The language of Inkwell’s menus and messages. Your documents are not changed.',
} as const;
