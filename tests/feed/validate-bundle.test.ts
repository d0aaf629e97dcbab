/**
 * Issue #9: the browser bundles validate the feed with the small validator
 * (src/feed/validate-feed.ts), not zod. Every file of cdn/ — the entries of
 * cdn/manifest.json and every part they load (cdn/parts/…, found through the
 * references in the files) — must carry no zod code. A schema in
 * src/feed/schema.ts written so that a bundler cannot drop it (see the note
 * there) would bring zod back: this is what notices.
 *
 * Reads the files as last built (`npm test` and `npm run build` build them first).
 */
import { expect } from '@open-wc/testing';

/** What zod's code keeps through minification: its class names, as strings. */
const ZOD = /\$Zod[A-Z]\w+|ZodMini[A-Z]\w+/;

/** The parts a cdn/ file refers to (`./parts/<entry>/<name>-<hash>.js`), as paths under cdn/. */
const partsIn = (code: string): string[] => [...code.matchAll(/parts\/[\w-]+\/[\w.-]+\.js/g)].map((m) => m[0]);

describe('the cdn/ bundles carry no zod', () => {
  it('the marker finds zod where it is (its own test)', async () => {
    const zod = await (await fetch('/node_modules/zod/v4/core/schemas.js')).text();
    expect(zod).to.match(ZOD);
  });

  it('in no entry of cdn/manifest.json, nor any part it loads', async () => {
    const manifest = (await (await fetch('/cdn/manifest.json')).json()) as {
      files: Record<string, { parts?: { count?: number } }>;
    };
    const entries = Object.keys(manifest.files);
    for (const entry of ['infomipyme-widgets.js', 'toolbox-browser.js', 'cash-flow-calculator.js', 'business-plan-outline.js', 'provider-finder.js']) {
      expect(entries).to.include(entry);
    }
    const seen = new Set<string>();
    for (const entry of entries) {
      const queue = [entry];
      const parts = new Set<string>();
      while (queue.length > 0) {
        const file = queue.shift()!;
        if (file !== entry) parts.add(file);
        if (seen.has(file)) continue;
        seen.add(file);
        const response = await fetch(`/cdn/${file}`);
        expect(response.ok, `cdn/${file}`).to.equal(true);
        const code = await response.text();
        expect(ZOD.exec(code)?.[0], `cdn/${file} carries zod`).to.equal(undefined);
        queue.push(...partsIn(code).filter((part) => !seen.has(part)));
      }
      // Every part the manifest counts was found, so none went unchecked.
      expect(parts.size, `parts of ${entry}`).to.be.at.least(manifest.files[entry]!.parts?.count ?? 0);
    }
  });
});
