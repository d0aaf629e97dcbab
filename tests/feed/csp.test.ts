/**
 * A strict Content-Security-Policy forbids `new Function`: validating a feed
 * must never call it, not even as a probe (full zod compiles object parsers with it
 * unless `jitless` is set; the browser's hand-written validator never does — this
 * test keeps it that way). The page's zod config is left untouched.
 * This file imports the feed modules only after installing the spy.
 */
import { expect } from '@open-wc/testing';

describe('no eval under a strict CSP', () => {
  it('building the schemas and parsing a feed never constructs a Function', async () => {
    const calls: unknown[][] = [];
    const original = globalThis.Function;
    globalThis.Function = new Proxy(original, {
      construct(target, args: unknown[]) {
        calls.push(args);
        return Reflect.construct(target, args) as object;
      },
      apply(target, self, args: unknown[]) {
        calls.push(args);
        return Reflect.apply(target, self, args) as unknown;
      },
    });
    try {
      const { parseFeedText } = await import('../../src/feed/parse.js');
      const text = await (await fetch('/demo/feed.json')).text();
      const result = parseFeedText(text);
      expect(result.ok).to.equal(true);
    } finally {
      globalThis.Function = original;
    }
    expect(calls).to.deep.equal([]);
  });

  it('leaves the page-wide zod config as it found it', () => {
    const config = (globalThis as unknown as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig;
    expect(config?.jitless).to.equal(undefined);
  });
});
