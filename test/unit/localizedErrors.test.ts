/**
 * Errors composed in main reach the writer in their language: main sends the English text and
 * the i18n key with its values, the key survives every hop, and the renderer shows the text in
 * the UI's language (or the English message when it does not know the key).
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { channelNames } from '../../shared/contract.js';
import { ApiError, LOCALIZED_LIMITS, isLocalizedMessage } from '../../shared/errors.js';
import { createI18n } from '../../shared/i18n/createI18n.js';
import {
  englishText,
  localized,
  localizedError,
  translateMessage,
} from '../../shared/i18n/localizedMessage.js';
import { apiErrorShape, loadedModelInfo } from '../../shared/schemas/engine.js';
import { cpuAfterGpuFailure } from '../../electron/engine/host/llamaBackend.js';
import { DownloadError } from '../../electron/models/modelDownloads.js';
import { chineseText } from './support/chineseText.js';
import type { Handlers } from '../../electron/core/handler.js';
import { createRouter } from '../../electron/ipc/router.js';
import { resolveFieldValues } from '../../electron/templates/fieldValues.js';
import { validateDefinition } from '../../electron/templates/templateValidation.js';
import { describeError, describeIssue, reportText } from '../../renderer/ui/describeError.js';
import { i18n } from '../../renderer/i18n/i18n.js';
import { backendTitle, modelTitle } from '../../renderer/editor/continue/statusFormat.js';
import { issueFor } from '../../renderer/panels/generationSettings/settingsForm.js';
import { issuesByControl } from '../../renderer/panels/templates/editorDraft.js';
import { issuesByField } from '../../renderer/panels/templates/fieldValues.js';
import type { EngineStatus } from '../../shared/schemas/engine.js';

afterEach(() => i18n.changeLanguage('en'));

const chinese = createI18n('zh-CN');

function routerThrowing(error: unknown) {
  const handlers = Object.fromEntries(
    channelNames.map((name) => [
      name,
      () => {
        throw error;
      },
    ]),
  ) as unknown as Handlers;
  return createRouter(handlers, () => undefined);
}

describe('localized errors in main', () => {
  it('fill message with the English text of the key, and carry the key and values', () => {
    const error = localizedError('not_found', 'errors:history.noGeneration', { id: 'gen_42' });
    assert.equal(error.message, 'There is no generation gen_42 in the history.');
    assert.deepEqual(error.localized, {
      key: 'errors:history.noGeneration',
      values: { id: 'gen_42' },
    });
    assert.deepEqual(error.toJSON(), {
      code: 'not_found',
      message: 'There is no generation gen_42 in the history.',
      localized: { key: 'errors:history.noGeneration', values: { id: 'gen_42' } },
    });
  });

  it('translate a message nested as a value in the same language as the outer one', () => {
    const reason = localized('errors:gguf.endsEarly', {
      what: localized('errors:gguf.part.tensorType', { name: 'blk.0.attn_qkv.weight' }),
      size: 1234,
    });
    const message = localized('errors:gguf.cannotUse', { reason });
    assert.equal(
      englishText(message),
      'This model file cannot be used: the file ends in the middle of the type of tensor blk.0.attn_qkv.weight (it has 1234 bytes; truncated download?).',
    );
    assert.equal(
      translateMessage(chinese, message),
      '无法使用此模型文件：文件在读取张量 blk.0.attn_qkv.weight 的类型时意外结束（文件共 1234 字节；是否下载不完整？）。',
    );
  });

  it('cross the router with the key intact', async () => {
    const thrown = localizedError('conflict', 'errors:presets.nameTaken', { name: 'Noir' });
    const reply = await routerThrowing(thrown).dispatch(
      'documents.list',
      {},
      { transport: 'test', clientId: 'unit' },
    );
    assert.deepEqual(reply, {
      ok: false,
      error: {
        code: 'conflict',
        message: 'There is already a preset called "Noir".',
        localized: { key: 'errors:presets.nameTaken', values: { name: 'Noir' } },
      },
    });
  });

  it('the router’s own errors carry keys too: an unknown channel, an unexpected failure', async () => {
    const router = routerThrowing(new Error('secret'));
    const context = { transport: 'test', clientId: 'unit' } as const;
    const unknown = await router.dispatch('documents.explode', {}, context);
    assert.deepEqual(unknown.ok ? null : unknown.error.localized, {
      key: 'errors:request.unknownChannel',
      values: { channel: 'documents.explode' },
    });
    const failed = await router.dispatch('documents.list', {}, context);
    assert.equal(failed.ok ? null : failed.error.localized?.key, 'errors:internal.unexpected');
  });

  it('survive the JSON of the WebSocket and the schema of events and host messages', () => {
    const error = localizedError('invalid_request', 'errors:prompt.noRoom', {
      maxNewTokens: 900,
      contextSize: 1024,
    });
    const received = ApiError.from(JSON.parse(JSON.stringify(error.toJSON())) as never);
    assert.deepEqual(received.localized, error.localized);
    assert.deepEqual(apiErrorShape.parse(error.toJSON()), error.toJSON());
  });

  it('drop a malformed or oversized key on arrival and keep the English message', () => {
    const tooDeep = [...Array(LOCALIZED_LIMITS.depth + 1).keys()].reduce<object>(
      (inner) => ({ key: 'errors:gguf.cannotUse', values: { reason: inner } }),
      { key: 'errors:gguf.empty' },
    );
    const bad = [
      { key: 'not a key' },
      { key: 'errors:gguf.empty', values: { detail: 'x'.repeat(LOCALIZED_LIMITS.valueChars + 1) } },
      { key: 'errors:gguf.empty', values: { detail: ['array'] } },
      { key: 'errors:gguf.empty', extra: true },
      tooDeep,
    ];
    for (const localizedValue of bad) {
      assert.equal(isLocalizedMessage(localizedValue), false, JSON.stringify(localizedValue));
      const error = ApiError.from({
        code: 'internal',
        message: 'English',
        localized: localizedValue as never,
      });
      assert.equal(error.localized, undefined);
      assert.equal(describeError(error), 'English');
    }
  });
});

describe('what main says about models and the engine', () => {
  it('says why the model runs on the CPU by key, and the key survives the host protocol', async () => {
    const selection = await cpuAfterGpuFailure('cuda', new Error('out of device memory\nat …'));
    assert.equal(selection.backend, 'cpu');
    const reason = selection.fallbackReason;
    assert.deepEqual(reason, {
      key: 'errors:engine.gpuCouldNotHold',
      values: { backend: 'cuda', detail: 'out of device memory' },
    });
    assert.ok(reason);
    assert.equal(
      englishText(reason),
      'The model could not be loaded on cuda (out of device memory), so it runs on the CPU.',
    );
    assert.equal(
      chineseText(reason),
      '无法在 cuda 上加载模型（out of device memory），因此模型改在 CPU 上运行。',
    );
    const info = {
      path: '/m.gguf',
      fileName: 'm.gguf',
      architecture: 'gpt2',
      description: '',
      sizeBytes: 1,
      contextSize: 64,
      trainContextSize: 64,
      layers: 1,
      embeddingSize: 8,
      vocabularySize: 10,
      backend: 'cpu',
      devices: [],
      gpuLayers: 0,
      fallbackReason: englishText(reason),
      fallbackReasonLocalized: reason,
      threads: { generation: 1, prompt: 1, source: 'user' },
      loadMs: 1,
      memory: {
        modelBytes: 1,
        contextBytes: 1,
        hostRssBytes: 1,
        vramBytes: null,
        freeVramBytes: null,
        totalVramBytes: null,
        measuredAt: 1,
      },
    };
    assert.deepEqual(loadedModelInfo.parse(info).fallbackReasonLocalized, reason);
    const malformed = { ...info, fallbackReasonLocalized: { key: 'not a key' } };
    assert.equal(loadedModelInfo.parse(malformed).fallbackReasonLocalized, undefined);
  });

  it('words download failures by key, with the English they always had', () => {
    const error = new DownloadError('errors:models.download.stalled', {
      fileName: 'gpt2.gguf',
      seconds: 90,
    });
    assert.equal(
      error.message,
      'The download of gpt2.gguf stalled: no data for 90 s. Check the connection and try again.',
    );
    assert.equal(
      chineseText(error.localized),
      'gpt2.gguf 的下载已停滞：90 秒内没有收到数据。请检查网络连接后重试。',
    );
  });
});

describe('describeError in the renderer', () => {
  it('gives the Chinese text under zh-CN, with the values in place', async () => {
    await i18n.changeLanguage('zh-CN');
    const error = ApiError.from(
      localizedError('conflict', 'errors:documents.changedElsewhere', {
        title: '灯塔',
        current: 4,
        base: 3,
      }).toJSON(),
    );
    assert.equal(
      describeError(error),
      '“灯塔”在你打开后已在别处被修改（现为第 4 版，你打开的是第 3 版）。没有覆盖任何内容；你的文字仍在编辑器中。',
    );
  });

  it('gives the English text under English', () => {
    const error = localizedError('unavailable', 'errors:continue.noModel');
    assert.equal(
      describeError(error),
      'No model is loaded. Load a model in the Models panel, then press Continue again.',
    );
  });

  it('falls back to the message for a key it does not know, even one nested in the values', async () => {
    await i18n.changeLanguage('zh-CN');
    const unknown = new ApiError('internal', 'From a newer main.', undefined, {
      key: 'errors:fromTheFuture',
    });
    assert.equal(describeError(unknown), 'From a newer main.');
    const nestedUnknown = new ApiError('internal', 'Cannot use it.', undefined, {
      key: 'errors:gguf.cannotUse',
      values: { reason: { key: 'errors:gguf.fromTheFuture' } },
    });
    assert.equal(describeError(nestedUnknown), 'Cannot use it.');
  });

  it('reads a plain error shape (as events carry them) the same way', async () => {
    await i18n.changeLanguage('zh-CN');
    const shape = localizedError('internal', 'errors:history.interrupted').toJSON();
    assert.equal(describeError(shape), '已中断：Inkwell 在这次生成完成前停止了。');
  });

  it('joins what failed and why with a full-width colon in Chinese', async () => {
    const error = localizedError('not_found', 'errors:documents.gone');
    assert.equal(
      reportText(error, 'Could not open the document'),
      'Could not open the document: That document no longer exists. It may have been removed.',
    );
    await i18n.changeLanguage('zh-CN');
    assert.equal(reportText(error, '无法打开文档'), '无法打开文档：该文档已不存在，可能已被删除。');
    assert.equal(reportText('not an error'), '发生了意外错误。');
  });

  it('translates field-level issues of a template, and counts the others', async () => {
    await i18n.changeLanguage('zh-CN');
    const field = { type: 'text', name: 'hero', label: 'Hero', required: true, default: '' };
    let caught: unknown;
    try {
      resolveFieldValues([field] as never, { villain: 'x' });
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof ApiError);
    assert.equal(
      caught.message,
      'This template has no field "villain" (its fields: hero). (and 1 more)',
    );
    assert.equal(
      describeError(caught),
      '该模板没有字段“villain”（它的字段：hero）。（另有 1 个问题）',
    );
    assert.deepEqual(caught.issues?.map(describeIssue), [
      '该模板没有字段“villain”（它的字段：hero）。',
      '“Hero”为必填项。',
    ]);
  });

  it('translates a template syntax error with its line and column', async () => {
    await i18n.changeLanguage('zh-CN');
    const definition = {
      name: 'Story',
      description: '',
      kind: 'opening',
      fields: [],
      preamble: '',
      body: 'Once {% if x %} upon',
      title: '',
      params: {},
    };
    let caught: unknown;
    try {
      validateDefinition(definition as never);
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof ApiError);
    assert.match(
      caught.message,
      /^The template cannot be used\. body: Template syntax error at line 1, column 6: \{% if %\} is never closed/,
    );
    const text = describeError(caught);
    assert.match(
      text,
      /^该模板无法使用。body：模板语法错误，位于第 1 行，第 6 列：\{% if %\} 没有闭合/,
    );
    assert.doesNotMatch(text, /\{\{|errors:/);
  });
});

describe('the renderer shows what main sent in the writer’s language', () => {
  it('the status bar’s tooltips: the engine’s message and the CPU-fallback reason', async () => {
    const detail = localized('errors:engine.exit.signal', { signal: 'SIGKILL' });
    const messageLocalized = localized('errors:engine.stoppedRestarts', { detail });
    const crashed: EngineStatus = {
      state: 'crashed',
      model: null,
      loadingPath: null,
      message: englishText(messageLocalized),
      messageLocalized,
      notice: null,
    };
    assert.equal(
      modelTitle(crashed),
      'The model engine stopped unexpectedly (it was ended by SIGKILL). It starts again on the next request.',
    );
    const reason = localized('errors:engine.anyGpuDidNotStart', { detail: 'no driver' });
    const ready = {
      state: 'ready',
      model: {
        path: '/m.gguf',
        fallbackReason: englishText(reason),
        fallbackReasonLocalized: reason,
      },
      loadingPath: null,
      message: null,
      notice: null,
    } as unknown as EngineStatus;
    await i18n.changeLanguage('zh-CN');
    assert.equal(
      modelTitle(crashed),
      '模型引擎意外停止（被 SIGKILL 信号终止）。下次请求时会重新启动。',
    );
    assert.equal(modelTitle(ready), '/m.gguf');
    assert.equal(backendTitle(ready), 'GPU 后端无法启动（no driver），因此模型改在 CPU 上运行。');
    // Without a key (an older main), the English text is shown.
    assert.equal(modelTitle({ ...crashed, messageLocalized: undefined }), crashed.message);
  });

  it('field-level issues next to their controls', async () => {
    await i18n.changeLanguage('zh-CN');
    const issue = {
      path: 'fields.hero',
      message: '"Hero" is required.',
      localized: localized('errors:templates.fields.required', { label: 'Hero' }),
    };
    assert.deepEqual(issuesByField([issue]), { hero: '“Hero”为必填项。' });
    assert.deepEqual(issuesByControl([{ ...issue, path: 'template.fields.2.label' }]), {
      fields: ['2.label：“Hero”为必填项。'],
    });
    assert.equal(
      issueFor([{ ...issue, path: 'params.temperature' }], 'params.temperature'),
      '“Hero”为必填项。',
    );
    assert.equal(issueFor([{ path: 'memory', message: 'Too long.' }], 'memory'), 'Too long.');
  });
});
