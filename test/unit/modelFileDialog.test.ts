/**
 * The desktop's "Choose file…" dialog for a model, with a stand-in for Electron's
 * dialog.showOpenDialog (Electron cannot run here): what it offers, and how its answer is read.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  chooseModelFile,
  type ModelDialogOptions,
  type OpenDialogAnswer,
} from '../../electron/desktop/modelFileDialog.js';

function dialogAnswering(answer: OpenDialogAnswer) {
  const shown: ModelDialogOptions[] = [];
  return {
    shown,
    show: (options: ModelDialogOptions) => {
      shown.push(options);
      return Promise.resolve(answer);
    },
  };
}

describe('the model file dialog', () => {
  it('offers one GGUF file and answers its path', async () => {
    const dialog = dialogAnswering({ canceled: false, filePaths: ['/home/w/gpt2.gguf'] });
    assert.equal(await chooseModelFile(dialog.show), '/home/w/gpt2.gguf');
    assert.equal(dialog.shown.length, 1);
    assert.deepEqual(dialog.shown[0]?.properties, ['openFile']);
    assert.deepEqual(dialog.shown[0]?.filters, [{ name: 'GGUF model', extensions: ['gguf'] }]);
  });

  it('answers null when the writer cancels or chooses nothing', async () => {
    const cancelled = dialogAnswering({ canceled: true, filePaths: ['/home/w/gpt2.gguf'] });
    assert.equal(await chooseModelFile(cancelled.show), null);
    assert.equal(
      await chooseModelFile(dialogAnswering({ canceled: false, filePaths: [] }).show),
      null,
    );
    assert.equal(
      await chooseModelFile(dialogAnswering({ canceled: false, filePaths: [''] }).show),
      null,
    );
  });
});
