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
import { createI18n } from '../../shared/i18n/createI18n.js';

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

const english = createI18n('en').getFixedT(null, 'menu');

describe('the model file dialog', () => {
  it('offers one GGUF file and answers its path', async () => {
    const dialog = dialogAnswering({ canceled: false, filePaths: ['/home/w/gpt2.gguf'] });
    assert.equal(await chooseModelFile(dialog.show, english), '/home/w/gpt2.gguf');
    assert.equal(dialog.shown.length, 1);
    assert.deepEqual(dialog.shown[0]?.properties, ['openFile']);
    assert.deepEqual(dialog.shown[0]?.filters, [{ name: 'GGUF model', extensions: ['gguf'] }]);
  });

  it('answers null when the writer cancels or chooses nothing', async () => {
    const cancelled = dialogAnswering({ canceled: true, filePaths: ['/home/w/gpt2.gguf'] });
    assert.equal(await chooseModelFile(cancelled.show, english), null);
    assert.equal(
      await chooseModelFile(dialogAnswering({ canceled: false, filePaths: [] }).show, english),
      null,
    );
    assert.equal(
      await chooseModelFile(dialogAnswering({ canceled: false, filePaths: [''] }).show, english),
      null,
    );
  });

  it('speaks the writer’s language', async () => {
    const dialog = dialogAnswering({ canceled: true, filePaths: [] });
    await chooseModelFile(dialog.show, createI18n('zh-CN').getFixedT(null, 'menu'));
    assert.equal(dialog.shown[0]?.title, '添加 GGUF 模型');
    assert.deepEqual(dialog.shown[0]?.filters, [{ name: 'GGUF 模型', extensions: ['gguf'] }]);
  });
});
