/**
 * The Simplified Chinese text of a localized message from main, after checking that it is
 * complete: every key in it (nested messages included) has a Chinese string of its own (not the
 * English fallback), and no placeholder or key is left in the text.
 */
import assert from 'node:assert/strict';
import type { LocalizedMessage } from '../../../shared/errors.js';
import { createI18n } from '../../../shared/i18n/createI18n.js';
import { englishText, translateMessage } from '../../../shared/i18n/localizedMessage.js';

const chinese = createI18n('zh-CN');

function assertKeysInChinese(message: LocalizedMessage): void {
  const [namespace = '', path = ''] = message.key.split(':');
  const plural = typeof message.values?.count === 'number' ? '_other' : '';
  const text: unknown = chinese.getResource('zh-CN', namespace, `${path}${plural}`);
  assert.equal(typeof text, 'string', `${message.key} has no Chinese text`);
  for (const value of Object.values(message.values ?? {})) {
    if (typeof value === 'object') assertKeysInChinese(value);
  }
}

export function chineseText(message: LocalizedMessage | undefined): string {
  assert.ok(message, 'the message carries an i18n key');
  assertKeysInChinese(message);
  const text = translateMessage(chinese, message);
  assert.doesNotMatch(text, /\{\{|errors:/, text);
  assert.notEqual(text, englishText(message));
  return text;
}
