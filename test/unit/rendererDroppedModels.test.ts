/**
 * Files dropped on the window: .gguf files go to the models library, the rest to the document
 * import. In a browser no dropped file has a path, so the writer is pointed to the path field.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BROWSER_MODEL_DROP_MESSAGE,
  addDroppedModels,
  splitDroppedFiles,
} from '../../renderer/panels/models/droppedModels.js';

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
    assert.deepEqual(result, { added: [], problems: [BROWSER_MODEL_DROP_MESSAGE] });
    assert.match(BROWSER_MODEL_DROP_MESSAGE, /Models panel/);
    assert.match(BROWSER_MODEL_DROP_MESSAGE, /path/);
  });

  it('nothing dropped, nothing said', async () => {
    assert.deepEqual(await addDroppedModels([], undefined), { added: [], problems: [] });
  });
});
