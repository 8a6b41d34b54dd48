import type { Translation } from '../../translation.js';
import type { common as english } from '../en/common.js';

export const common: Translation<typeof english> = {
  cancel: '取消',
  close: '关闭',
  save: '保存',
  delete: '删除',
  retry: '重试',
  dismiss: '关闭提示',
  undo: '撤销',
  nextSentence: '{{first}}{{second}}',
  loading: '正在加载…',
  language: '语言',
  languageSystem: '跟随系统（{{language}}）',
  languageHint: 'Inkwell 菜单和提示所用的语言。不会改动你的文档。',
  untitled: '无标题',
  withShortcut: '{{label}}（{{shortcut}}）',
  // 中文字数：每个汉字算一个字，和 Word、WPS 的“字数”一致。
  words_other: '{{count, number}} 字',
};
