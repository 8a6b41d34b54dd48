/**
 * Renders Jinja (@huggingface/jinja) under counted limits: every evaluation and every loop turn
 * costs a step, range(n) costs n steps before its list is built, and any value longer than the
 * character limit, any list or mapping with more items than the item limit, and nesting deeper
 * than the depth limit stop the render at once, naming the limit. It runs in the render process
 * (renderHost.ts); time and memory are bounded from outside, by main killing that process.
 */
import { Environment, Interpreter, Template } from '@huggingface/jinja';
import type {
  CountedLimit,
  CountedLimits,
  RenderOutcome,
  TemplateSources,
} from './renderProtocol.js';
import { TEMPLATE_PARTS } from './renderProtocol.js';

/** The library's runtime value, as far as this file reads it (its types do not resolve here). */
interface RuntimeValue {
  value: unknown;
}
/** The library's interpreter, as far as this file overrides it. */
interface JinjaInterpreter {
  evaluate(statement: unknown, environment: unknown): RuntimeValue;
  evaluateBlock(statements: unknown, environment: unknown): RuntimeValue;
  run(program: unknown): RuntimeValue;
}
interface JinjaEnvironment {
  set(name: string, value: unknown): void;
}
type InterpreterClass = new (environment: JinjaEnvironment) => JinjaInterpreter;
type EnvironmentClass = new (parent?: JinjaEnvironment) => JinjaEnvironment;

const BaseInterpreter = Interpreter as InterpreterClass;
const JinjaEnvironmentClass = Environment as EnvironmentClass;

/** Thrown inside a render to stop it; never leaves this file. */
class LimitReached extends Error {
  constructor(readonly limit: CountedLimit) {
    super(`template render limit reached: ${limit}`);
  }
}

class Budget {
  private steps = 0;
  private depth = 0;

  constructor(private readonly limits: CountedLimits) {}

  spend(steps: number): void {
    this.steps += steps;
    // Written so that a count that is not a number (a range past 1e308) is over, too.
    if (!(this.steps <= this.limits.steps)) throw new LimitReached('steps');
  }

  enter(): void {
    this.depth += 1;
    if (this.depth > this.limits.depth) throw new LimitReached('depth');
  }

  leave(): void {
    this.depth -= 1;
  }

  /** Refuses a value too large to keep, as soon as it exists. */
  check(result: RuntimeValue): void {
    const { value } = result;
    if (typeof value === 'string') {
      if (value.length > this.limits.chars) throw new LimitReached('chars');
    } else if (Array.isArray(value)) {
      if (value.length > this.limits.items) throw new LimitReached('items');
    } else if (value instanceof Map && value.size > this.limits.items) {
      throw new LimitReached('items');
    }
  }
}

class BoundedInterpreter extends BaseInterpreter {
  constructor(
    environment: JinjaEnvironment,
    private readonly budget: Budget,
  ) {
    super(environment);
  }

  override evaluate(statement: unknown, environment: unknown): RuntimeValue {
    this.budget.spend(1);
    try {
      this.budget.enter();
      const result = super.evaluate(statement, environment);
      this.budget.check(result);
      return result;
    } finally {
      this.budget.leave();
    }
  }

  /** Loop bodies and branches are blocks; an empty loop body still costs a step a turn. */
  override evaluateBlock(statements: unknown, environment: unknown): RuntimeValue {
    this.budget.spend(1);
    const result = super.evaluateBlock(statements, environment);
    this.budget.check(result);
    return result;
  }
}

/** The library's globals, with range() priced before it allocates. */
function globalsFor(budget: Budget): JinjaEnvironment {
  const globals = new JinjaEnvironmentClass();
  for (const [name, value] of Object.entries({ true: true, false: false, none: null })) {
    globals.set(name, value);
    globals.set(name.charAt(0).toUpperCase() + name.slice(1), value);
  }
  globals.set('raise_exception', (message: unknown) => {
    throw new Error(String(message));
  });
  globals.set('range', (...args: unknown[]) => boundedRange(args, budget));
  globals.set('strftime_now', (format: unknown) => strftimeNow(String(format)));
  return globals;
}

/** Python's range(stop) / range(start, stop[, step]); its length is paid for first. */
function boundedRange(args: unknown[], budget: Budget): number[] {
  const numbers = args.map((arg) => {
    if (typeof arg !== 'number' || !Number.isFinite(arg)) {
      throw new Error('range() arguments must be numbers');
    }
    return arg;
  });
  const [start, stop, step] =
    numbers.length === 1
      ? [0, numbers[0] ?? 0, 1]
      : [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 1];
  if (step === 0) throw new Error('range() step must not be zero');
  const length = Math.max(0, Math.ceil((stop - start) / step));
  budget.spend(length);
  return Array.from({ length }, (_, index) => start + index * step);
}

const TWO_DIGITS = (n: number): string => String(n).padStart(2, '0');
const DATE_PARTS: Record<string, (date: Date) => string> = {
  Y: (date) => String(date.getFullYear()),
  m: (date) => TWO_DIGITS(date.getMonth() + 1),
  d: (date) => TWO_DIGITS(date.getDate()),
  H: (date) => TWO_DIGITS(date.getHours()),
  M: (date) => TWO_DIGITS(date.getMinutes()),
  // The system's language, as the library names months.
  b: (date) => date.toLocaleString(undefined, { month: 'short' }),
  B: (date) => date.toLocaleString(undefined, { month: 'long' }),
  '%': () => '%',
};

/** The library's strftime_now: today's date in a few of strftime's directives. */
function strftimeNow(format: string): string {
  const now = new Date();
  return format.replace(/%(.)/g, (directive, letter: string) =>
    Object.hasOwn(DATE_PARTS, letter) ? (DATE_PARTS[letter]?.(now) ?? directive) : directive,
  );
}

/** Renders the three parts with one budget between them; the first part to stop says why. */
export function renderBounded(
  sources: TemplateSources,
  values: [string, string | number][],
  limits: CountedLimits,
): RenderOutcome {
  const budget = new Budget(limits);
  const globals = globalsFor(budget);
  const parts: TemplateSources = { preamble: '', body: '', title: '' };
  for (const part of TEMPLATE_PARTS) {
    const source = sources[part];
    if (source === '') continue;
    try {
      parts[part] = renderPart(source, globals, values, budget);
    } catch (error) {
      const limit = limitOf(error);
      if (limit !== null) return { type: 'limit', part, limit };
      return {
        type: 'failed',
        part,
        detail: error instanceof Error ? error.message : String(error),
      };
    }
  }
  return { type: 'rendered', parts };
}

function renderPart(
  source: string,
  globals: JinjaEnvironment,
  values: [string, string | number][],
  budget: Budget,
): string {
  // Jinja drops one trailing newline of the source; the added one keeps the writer's own.
  const program = new Template(`${source}\n`).parsed as unknown;
  // Fields live in a scope of their own above the globals, so a field may even be called "range".
  const scope = new JinjaEnvironmentClass(globals);
  for (const [name, value] of values) scope.set(name, value);
  const result = new BoundedInterpreter(scope, budget).run(program).value;
  return typeof result === 'string' ? result : String(result);
}

/** Which limit an error means: ours, or V8's own refusal of a string or list that long. */
function limitOf(error: unknown): CountedLimit | null {
  if (error instanceof LimitReached) return error.limit;
  if (error instanceof RangeError) {
    if (/string length/i.test(error.message)) return 'chars';
    if (/array length/i.test(error.message)) return 'items';
    if (/call stack/i.test(error.message)) return 'depth';
  }
  return null;
}
