/**
 * Files dropped on the window: .gguf files go to the models library, the rest to the document
 * import. In a browser no dropped file has a path, so the writer is pointed to the path field.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { Reply } from '../../shared/errors.js';
import type { ModelRecord } from '../../shared/schemas/models.js';
import { i18n } from '../../renderer/i18n/i18n.js';
import {
  addDroppedModels,
  browserModelDropMessage,
  splitDroppedFiles,
} from '../../renderer/panels/models/droppedModels.js';
import { joinSentences } from '../../renderer/i18n/joinSentences.js';

afterEach(() => i18n.changeLanguage('en'));

describe('dropped files', () => {
  it('are split into models (.gguf, any case) and documents', () => {
    const files = [
      new File(['# Title'], 'chapter.md'),
      new File(['GGUF'], 'gpt2.gguf'),
      new File(['GGUF'], 'Story-Model.GGUF'),
      new File(['x'], 'notes.txt'),
      new File(['x'], 'gguf'),
    ];
    const { models, documents } = splitDroppedFiles(files);
    assert.deepEqual(
      models.map((file) => file.name),
      ['gpt2.gguf', 'Story-Model.GGUF'],
    );
    assert.deepEqual(
      documents.map((file) => file.name),
      ['chapter.md', 'notes.txt', 'gguf'],
    );
  });

  it('in a browser, a dropped model is not added and the message points to the path field', async () => {
    const result = await addDroppedModels([new File(['GGUF'], 'gpt2.gguf')], undefined);
    assert.deepEqual(result, { added: [], problems: [browserModelDropMessage()] });
    assert.match(browserModelDropMessage(), /Models panel/);
    assert.match(browserModelDropMessage(), /path/);
  });

  it('says so in Chinese when the UI is in Chinese, naming the panel’s button as it is named there', async () => {
    await i18n.changeLanguage('zh-CN');
    const result = await addDroppedModels([new File(['GGUF'], 'gpt2.gguf')], undefined);
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0] ?? '', /“模型”面板/);
    assert.match(result.problems[0] ?? '', /“添加 GGUF 文件”/);
  });

  it('names each file that was not added, with the reason, in the UI language', async () => {
    const refuse = (): Promise<Reply<ModelRecord>> => Promise.reject(new Error(''));
    const files = [new File(['x'], 'a.gguf'), new File(['x'], 'b.gguf')];
    assert.deepEqual((await addDroppedModels(files, refuse)).problems, [
      'a.gguf was not added: it failed',
      'b.gguf was not added: it failed',
    ]);
    await i18n.changeLanguage('zh-CN');
    assert.deepEqual((await addDroppedModels(files, refuse)).problems, [
      'a.gguf 未添加：添加失败',
      'b.gguf 未添加：添加失败',
    ]);
  });

  it('joins sentences with a space in English and without one in Chinese', async () => {
    assert.equal(joinSentences([]), '');
    assert.equal(joinSentences(['One.']), 'One.');
    assert.equal(joinSentences(['One.', 'Two.', 'Three.']), 'One. Two. Three.');
    await i18n.changeLanguage('zh-CN');
    assert.equal(joinSentences(['一。', '二。', '三。']), '一。二。三。');
  });

  it('nothing dropped, nothing said', async () => {
    assert.deepEqual(await addDroppedModels([], undefined), { added: [], problems: [] });
  });
});
