/**
 * A small validator with zod's semantics, for the browser: the widgets check
 * the feed with it instead of zod, so no cdn/ bundle carries zod (issue #9).
 * `validate-feed.ts` writes the feed contract with these combinators; zod
 * (`schema.ts`) stays the source of truth for the validator CLI and the JSON
 * Schema, and tests/feed/validate-parity.test.ts proves that both give the
 * same value and the same issues (path and message) for every input.
 *
 * Only what the feed needs, each one doing what its zod 4 counterpart does
 * (zod/v4/core/schemas.js and checks.js), down to the order of the issues and
 * which checks still run after one:
 *
 * | here | zod/mini |
 * | --- | --- |
 * | `str(...checks)`, `num(...)`, `int(...)`, `bool()` | `z.string().check(...)`, `z.number()`, `z.int()`, `z.boolean()` |
 * | `trim`, `minLength(n)`, `maxLength(n)`, `pattern(re, key)`, `refine(fn, key)`, `gte(n)`, `lte(n)`, `lt(n)` | `z.trim()`, `z.minLength(n)`, …, `z.regex(re, { error })`, `z.refine(fn, { error })` |
 * | `oneOf(values, key?)` | `z.enum(values, { error? })` |
 * | `arr(item, max, min?, ...more)` | `z.array(item).check(z.maxLength(max), z.minLength(min), ...more)` |
 * | `superRefine(fn)` | `z.superRefine((v, ctx) => ctx.addIssue(...))` |
 * | `obj(shape, ...checks)`, `record(key, value, ...checks)`, `union(options, own)` | `z.object(...).check(...)`, `z.record`, `z.union` |
 * | `optional(s)`, `withDefault(s, value)`, `fallback(s, value)` | `z.optional`, `z._default`, `z.catch` |
 * | `pipe(s, fn)`, `lazy(() => s)` | `z.pipe(s, z.transform(fn))`, a getter in the shape |
 *
 * The rules zod follows, kept here:
 * - a type check that fails stops the value's other checks (the issue is not
 *   `continue`), except the length checks, which run on anything with a
 *   `length` (a list given for a text is also "too long") unless an issue
 *   stopped the value outright (`continue: false`: a number that is not whole,
 *   a list over its limit, whose entries are then not read);
 * - a format or range check that fails lets the next checks run;
 * - a union returns the first option without issues, else the one option that
 *   was not stopped, else one `invalid_union` issue;
 * - an object reads its own keys in the shape's order (never `__proto__`) and
 *   ignores others; a record skips `__proto__` keys;
 * - a message is the schema's own (`message()` keys) or else `describeIssue`.
 *
 * Pure and DOM-free, no `eval`; it recurses only along the schema's nesting
 * (the parser refuses an item nested deeper than 24 levels before this runs).
 */
import { describeIssue, message, type MessageKey, type RawIssue } from './messages.js';

/** An issue as zod raises it, before its message is chosen. */
export interface Issue extends RawIssue {
  /** Where, inside the validated value. */
  path: PropertyKey[];
  /** zod's `continue`: the value's later checks still run after this issue. */
  continue?: boolean;
  /** The schema's own message (zod's `error` option); `undefined` from it means the general one. */
  own?: ((issue: Issue) => string | undefined) | undefined;
}

/** A value being validated, and what was found in it (zod's payload). */
export interface Payload {
  value: unknown;
  issues: Issue[];
  /** Set by a pipe that stopped: nothing after it may read the value. */
  aborted?: boolean;
}

export interface Schema {
  /** Validates `payload.value`; returns the payload to use from then on (zod's `_zod.run`). */
  run(payload: Payload): Payload;
  /** How a missing key is taken (zod's `optin`): allowed, or filled in with a default. */
  optin?: 'optional' | 'defaulted' | undefined;
  /** zod's `optout`: the output may lack the key. */
  optout?: 'optional' | undefined;
}

export interface Check {
  (payload: Payload): void;
  /** A length check (zod's `when`): runs after a type issue too, on anything with a `length`. */
  sized?: true;
}

/** A finished issue: where, and the sentence for the person who publishes the feed. */
export interface FoundIssue {
  readonly path: PropertyKey[];
  readonly message: string;
}

export type Validation =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issues: readonly FoundIssue[] };

/** A value's validation, as `parseFeed` uses it (from this module or from zod: `validate-zod.ts`). */
export type Validate = (value: unknown) => Validation;

// ---------------------------------------------------------------- running

/** An issue stops the value (zod's `util.aborted`). */
const stopped = (p: Payload): boolean => p.aborted === true || p.issues.some((i) => i.continue !== true);

/** An issue says so outright (zod's `util.explicitlyAborted`). */
const stoppedOutright = (p: Payload): boolean => p.aborted === true || p.issues.some((i) => i.continue === false);

const issue = (p: Payload, fields: Omit<Issue, 'path' | 'input'>): void => {
  p.issues.push({ ...fields, input: p.value, path: [] });
};

/** The schema's own message for an issue: a `message()` key. */
const says =
  (key: MessageKey): Issue['own'] =>
  () =>
    message(key);

function runChecks(p: Payload, checks: readonly Check[]): Payload {
  for (const check of checks) {
    if (check.sized) {
      const value = p.value as { length?: unknown } | null | undefined;
      if (stoppedOutright(p) || value === null || value === undefined || value.length === undefined) continue;
    } else if (stopped(p)) {
      continue;
    }
    check(p);
  }
  return p;
}

const prefixed = (key: PropertyKey, issues: Issue[]): Issue[] => {
  for (const found of issues) found.path.unshift(key);
  return issues;
};

/** Validates `value` with `schema`: the value it becomes, or the issues with their messages. */
export const validator =
  (schema: Schema): Validate =>
  (value) => {
    const { value: out, issues } = schema.run({ value, issues: [] });
    return issues.length === 0
      ? { ok: true, value: out }
      : { ok: false, issues: issues.map((found) => ({ path: found.path, message: found.own?.(found) ?? describeIssue(found) })) };
  };

// ---------------------------------------------------------------- primitives and their checks

const typed = (expected: string, ok: (value: unknown) => boolean, checks: readonly Check[]): Schema => ({
  run(p) {
    if (!ok(p.value)) issue(p, { code: 'invalid_type', expected });
    return runChecks(p, checks);
  },
});

export const str = (...checks: Check[]): Schema => typed('string', (v) => typeof v === 'string', checks);
export const num = (...checks: Check[]): Schema => typed('number', Number.isFinite, checks);
export const bool = (): Schema => typed('boolean', (v) => typeof v === 'boolean', []);

/** A whole number, in the safe integer range (zod's `int` format comes before the other checks). */
const whole: Check = (p) => {
  const n = p.value as number;
  if (!Number.isInteger(n)) issue(p, { code: 'invalid_type', expected: 'int', continue: false });
  else if (n > Number.MAX_SAFE_INTEGER) issue(p, { code: 'too_big', origin: 'int', maximum: Number.MAX_SAFE_INTEGER, continue: true });
  else if (n < Number.MIN_SAFE_INTEGER) issue(p, { code: 'too_small', origin: 'int', minimum: Number.MIN_SAFE_INTEGER, continue: true });
};
export const int = (...checks: Check[]): Schema => num(whole, ...checks);

/** Surrounding spaces removed. */
export const trim: Check = (p) => {
  p.value = (p.value as string).trim();
};

/** Code points in `s`: a surrogate pair counts once (zod measures texts so). */
function codePoints(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

const lengthOrigin = (value: unknown): string =>
  Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'unknown';

/** At most `max` entries, or characters. Compares as zod does, whatever `length` holds. */
export function maxLength(max: number): Check {
  const check: Check = (p) => {
    const units = (p.value as { length: number }).length;
    const length = typeof p.value === 'string' && units > max ? codePoints(p.value) : units;
    if (length <= max) return;
    issue(p, { code: 'too_big', origin: lengthOrigin(p.value), maximum: max, continue: true });
  };
  check.sized = true;
  return check;
}

/** At least `min` entries, or characters. */
export function minLength(min: number): Check {
  const check: Check = (p) => {
    const units = (p.value as { length: number }).length;
    const length = typeof p.value === 'string' && units >= min && units < min * 2 ? codePoints(p.value) : units;
    if (length >= min) return;
    issue(p, { code: 'too_small', origin: lengthOrigin(p.value), minimum: min, continue: true });
  };
  check.sized = true;
  return check;
}

/** Matches `re`, else the message `key`. */
export const pattern =
  (re: RegExp, key: MessageKey): Check =>
  (p) => {
    re.lastIndex = 0;
    if (!re.test(p.value as string)) issue(p, { code: 'invalid_format', origin: 'string', continue: true, own: says(key) });
  };

/** `test` holds, else the message `key` (or the general one). */
export const refine =
  <T>(test: (value: T) => boolean, key?: MessageKey): Check =>
  (p) => {
    if (!test(p.value as T)) issue(p, { code: 'custom', continue: true, own: key && says(key) });
  };

/** zod's `superRefine` that adds the issue `found` returns, if any (at its own path, continuing). */
export const superRefine =
  <T>(found: (value: T) => (Omit<Issue, 'continue'> & { path: string[] }) | undefined): Check =>
  (p) => {
    const raised = found(p.value as T);
    if (raised) p.issues.push({ ...raised, continue: true });
  };

export const gte =
  (min: number): Check =>
  (p) => {
    if (!((p.value as number) >= min)) issue(p, { code: 'too_small', origin: 'number', minimum: min, continue: true });
  };

export const lte =
  (max: number): Check =>
  (p) => {
    if (!((p.value as number) <= max)) issue(p, { code: 'too_big', origin: 'number', maximum: max, continue: true });
  };

export const lt =
  (max: number): Check =>
  (p) => {
    if (!((p.value as number) < max)) issue(p, { code: 'too_big', origin: 'number', maximum: max, continue: true });
  };

/** One of `values` (compared with `===`), else `invalid_value` or the message `key`. */
export function oneOf(values: readonly unknown[], key?: MessageKey): Schema {
  const known = new Set(values);
  return {
    run(p) {
      if (!known.has(p.value)) issue(p, { code: 'invalid_value', values, own: key && says(key) });
      return p;
    },
  };
}

// ---------------------------------------------------------------- containers

const isObject = (value: unknown): value is Record<PropertyKey, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** zod's `isPlainObject`: what a record accepts. */
function isPlainObject(value: unknown): value is Record<PropertyKey, unknown> {
  if (!isObject(value)) return false;
  const ctor = value['constructor'];
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const proto: unknown = ctor.prototype;
  return isObject(proto) && Object.prototype.hasOwnProperty.call(proto, 'isPrototypeOf');
}

/**
 * A list of at most `max` entries (and at least `min`), then `more` checks; a longer one is
 * refused before its entries are read.
 */
export function arr(item: Schema, max: number, min?: number, ...more: Check[]): Schema {
  const checks = [maxLength(max), ...(min === undefined ? [] : [minLength(min)]), ...more];
  return {
    run(p) {
      const input = p.value;
      if (!Array.isArray(input)) {
        issue(p, { code: 'invalid_type', expected: 'array' });
      } else if (input.length > max) {
        issue(p, { code: 'too_big', origin: 'array', maximum: max, continue: false });
        return p;
      } else {
        const out = new Array<unknown>(input.length);
        for (let i = 0; i < input.length; i++) {
          const r = item.run({ value: input[i], issues: [] });
          p.issues.push(...prefixed(i, r.issues));
          out[i] = r.value;
        }
        p.value = out;
      }
      return runChecks(p, checks);
    },
  };
}

/** zod's `handlePropertyResult`: what one key of an object gives, present or not. */
function takeProperty(r: Payload, p: Payload, key: string, input: object, schema: Schema): void {
  const present = key in input;
  const out = p.value as Record<string, unknown>;
  const { optin, optout } = schema;
  if (!present && optout === 'optional' && optin === 'optional') return;
  if (r.issues.length > 0) {
    if (optin !== undefined && optout === 'optional' && !present) return;
    p.issues.push(...prefixed(key, r.issues));
  }
  if (!present && optin === undefined) {
    if (r.issues.length === 0) p.issues.push({ code: 'invalid_type', expected: 'nonoptional', input: undefined, path: [key] });
    return;
  }
  if (r.value !== undefined) out[key] = r.value;
  else if (present || (optin === 'defaulted' && optout !== 'optional')) out[key] = undefined;
}

/** An object with these keys (in this order), then `checks` on it; other keys are ignored and left out. */
export function obj(shape: Record<string, Schema>, ...checks: Check[]): Schema {
  return {
    run(p) {
      const input = p.value;
      if (!isObject(input)) {
        issue(p, { code: 'invalid_type', expected: 'object' });
        return p;
      }
      p.value = {};
      for (const key of Object.keys(shape)) {
        const schema = shape[key]!;
        takeProperty(schema.run({ value: input[key], issues: [] }), p, key, input, schema);
      }
      return runChecks(p, checks);
    },
  };
}

/**
 * An object whose keys pass `key` and values pass `value` (own enumerable keys,
 * never `__proto__`). zod retries a failed numeric key as a number: for a
 * key schema of texts, as here, that never changes the outcome.
 */
export function record(key: Schema, value: Schema, ...checks: Check[]): Schema {
  return {
    run(p) {
      const input = p.value;
      if (!isPlainObject(input)) {
        issue(p, { code: 'invalid_type', expected: 'record' });
        return runChecks(p, checks);
      }
      const out: Record<PropertyKey, unknown> = {};
      for (const k of Reflect.ownKeys(input)) {
        if (k === '__proto__' || !Object.prototype.propertyIsEnumerable.call(input, k)) continue;
        const kr = key.run({ value: k, issues: [] });
        if (kr.issues.length > 0) {
          p.issues.push({ code: 'invalid_key', origin: 'record', input: k, path: [k] });
          continue;
        }
        const outKey = kr.value as PropertyKey;
        if (outKey === '__proto__') continue;
        const r = value.run({ value: input[k], issues: [] });
        p.issues.push(...prefixed(k, r.issues));
        out[outKey] = r.value;
      }
      p.value = out;
      return runChecks(p, checks);
    },
  };
}

/** The first option without issues; else the only one not stopped; else `invalid_union`. */
export function union(options: readonly Schema[], own: Issue['own']): Schema {
  return {
    run(p) {
      const results: Payload[] = [];
      for (const option of options) {
        const r = option.run({ value: p.value, issues: [] });
        if (r.issues.length === 0) return r;
        results.push(r);
      }
      const going = results.filter((r) => !stopped(r));
      if (going.length === 1) return going[0]!;
      issue(p, { code: 'invalid_union', own });
      return p;
    },
  };
}

// ---------------------------------------------------------------- wrappers

/** May be missing (`undefined`); a default inside still fills it in. */
export const optional = (inner: Schema): Schema => ({
  optin: inner.optin === 'defaulted' ? 'defaulted' : 'optional',
  optout: 'optional',
  run(p) {
    if (p.value !== undefined) return inner.run(p);
    if (inner.optin === 'defaulted') {
      const r = inner.run({ value: undefined, issues: [] });
      p.value = r.issues.length > 0 ? undefined : r.value;
    }
    return p;
  },
});

const copy = (value: unknown): unknown => (Array.isArray(value) ? [...value] : value);

/** `value` (a fresh copy) when missing, or when `inner` gives `undefined`. */
export const withDefault = (inner: Schema, value: unknown): Schema => ({
  optin: 'defaulted',
  run(p) {
    if (p.value === undefined) {
      p.value = copy(value);
      return p;
    }
    const r = inner.run(p);
    if (r.value === undefined) r.value = copy(value);
    return r;
  },
});

/** `value` instead of any issue of `inner` (which are then not reported). */
export const fallback = (inner: Schema, value: unknown): Schema => ({
  optin: inner.optin === 'defaulted' ? 'defaulted' : 'optional',
  optout: inner.optout,
  run(p) {
    const r = inner.run({ value: p.value, issues: [] });
    p.value = r.issues.length > 0 ? value : r.value;
    return p;
  },
});

/** `inner`, then `transform` of its value when it has no issue. */
export const pipe = <T>(inner: Schema, transform: (value: T) => unknown): Schema => ({
  optin: inner.optin,
  run(p) {
    const r = inner.run(p);
    if (r.issues.length > 0) {
      r.aborted = true;
      return r;
    }
    return { value: transform(r.value as T), issues: r.issues };
  },
});

/** A schema defined later (a recursive one). */
export const lazy = (get: () => Schema): Schema => ({ run: (p) => get().run(p) });
