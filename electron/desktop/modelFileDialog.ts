/**
 * The open dialog for adding a GGUF model, apart from Electron so that it runs in plain Node
 * with a stand-in dialog: what it offers (GGUF files, one at a time) and how its answer is read.
 */

import type { DialogText } from './fileTypes.js';

/** The part of Electron's OpenDialogOptions this dialog uses. */
export interface ModelDialogOptions {
  title: string;
  buttonLabel: string;
  properties: ['openFile'];
  filters: { name: string; extensions: string[] }[];
}

/** The part of Electron's OpenDialogReturnValue this dialog reads. */
export interface OpenDialogAnswer {
  canceled: boolean;
  filePaths: string[];
}

export type ShowOpenDialog = (options: ModelDialogOptions) => Promise<OpenDialogAnswer>;

export function modelDialogOptions(t: DialogText): ModelDialogOptions {
  return {
    title: t('addModelTitle'),
    buttonLabel: t('addModelButton'),
    properties: ['openFile'],
    // The validator, not the name, decides whether a file is a model; the filter only helps.
    filters: [{ name: t('fileTypes.gguf'), extensions: ['gguf'] }],
  };
}

/** Shows the dialog; the chosen file's path, or null when the writer cancelled. */
export async function chooseModelFile(show: ShowOpenDialog, t: DialogText): Promise<string | null> {
  const answer = await show(modelDialogOptions(t));
  const [file] = answer.filePaths;
  return answer.canceled || file === undefined || file === '' ? null : file;
}
