/**
 * The app shell and the editor in the writer's language: counts, dates and the status bar's
 * figures come out in Chinese when the UI is Chinese (and stay as they were in English), and a
 * Chinese word count counts each Han character, as Word and WPS do.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { createHeadlessEditor } from '@lexical/headless';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { i18n } from '../../renderer/i18n/i18n.js';
import { countText, countWords, type TextCounts } from '../../shared/textCounts.js';
import { registerWordCount } from '../../renderer/editor/continue/incrementalWordCount.js';
import { PendingTextNode } from '../../renderer/editor/continue/PendingTextNode.js';
import {
  contextText,
  contextTitle,
  modelText,
  speedText,
} from '../../renderer/editor/continue/statusFormat.js';
import { displayTitle, firstWords, isUntitled } from '../../renderer/ui/displayTitle.js';
import { formatFullTime, formatShortTime } from '../../renderer/ui/formatTime.js';

afterEach(() => i18n.changeLanguage('en'));

const plan = {
  promptTokens: 312,
  maxNewTokens: 80,
  contextSize: 1024,
  droppedTokens: 0,
  droppedTokensEstimated: false,
};

describe('Chinese word count', () => {
  it('counts each Han character as one word, and not the full-width punctuation', () => {
    assert.equal(countWords('你好，世界！'), 4);
    assert.equal(countWords('“春眠不觉晓，处处闻啼鸟。”'), 10);
  });

  it('counts Latin words and numbers inside Chinese text as one word each', () => {
    assert.equal(countWords('我有3个iPhone'), 5);
    assert.equal(countWords('GPT-2 模型续写了 120 个字'), 9);
  });

  it('gives the same totals block by block as for the whole text', () => {
    const paragraphs = ['第一章', '他说：“我们走吧。”', 'Then 她 left.'];
    const editor = createHeadlessEditor({
      namespace: 'inkwell-chinese-count-test',
      nodes: [PendingTextNode],
      onError: (error) => {
        throw error;
      },
    });
    editor.update(
      () => {
        for (const text of paragraphs)
          $getRoot().append($createParagraphNode().append($createTextNode(text)));
      },
      { discrete: true },
    );
    let counts: TextCounts | null = null;
    const unregister = registerWordCount(editor, (next) => (counts = next));
    assert.deepEqual(counts, countText(paragraphs.join('\n\n')));
    assert.deepEqual(counts, { words: 12, characters: 25 });
    unregister();
  });
});

describe('counts in the UI language', () => {
  it('English: one word, many words, with digit grouping', () => {
    assert.equal(i18n.t('common:words', { count: 1 }), '1 word');
    assert.equal(i18n.t('common:words', { count: 12345 }), '12,345 words');
    assert.equal(i18n.t('editor:characters', { count: 1 }), '1 character');
  });

  it('Chinese: 字 and 字符, whatever the number', async () => {
    await i18n.changeLanguage('zh-CN');
    assert.equal(i18n.t('common:words', { count: 1 }), '1 字');
    assert.equal(i18n.t('common:words', { count: 12345 }), '12,345 字');
    assert.equal(i18n.t('editor:characters', { count: 2 }), '2 字符');
  });
});

describe('dates in the UI language', () => {
  const now = new Date(2024, 2, 15, 18, 0);
  const earlierToday = new Date(2024, 2, 15, 14, 5).getTime();
  const thisYear = new Date(2024, 2, 4, 9, 0).getTime();
  const lastYear = new Date(2023, 10, 20, 9, 0).getTime();

  it('English, as before', () => {
    assert.match(formatShortTime(earlierToday, now), /^0?2:05\sPM$/);
    assert.equal(formatShortTime(thisYear, now), 'Mar 4');
    assert.equal(formatShortTime(lastYear, now), 'Nov 20, 2023');
    assert.match(formatFullTime(thisYear), /^Mar 4, 2024, 9:00:00\sAM$/);
  });

  it('Chinese when the UI is Chinese, whatever the system says', async () => {
    await i18n.changeLanguage('zh-CN');
    assert.equal(formatShortTime(earlierToday, now), '14:05');
    assert.equal(formatShortTime(thisYear, now), '3月4日');
    assert.equal(formatShortTime(lastYear, now), '2023年11月20日');
    assert.equal(formatFullTime(thisYear), '2024年3月4日 09:00:00');
  });
});

describe('the status bar in the UI language', () => {
  it('English figures are unchanged', () => {
    assert.equal(contextText(plan), 'Context 312 + 80 / 1,024');
    assert.equal(speedText(123.4), '123 tokens/s');
    assert.equal(speedText(4.25), '4.3 tokens/s');
    assert.equal(speedText(5), '5.0 tokens/s');
    assert.equal(contextTitle({ ...plan, droppedTokens: 1200 }).startsWith('1,200 earlier'), true);
    assert.equal(
      contextTitle({ ...plan, droppedTokens: 3, droppedTokensEstimated: true }),
      '3 (about) earlier tokens do not fit and are left out',
    );
  });

  it('Chinese figures and words', async () => {
    await i18n.changeLanguage('zh-CN');
    assert.equal(contextText(plan), '上下文 312 + 80 / 1,024');
    assert.equal(speedText(4.25), '4.3 词元/秒');
    assert.equal(modelText(null, null), '模型：…');
    assert.equal(
      contextTitle({ ...plan, droppedTokens: 1200 }),
      '前面有 1,200 个词元放不下，未计入',
    );
  });

  it('names the load step in the UI language', async () => {
    const loading = {
      state: 'loading',
      model: null,
      loadingPath: '/models/gpt2.gguf',
      message: null,
      notice: null,
    } as const;
    const progress = { path: '/models/gpt2.gguf', step: 'loading model', progress: 0.42 } as const;
    assert.equal(modelText(loading, progress), 'Loading model… loading model 42%');
    assert.equal(modelText(loading, null), 'Loading model…');
    await i18n.changeLanguage('zh-CN');
    assert.equal(modelText(loading, progress), '正在加载模型… 读取模型 42%');
    assert.equal(
      modelText(loading, { ...progress, step: 'creating context', progress: null }),
      '正在加载模型… 创建上下文',
    );
  });
});

describe('untitled documents', () => {
  it('shows a document without a title as untitled in the UI language', async () => {
    assert.equal(displayTitle('  '), 'Untitled');
    assert.equal(displayTitle('Untitled'), 'Untitled');
    assert.equal(displayTitle(' Chapter one '), 'Chapter one');
    await i18n.changeLanguage('zh-CN');
    // Main stores "Untitled" for a document without a title: that is data, not the UI's word.
    assert.equal(displayTitle('Untitled'), '无标题');
    assert.equal(displayTitle(''), '无标题');
    assert.equal(displayTitle('第一章'), '第一章');
    assert.equal(isUntitled('Untitled draft'), false);
  });

  it('names an untitled document by its first words, and only an empty one "Untitled"', async () => {
    await i18n.changeLanguage('en');
    const text = 'The keeper climbed the stairs at dusk and lit the lamp for the boats.';
    assert.equal(displayTitle('Untitled', text), 'The keeper climbed the stairs at…');
    assert.equal(displayTitle('', '  Short note. '), 'Short note.');
    assert.equal(displayTitle('Untitled', '   '), 'Untitled');
    assert.equal(displayTitle('Chapter one', text), 'Chapter one', 'a title of its own wins');
    assert.equal(firstWords('x'.repeat(100)), `${'x'.repeat(40)}…`);
  });
});
