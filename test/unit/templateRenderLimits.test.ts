/**
 * Template rendering under limits. In process: each counted limit (steps, characters, items,
 * nesting) stops a render and is named, range() is priced before it allocates, and templates
 * within the limits render exactly as @huggingface/jinja renders them. The renderer in main,
 * with a stand-in process: a render past its deadline is killed and the next one gets a fresh
 * process, a process that dies in a job is the memory limit, waiting is bounded. With the real
 * render process: its heap is capped, and a template that exhausts it ends that process only.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Template } from '@huggingface/jinja';
import { ApiError } from '../../shared/errors.js';
import { renderBounded } from '../../electron/templates/boundedJinja.js';
import { loadBuiltInTemplates } from '../../electron/templates/builtInTemplates.js';
import { checkWithinLimits } from '../../electron/templates/limitCheck.js';
import { resolveFieldValues } from '../../electron/templates/fieldValues.js';
import { RENDER_LIMITS } from '../../electron/templates/renderLimits.js';
import { templateDefinition } from '../../shared/schemas/templates.js';
import type { RenderProcess } from '../../electron/templates/renderProcess.js';
import type { RenderJob, TemplateSources } from '../../electron/templates/renderProtocol.js';
import {
  MAX_WAITING_RENDERS,
  TemplateRenderer,
} from '../../electron/templates/templateRenderer.js';

const body = (source: string): TemplateSources => ({ preamble: '', body: source, title: '' });
/** A string of 73,728 characters (under the character limit), built in a few steps. */
const LONG =
  '{% set ns = namespace(s="xxxxxxx\\n ") %}{% for i in range(13) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}';

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ApiError, String(error));
    return error;
  }
  return assert.fail('expected an ApiError');
}

describe('counted limits (in the render process)', () => {
  const limits = RENDER_LIMITS;
  const stopped = (source: string) => renderBounded(body(source), [], limits);

  it('prices range() before it builds the list, so a huge one is refused at once', () => {
    // Before: the library pushed a billion numbers and V8 aborted the process.
    assert.deepEqual(stopped('{% for i in range(1000000000) %}{% endfor %}x'), {
      type: 'limit',
      part: 'body',
      limit: 'steps',
    });
    assert.deepEqual(stopped('{{ range(100000000)|length }}'), {
      type: 'limit',
      part: 'body',
      limit: 'steps',
    });
  });

  it('counts every loop turn, an empty body included', () => {
    const outcome = stopped(
      '{% for i in range(5000) %}{% for j in range(5000) %}{% endfor %}{% endfor %}',
    );
    assert.deepEqual(outcome, { type: 'limit', part: 'body', limit: 'steps' });
  });

  it('stops a value longer than the character limit as soon as it exists', () => {
    const outcome = stopped(`${LONG}{% set ns.s = ns.s ~ ns.s %}done`);
    assert.deepEqual(outcome, { type: 'limit', part: 'body', limit: 'chars' });
  });

  it('stops a list with more items than the item limit', () => {
    assert.deepEqual(stopped('{{ range(20000)|length }}'), {
      type: 'limit',
      part: 'body',
      limit: 'items',
    });
  });

  it('stops nesting deeper than the depth limit (a macro calling itself)', () => {
    const outcome = stopped('{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}');
    assert.deepEqual(outcome, { type: 'limit', part: 'body', limit: 'depth' });
  });

  it('shares one budget between the parts and names the part that ran out', () => {
    // About 40,000 steps each: two parts fit in the budget, the third does not.
    const aThird = '{% for i in range(100) %}{% for j in range(200) %}{% endfor %}{% endfor %}';
    const outcome = renderBounded(
      { preamble: `${aThird}a`, body: `${aThird}b`, title: `${aThird}c` },
      [],
      limits,
    );
    assert.deepEqual(outcome, { type: 'limit', part: 'title', limit: 'steps' });
  });

  it("passes the library's own errors on as the template's failure", () => {
    const outcome = stopped('{{ x|no_such_filter }}');
    assert.equal(outcome.type, 'failed');
  });

  it('renders templates within the limits exactly as the library does', () => {
    const sources = [
      '{% for w in words.split() %}{{ loop.index }}. {{ w|upper }}\n{% endfor %}',
      '{% set ns = namespace(n=0) %}{% for i in range(10) %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}',
      '{% macro line(t) %}<{{ t }}>{% endmacro %}{{ line(name) }}{{ name|length }}',
      '{% if count > 3 %}many{% else %}few{% endif %} {{ range(2, 11, 3)|join(",") }}',
    ];
    const values: [string, string | number][] = [
      ['words', 'one two three'],
      ['name', 'Zoë 🦊'],
      ['count', 5],
    ];
    for (const source of sources) {
      const expected = new Template(`${source}\n`).render(Object.fromEntries(values));
      assert.deepEqual(renderBounded(body(source), values, limits), {
        type: 'rendered',
        parts: { preamble: '', body: expected, title: '' },
      });
    }
    for (const template of loadBuiltInTemplates()) {
      const fields = resolveFieldValues(template.fields, {});
      const parts = { preamble: template.preamble, body: template.body, title: template.title };
      const outcome = renderBounded(parts, Object.entries(fields), limits);
      assert.equal(outcome.type, 'rendered', template.id);
      if (outcome.type !== 'rendered') continue;
      for (const part of ['preamble', 'body', 'title'] as const) {
        const expected = parts[part] === '' ? '' : new Template(`${parts[part]}\n`).render(fields);
        assert.equal(outcome.parts[part], expected, `${template.id} ${part}`);
      }
    }
  });

  it('lets a field named after an object built-in or a global hold its value', () => {
    const values: [string, string | number][] = [
      ['toString', 'a'],
      ['constructor', 'b'],
      ['hasOwnProperty', 'c'],
      ['range', 'd'],
    ];
    const outcome = renderBounded(
      body('{{ toString }}{{ constructor }}{{ hasOwnProperty }}{{ range }}'),
      values,
      limits,
    );
    assert.deepEqual(outcome, {
      type: 'rendered',
      parts: { preamble: '', body: 'abcd', title: '' },
    });
  });
});

/** A render process that does what each test tells it to, and records what main did to it. */
class StandInProcess implements RenderProcess {
  readonly jobs: RenderJob[] = [];
  killed = false;
  private messageListener: (message: unknown) => void = () => undefined;
  private exitListener: (detail: string) => void = () => undefined;

  postMessage(message: RenderJob): void {
    this.jobs.push(message);
  }
  onMessage(listener: (message: unknown) => void): void {
    this.messageListener = listener;
  }
  onExit(listener: (detail: string) => void): void {
    this.exitListener = listener;
  }
  kill(): void {
    this.killed = true;
    this.exitListener('killed');
  }
  send(message: unknown): void {
    this.messageListener(message);
  }
  die(): void {
    this.exitListener('exit code null, signal SIGABRT');
  }
}

function standIns(): { spawned: StandInProcess[]; renderer: TemplateRenderer } {
  const spawned: StandInProcess[] = [];
  const renderer = new TemplateRenderer({
    spawn: () => {
      const child = new StandInProcess();
      spawned.push(child);
      // Ready on the next turn, as a real process is.
      queueMicrotask(() => child.send({ type: 'ready', heapLimitMb: 64 }));
      return child;
    },
    // A stand-in never answers on its own; the deadline is what is under test.
    limits: { timeMs: 20 },
  });
  return { spawned, renderer };
}

/** Waits until the stand-in has received its nth job. */
async function jobArrived(child: StandInProcess | undefined, count = 1): Promise<RenderJob> {
  while (!child || child.jobs.length < count) await new Promise((resolve) => setImmediate(resolve));
  return child.jobs[count - 1]!;
}

describe('the renderer in main', () => {
  it('kills a render that runs past its deadline and starts the next job in a fresh process', async () => {
    const { spawned, renderer } = standIns();
    const slow = renderer.render(body('slow'), []);
    const next = renderer.render(body('next'), []);
    const error = await rejection(slow);
    assert.equal(error.localized?.key, 'errors:templates.limits.time');
    assert.match(error.message, /longer than 0.02 seconds/);
    assert.equal(spawned[0]?.killed, true);
    const job = await jobArrived(spawned[1]);
    assert.equal(job.sources.body, 'next');
    spawned[1]?.send({ type: 'rendered', id: job.id, parts: body('done') });
    assert.deepEqual(await next, body('done'));
    renderer.dispose();
  });

  it('reports a process that dies during a job as the memory limit, and carries on', async () => {
    const { spawned, renderer } = standIns();
    const hungry = renderer.render(body('hungry'), []);
    await jobArrived(spawned[0]);
    spawned[0]?.die();
    const error = await rejection(hungry);
    assert.equal(error.localized?.key, 'errors:templates.limits.memory');
    assert.match(error.message, new RegExp(`more than ${RENDER_LIMITS.memoryMb} MB`));
    const after = renderer.render(body('after'), []);
    const job = await jobArrived(spawned[1]);
    spawned[1]?.send({ type: 'rendered', id: job.id, parts: body('fine') });
    assert.deepEqual(await after, body('fine'));
    renderer.dispose();
  });

  it('names the counted limit and the part, in a message for the form', async () => {
    const { spawned, renderer } = standIns();
    const pending = renderer.render(body('x'), []);
    const job = await jobArrived(spawned[0]);
    spawned[0]?.send({ type: 'limit', id: job.id, part: 'preamble', limit: 'steps' });
    const error = await rejection(pending);
    assert.equal(error.code, 'invalid_request');
    assert.equal(error.issues?.[0]?.path, 'preamble');
    assert.match(error.message, /The preamble stopped after 100,000 steps/);
    renderer.dispose();
  });

  it('refuses more waiting renders than it queues, so waiting stays bounded', async () => {
    const { spawned, renderer } = standIns();
    const first = renderer.render(body('first'), []);
    await jobArrived(spawned[0]);
    const queued = Array.from({ length: MAX_WAITING_RENDERS }, () =>
      renderer.render(body('queued'), []).catch((error: unknown) => error),
    );
    const refused = await rejection(renderer.render(body('one too many'), []));
    assert.equal(refused.code, 'unavailable');
    assert.equal(refused.localized?.key, 'errors:templates.limits.busy');
    renderer.dispose();
    await rejection(first);
    for (const error of await Promise.all(queued)) assert.ok(error instanceof ApiError);
  });
});

describe('the render process', () => {
  it('runs with its heap capped, far below what V8 would allow by default', async () => {
    const renderer = new TemplateRenderer();
    assert.deepEqual(await renderer.render(body('{{ 1 + 1 }}'), []), body('2'));
    const cap = renderer.heapLimitMb;
    assert.ok(cap !== null && cap <= RENDER_LIMITS.memoryMb * 2, `heap limit ${cap} MB`);
    renderer.dispose();
  });

  it('ends only itself when a template exhausts its heap in one call; the next render works', async () => {
    const renderer = new TemplateRenderer();
    // 4,096 items of 73,728 characters written as JSON: over 300 MB in one call of the library.
    const hungry = `${LONG}{% set ns.a = [ns.s] %}{% for i in range(12) %}{% set ns.a = ns.a + ns.a %}{% endfor %}{{ ns.a|tojson|length }}`;
    const error = await rejection(renderer.render(body(hungry), []));
    assert.equal(error.localized?.key, 'errors:templates.limits.memory');
    assert.deepEqual(await renderer.render(body('still {{ "here" }}'), []), body('still here'));
    renderer.dispose();
  });
});

describe('a template about to be stored', () => {
  const renderer = new TemplateRenderer();
  const withBody = (source: string) =>
    templateDefinition.parse({
      name: 'T',
      kind: 'other',
      fields: [{ name: 'count', label: 'Count', type: 'number', default: 100_000_000 }],
      body: source,
    });

  it('is refused when its own defaults take it past a limit, with that limit named', async () => {
    const error = await rejection(
      checkWithinLimits(withBody('{{ range(count)|length }}'), renderer, 'templateFile'),
    );
    assert.equal(error.code, 'invalid_request');
    assert.match(
      error.message,
      /^The template file cannot be used\. body: The body stopped after 100,000 steps/,
    );
  });

  it('passes when it stays within them, and leaves other failures to the preview', async () => {
    await checkWithinLimits(withBody('{{ count }} words'), renderer, 'template');
    await checkWithinLimits(withBody('{{ count|no_such_filter }}'), renderer, 'template');
    renderer.dispose();
  });
});
