/**
 * The templates panel's pure helpers: gallery search, form values and rules, editor draft; and
 * what the writer reads of them (built-in templates included) in Chinese.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { groupByKind, matchesSearch } from '../../renderer/panels/templates/galleryFilter.js';
import {
  fieldProblem,
  fieldValues,
  formProblems,
  initialText,
  issuesByField,
  parseNumber,
} from '../../renderer/panels/templates/fieldValues.js';
import {
  definitionFrom,
  draftFrom,
  issueControl,
  issuesByControl,
  savedAsDefinition,
} from '../../renderer/panels/templates/editorDraft.js';
import { tokenSummary } from '../../renderer/panels/templates/previewText.js';
import {
  displayedTemplate,
  fieldText,
  kindLabel,
  templateDescription,
  templateName,
} from '../../renderer/panels/templates/templateText.js';
import { i18n } from '../../renderer/i18n/i18n.js';
import { template, templateField, type Template } from '../../shared/schemas/templates.js';

const fields = [
  { name: 'title', label: 'Title', type: 'text', required: true, default: 'Moon' },
  { name: 'notes', label: 'Notes', type: 'longText' },
  { name: 'mood', label: 'Mood', type: 'choice', choices: ['calm', 'stormy'] },
  { name: 'lines', label: 'Lines', type: 'number', min: 3, max: 14, integer: true, default: 5 },
].map((field) => templateField.parse(field));

const haiku: Template = template.parse({
  id: 'haiku',
  builtIn: true,
  updatedAt: null,
  name: 'Haiku',
  kind: 'poem',
  description: 'Three lines',
  fields,
  body: '{{ title }}\n',
  title: '{{ title }}',
});

const samplePreview = {
  prompt: 'p',
  opening: 'o',
  title: 't',
  fields: {},
  promptTokens: 300,
  contextSize: 512,
  maxNewTokens: 80,
  roomForOutput: 212,
  fits: true,
};

const entry = (id: string, name: string, kind: string, builtIn = true) => ({
  id,
  name,
  kind,
  description: `A ${name.toLowerCase()}`,
  builtIn,
});

describe('templates gallery', () => {
  it('finds every typed word in the name, kind or description, in any case', () => {
    const sonnet = entry('sonnet', 'Sonnet', 'poem');
    assert.equal(matchesSearch(sonnet, ''), true);
    assert.equal(matchesSearch(sonnet, 'POEM son'), true);
    assert.equal(matchesSearch(sonnet, 'poem letter'), false);
  });

  it('groups by kind in first-seen order, built-ins first, then by name', () => {
    const groups = groupByKind(
      [
        entry('sonnet', 'Sonnet', 'poem'),
        entry('fable', 'Fable', 'story'),
        entry('user-a', 'Another haiku', 'poem', false),
        entry('haiku', 'Haiku', 'poem'),
      ],
      '',
    );
    assert.deepEqual(
      groups.map((group) => [group.kind, group.templates.map((t) => t.id)]),
      [
        ['poem', ['haiku', 'sonnet', 'user-a']],
        ['story', ['fable']],
      ],
    );
    assert.deepEqual(groupByKind([entry('fable', 'Fable', 'story')], 'sonnet'), []);
  });
});

describe('templates form values', () => {
  it('opens with the defaults, a choice on its first option', () => {
    assert.deepEqual(initialText(fields), { title: 'Moon', notes: '', mood: 'calm', lines: '5' });
  });

  it('reads numbers only when they are whole numbers as typed', () => {
    assert.equal(parseNumber(' 12 '), 12);
    assert.equal(parseNumber('-1.5'), -1.5);
    assert.equal(parseNumber('1.'), null);
    assert.equal(parseNumber(''), null);
    assert.equal(parseNumber('1e3'), null);
  });

  it('checks required, ranges, whole numbers and choices like the server', () => {
    const [title, notes, mood, lines] = fields;
    assert.ok(title && notes && mood && lines);
    assert.equal(fieldProblem(title, '  '), 'Required.');
    assert.equal(fieldProblem(notes, ''), null);
    assert.equal(fieldProblem(title, 'x'.repeat(301)), 'Keep it to 300 characters (now 301).');
    assert.equal(fieldProblem(mood, 'sunny'), 'Choose one of: calm, stormy.');
    assert.equal(fieldProblem(lines, '2'), 'Use a number from 3 to 14.');
    assert.equal(fieldProblem(lines, '4.5'), 'Enter a whole number.');
    assert.equal(fieldProblem(lines, 'abc'), 'Enter a number.');
    assert.equal(fieldProblem(lines, ''), null, 'an empty number takes its default');
    assert.deepEqual(formProblems(fields, { title: '', mood: 'calm', lines: '20' }), {
      title: 'Required.',
      lines: 'Use a number from 3 to 14.',
    });
  });

  it('sends text as typed and numbers as numbers, an empty number left to its default', () => {
    assert.deepEqual(fieldValues(fields, { title: 'Sea', notes: '', mood: 'stormy', lines: '7' }), {
      title: 'Sea',
      notes: '',
      mood: 'stormy',
      lines: 7,
    });
    assert.equal('lines' in fieldValues(fields, { lines: ' ' }), false);
  });

  it('routes the server’s issues to the fields they name', () => {
    assert.deepEqual(
      issuesByField([
        { path: 'fields.title', message: '"Title" is required.' },
        { path: 'body', message: 'line 2, column 4: unexpected }' },
      ]),
      { title: '"Title" is required.' },
    );
  });

  it('says how much room the output has, and when the prompt would be cut', () => {
    assert.equal(
      tokenSummary(samplePreview),
      '300 of 512 tokens; room for 212 more tokens (asks for up to 80).',
    );
    assert.match(
      tokenSummary({ ...samplePreview, roomForOutput: 0, fits: false }),
      /no room.*will be cut/,
    );
  });
});

describe('templates editor draft', () => {
  it('round-trips a template through the draft', () => {
    const result = definitionFrom(draftFrom(haiku));
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.deepEqual(result.definition.fields, haiku.fields);
    assert.equal(result.definition.title, '{{ title }}');
  });

  it('points at the fields when their JSON is broken or not a list', () => {
    const draft = draftFrom(haiku);
    const broken = definitionFrom({ ...draft, fieldsJson: '[{' });
    assert.equal(broken.ok, false);
    assert.equal(!broken.ok && broken.part, 'fields');
    const notList = definitionFrom({ ...draft, fieldsJson: '{}' });
    assert.match(!notList.ok ? notList.message : '', /JSON list/);
    const none = definitionFrom({ ...draft, fieldsJson: ' ' });
    assert.deepEqual(none.ok && none.definition.fields, []);
  });

  it('routes issues to editor controls, with or without the request’s "template." prefix', () => {
    assert.equal(issueControl('template.fields.2.name'), 'fields');
    assert.equal(issueControl('body'), 'body');
    assert.deepEqual(
      issuesByControl([
        { path: 'template.fields.2.name', message: 'bad name' },
        { path: 'body', message: 'Template syntax error at line 3, column 5' },
      ]),
      { fields: ['2.name: bad name'], body: ['Template syntax error at line 3, column 5'] },
    );
  });

  it('saves as a new template with the typed values as defaults, keeping what does not fit', () => {
    const saved = savedAsDefinition(haiku, 'My haiku', {
      title: 'Frogs',
      mood: 'sunny',
      lines: '9',
    });
    assert.equal(saved.name, 'My haiku');
    assert.equal('id' in saved, false);
    const byName = Object.fromEntries((saved.fields ?? []).map((f) => [f.name, f.default]));
    assert.deepEqual(byName, { title: 'Frogs', notes: '', mood: undefined, lines: 9 });
  });
});

describe('templates in Chinese', () => {
  afterEach(() => i18n.changeLanguage('en'));

  const sonnet = { id: 'sonnet', builtIn: true, name: 'Sonnet', description: 'Fourteen lines' };

  it('says what is wrong with a value, and how the prompt fits, in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    const [title, , mood, lines] = fields;
    assert.ok(title && mood && lines);
    assert.equal(fieldProblem(title, ''), '必填。');
    assert.equal(fieldProblem(lines, '2'), '请输入 3 到 14 之间的数字。');
    assert.equal(fieldProblem(mood, 'sunny'), '请从以下选项中选择一个：calm、stormy。');
    assert.equal(
      tokenSummary({ ...samplePreview, roomForOutput: 0, fits: false }),
      '300 / 512 个词元；已没有留给输出的空间（最多请求 80 个）。提示词的开头将被截去以腾出空间。',
    );
    const notList = definitionFrom({ ...draftFrom(haiku), fieldsJson: '{}' });
    assert.equal(!notList.ok && notList.message, '字段必须是 JSON 列表：[ {…}, {…} ]。');
  });

  it('names built-in templates, their kinds, fields and choices in Chinese, by id', async () => {
    await i18n.changeLanguage('zh-CN');
    assert.equal(templateName(sonnet), '十四行诗');
    assert.equal(
      templateDescription({ ...sonnet, id: 'haiku' }),
      '一首三行俳句，前面有季节诗集中的两首范例。',
    );
    assert.equal(kindLabel('poem'), '诗歌');
    const season = templateField.parse({
      name: 'season',
      label: 'Season',
      type: 'choice',
      choices: ['Spring', 'Autumn'],
    });
    const words = fieldText(haiku, season);
    assert.equal(words.label, '季节');
    assert.equal(words.choiceLabel('Autumn'), '秋');
    const saved = displayedTemplate({ ...haiku, fields: [season] });
    assert.equal(saved.name, '俳句');
    assert.deepEqual(saved.fields[0]?.type === 'choice' && saved.fields[0].choices, [
      'Spring',
      'Autumn',
    ]);
  });

  it('shows the writer’s own templates (and unknown fields) as they wrote them', async () => {
    await i18n.changeLanguage('zh-CN');
    assert.equal(templateName({ ...sonnet, id: 'user-abc', builtIn: false }), 'Sonnet');
    assert.equal(templateName({ ...sonnet, builtIn: false }), 'Sonnet');
    const [, notes] = fields;
    assert.ok(notes);
    assert.equal(fieldText(haiku, notes).label, 'Notes', 'haiku has no field "notes"');
    assert.equal(kindLabel('limerick'), 'limerick');
  });

  it('keeps English as it was', () => {
    assert.equal(templateName(sonnet), 'Sonnet');
    assert.equal(kindLabel('poem'), 'poem');
    const [title] = fields;
    assert.ok(title);
    assert.equal(fieldText(haiku, title).label, 'Title');
  });
});
