/** Words many parts of the UI use. */
export const common = {
  cancel: 'Cancel',
  close: 'Close',
  save: 'Save',
  delete: 'Delete',
  retry: 'Try again',
  dismiss: 'Dismiss',
  undo: 'Undo',
  /** Two sentences of one message, in the order they are read. */
  nextSentence: '{{first}} {{second}}',
  loading: 'Loading…',
  language: 'Language',
  languageSystem: 'System ({{language}})',
  languageHint: 'The language of Inkwell’s menus and messages. Your documents are not changed.',
  /** A document without a title, wherever it is named. */
  untitled: 'Untitled',
  /** A button's or a command's name with its keyboard shortcut, for tooltips. */
  withShortcut: '{{label}} ({{shortcut}})',
  /** Words as a word processor counts them: each Chinese or Japanese character is one. */
  words_one: '{{count, number}} word',
  words_other: '{{count, number}} words',
} as const;
