import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../shared/errors.js';
import { loadBuiltInTemplates } from '../../electron/templates/builtInTemplates.js';
import { renderTemplate } from '../../electron/templates/renderTemplate.js';
import { shapeEnd } from '../../electron/templates/shapeStop.js';
import { parseTemplateFile, templateFileJson } from '../../electron/templates/templateFile.js';
import { TemplateSyntaxError, checkTemplate } from '../../electron/templates/templateSyntax.js';
import { validateDefinition } from '../../electron/templates/templateValidation.js';
import { templateDefinition, type TemplateField } from '../../shared/schemas/templates.js';

const builtIns = loadBuiltInTemplates();

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ApiError, String(error));
    return error;
  }
  return assert.fail('expected an ApiError');
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ApiError, String(error));
    return error;
  }
  return assert.fail('expected an ApiError');
}

function edgeValue(field: TemplateField, kind: 'empty' | 'long' | 'unicode'): string | number {
  if (field.type === 'choice') return field.choices.at(-1) ?? '';
  if (field.type === 'number') return field.max ?? field.min ?? 7;
  if (kind === 'empty') return field.required ? 'x' : '';
  if (kind === 'unicode') return 'Zoë 🦊 東京 — «ça»';
  return 'long '.repeat(field.type === 'text' ? 59 : 1500).trim();
}

describe('built-in templates', () => {
  it('has the fourteen kinds the library promises', () => {
    assert.equal(builtIns.length, 14);
  });
  for (const template of builtIns) {
    it(`${template.id} renders with defaults and edge values`, async () => {
      const rendered = await renderTemplate(template, {});
      assert.ok(rendered.opening.trim().length > 0);
      assert.ok(rendered.prompt.endsWith(rendered.opening));
      assert.ok(rendered.title.length > 0);
      for (const kind of ['empty', 'long', 'unicode'] as const) {
        const values = Object.fromEntries(template.fields.map((f) => [f.name, edgeValue(f, kind)]));
        const edge = await renderTemplate(template, values);
        assert.ok(edge.opening.trim().length > 0, kind);
        if (kind === 'unicode' && template.fields.some((f) => f.type === 'text')) {
          assert.match(edge.prompt, /🦊/);
        }
      }
    });
  }
});

describe('template syntax', () => {
  it('names line and column of an unclosed expression', () => {
    const error = assert.throws(() => checkTemplate('Title\n\nBy {{ author'), TemplateSyntaxError);
    void error;
    try {
      checkTemplate('Title\n\nBy {{ author');
    } catch (e) {
      assert.ok(e instanceof TemplateSyntaxError);
      assert.deepEqual(e.position, { line: 3, column: 4 });
      assert.match(e.message, /line 3, column 4: \{\{ is never closed/);
    }
  });
  it('names the tag that does not parse, and unbalanced blocks', () => {
    const cases: [string, RegExp][] = [
      ['a\n  {{ title + }}', /line 2, column 3: .*\{\{ title \+ \}\}/],
      ['{% if x %}\nhello', /line 1, column 1: \{% if %\} is never closed/],
      ['one\n{% endfor %}', /line 2, column 1: \{% endfor %\} without a block/],
      ['{{ a $ b }}', /line 1, column 1: Unexpected character: \$/],
    ];
    for (const [source, pattern] of cases) {
      assert.throws(() => checkTemplate(source), pattern, source);
    }
  });
  it('finds free variables, not loop variables, filters, attributes or tests', () => {
    const used = checkTemplate(
      '{% for w in words %}{{ w | upper }}{% endfor %}{{ person.name }}{% if mood is defined %}{% set n = 2 %}{{ n }}{% endif %}',
    );
    assert.deepEqual([...used.keys()].sort(), ['mood', 'person', 'words']);
  });
});

describe('rendering and validation', () => {
  const base = templateDefinition.parse({
    name: 'Test',
    kind: 'story',
    fields: [
      { name: 'title', label: 'Title', type: 'text', required: true },
      { name: 'mood', label: 'Mood', type: 'choice', choices: ['calm', 'wild'] },
      { name: 'lines', label: 'Lines', type: 'number', min: 1, max: 9, integer: true, default: 3 },
    ],
    body: '{{ title }} ({{ mood }}, {{ lines }})\n\n',
  });
  it('fills defaults and keeps the body trailing newlines', async () => {
    const rendered = await renderTemplate(base, { title: '  Rain  ' });
    assert.equal(rendered.opening, 'Rain (calm, 3)\n\n');
    assert.equal(rendered.title, 'Test');
  });
  it('reports unknown fields, missing required, bad choices and numbers together', async () => {
    const error = await rejection(renderTemplate(base, { nope: 'x', mood: 'sad', lines: 12 }));
    assert.equal(error.code, 'invalid_request');
    const messages = (error.issues ?? []).map((i) => `${i.path}: ${i.message}`);
    assert.ok(messages.some((m) => /fields.nope: This template has no field "nope"/.test(m)));
    assert.ok(messages.some((m) => /fields.title: "Title" is required/.test(m)));
    assert.ok(messages.some((m) => /must be one of: calm, wild/.test(m)));
    assert.ok(messages.some((m) => /"Lines" must be at most 9/.test(m)));
  });
  it('refuses a body that uses a variable which is not a field, with its place', async () => {
    const error = await rejection(
      renderTemplate({ ...base, body: 'x\n  {{ hero }}' }, { title: 'a' }),
    );
    assert.match(error.message, /line 2, column 3: "hero" is not one of this template's fields/);
  });
  it('reports a syntax error in the body with line and column', async () => {
    const error = await rejection(
      renderTemplate({ ...base, body: '{{ title }}\n{% if %}' }, { title: 'a' }),
    );
    assert.equal(error.issues?.[0]?.path, 'body');
    assert.match(error.message, /Template syntax error at line 2, column 1/);
  });
});

describe('fields named after what every JavaScript object has', () => {
  const names = ['toString', 'constructor', 'hasOwnProperty', 'valueOf'];
  const named = templateDefinition.parse({
    name: 'Named',
    kind: 'other',
    fields: names.map((name) => ({
      name,
      label: name,
      type: 'text',
      default: String(name.length),
    })),
    body: names.map((name) => `{{ ${name} }}`).join(' '),
  });
  it('take their defaults and the given values, never Object’s own', async () => {
    // Before: Object's toString was read as the value, and failed as "internal".
    assert.equal((await renderTemplate(named, {})).opening, '8 11 14 7');
    const given = Object.fromEntries(names.map((name) => [name, name.toUpperCase()]));
    assert.equal(
      (await renderTemplate(named, given)).opening,
      'TOSTRING CONSTRUCTOR HASOWNPROPERTY VALUEOF',
    );
  });
  it('are refused as __proto__, which a JSON object cannot carry', () => {
    const error = apiError(() =>
      validateDefinition({
        ...named,
        fields: [
          { name: '__proto__', label: 'P', type: 'text', required: false, help: '', default: '' },
        ],
        body: '{{ __proto__ }}',
      }),
    );
    assert.match(error.message, /A field cannot be called "__proto__"/);
  });
  it('are not block names in the syntax check', () => {
    assert.throws(() => checkTemplate('{% constructor %}x'), TemplateSyntaxError);
    assert.throws(() => checkTemplate('{% toString %}x{% endfor %}'), TemplateSyntaxError);
  });
});

describe('template files', () => {
  it('round-trips a built-in through its JSON', () => {
    const { id: _id, builtIn: _b, updatedAt: _u, ...definition } = builtIns[0]!;
    assert.deepEqual(parseTemplateFile(templateFileJson(definition)).definition, definition);
  });
  it('refuses malformed JSON with a line and column', () => {
    const error = apiError(() =>
      parseTemplateFile('{\n  "format": "inkwell-template",\n  oops\n}'),
    );
    assert.match(error.message, /not valid JSON: .*line 3, column 3/);
  });
  it('refuses other formats, oversized bodies and too many fields', () => {
    assert.match(apiError(() => parseTemplateFile('[1]')).message, /no JSON object/);
    assert.match(apiError(() => parseTemplateFile('{"format":"x"}')).message, /"format" should be/);
    const big = JSON.stringify({
      format: 'inkwell-template',
      version: 1,
      name: 'B',
      kind: 'poem',
      body: 'a'.repeat(20_001),
    });
    assert.match(
      apiError(() => parseTemplateFile(big)).message,
      /body is 20,001 characters long; a template may have at most 20,000/,
    );
    const fields = Array.from({ length: 31 }, (_, i) => ({
      name: `f${i}`,
      label: 'F',
      type: 'text',
    }));
    const many = JSON.stringify({
      format: 'inkwell-template',
      version: 1,
      name: 'M',
      kind: 'poem',
      body: 'x',
      fields,
    });
    assert.match(apiError(() => parseTemplateFile(many)).message, /31 fields; at most 30/);
  });
});

describe('shape stop', () => {
  it('ends after N lines, skipping leading blank lines', () => {
    const text = '\nfirst line\nsecond\nthird\nfourth';
    assert.equal(
      text.slice(0, shapeEnd(text, { unit: 'lines', count: 3 }) ?? -1),
      '\nfirst line\nsecond\nthird',
    );
    assert.equal(shapeEnd('a\nb', { unit: 'lines', count: 3 }), null);
  });
  it('ends after N stanzas', () => {
    const text = 'a\nb\n\nc\nd\n\n\ne\n\nf';
    assert.equal(
      text.slice(0, shapeEnd(text, { unit: 'stanzas', count: 2 }) ?? -1),
      'a\nb\n\nc\nd',
    );
  });
});
