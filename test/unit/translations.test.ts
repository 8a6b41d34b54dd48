/**
 * Every UI string exists in both languages: the same keys (Chinese may omit English `_one`
 * plural forms), no empty text, the same placeholders, and Chinese that is actually translated.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createI18n } from '../../shared/i18n/createI18n.js';
import { matchLanguage, resolveLanguage } from '../../shared/i18n/languages.js';
import { namespaces, resources } from '../../shared/i18n/resources.js';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [inner, text] of leaves(value, path)) found.set(inner, text);
  }
  return found;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1] ?? '').sort();

/** Words that are the same in Chinese UI text: names and file formats. */
const SAME_IN_BOTH =
  /^[\s\d.,:;/()+\-–—…×%·'"“”‘’&]*(?:(?:GGUF|PDF|DOCX|HTML|Markdown|JSON|JSON Lines|CPU|CUDA|Vulkan|Metal|GPU|VRAM|RAM|Inkwell|English|Hugging Face|URL|hf:|top-k|top-p|min-p|f16|q8_0|f32|MB|GB|KB|ms|tokens\/s|Tab|Esc|Enter|Alt|Ctrl|Shift|Cmd|\{\{[^}]+\}\})[\s\d.,:;/()+\-–—…×%·'"“”‘’&]*)*$/;

describe('translations', () => {
  for (const namespace of namespaces) {
    const english = leaves(resources.en[namespace] as Tree);
    const chinese = leaves(resources['zh-CN'][namespace] as Tree);

    it(`${namespace}: every English string has a Chinese one and nothing is left over`, () => {
      const needed = [...english.keys()].filter((key) => !key.endsWith('_one'));
      assert.deepEqual(
        needed.filter((key) => !chinese.has(key)),
        [],
        'missing in zh-CN',
      );
      assert.deepEqual(
        [...chinese.keys()].filter((key) => !english.has(key)),
        [],
        'only in zh-CN',
      );
    });

    it(`${namespace}: no empty strings, the same placeholders, Chinese text really translated`, () => {
      for (const [key, text] of english) {
        assert.ok(text.trim().length > 0, `en ${namespace}:${key} is empty`);
        const translated = chinese.get(key);
        if (translated === undefined) continue;
        assert.ok(translated.trim().length > 0, `zh-CN ${namespace}:${key} is empty`);
        const englishPlaceholders = placeholders(key.endsWith('_one') ? '' : text);
        assert.deepEqual(
          placeholders(translated),
          englishPlaceholders,
          `${namespace}:${key} has different placeholders`,
        );
        if (translated === text)
          assert.match(text, SAME_IN_BOTH, `zh-CN ${namespace}:${key} is still English`);
      }
    });
  }

  it('English plurals have both the one and the other form', () => {
    const plurals = [...leaves(resources.en as unknown as Tree).keys()].filter((key) =>
      key.endsWith('_other'),
    );
    for (const key of plurals) {
      const one = key.replace(/_other$/, '_one');
      assert.ok(leaves(resources.en as unknown as Tree).has(one), `${key} has no _one form`);
    }
  });
});

describe('which language the writer gets', () => {
  it('follows the system: the first of its languages that Inkwell speaks', () => {
    assert.equal(resolveLanguage('system', ['fr-FR', 'zh-CN', 'en-US']), 'zh-CN');
    assert.equal(resolveLanguage('system', ['en-GB', 'zh-CN']), 'en');
    assert.equal(resolveLanguage('system', ['de', 'fr']), 'en');
    assert.equal(resolveLanguage('system', []), 'en');
  });

  it('gives every Chinese variant Simplified Chinese', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-Hans-CN', 'zh_SG', 'zh-TW', 'zh-Hant-HK'])
      assert.equal(matchLanguage(tag), 'zh-CN', tag);
  });

  it('a chosen language wins over the system', () => {
    assert.equal(resolveLanguage('en', ['zh-CN']), 'en');
    assert.equal(resolveLanguage('zh-CN', ['en-US']), 'zh-CN');
  });

  it('an i18n instance answers in its language and falls back to English for a missing key', () => {
    const i18n = createI18n('zh-CN');
    assert.equal(i18n.t('menu:continue'), '续写');
    assert.equal(createI18n('en').t('menu:continue'), 'Continue writing');
  });
});
