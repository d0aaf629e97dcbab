/**
 * The cdn/ build's loader of lazy parts (src/shared/parts-loader.ts), with the page's preload and
 * import replaced by recorders: what is checked, in which order, and what happens on a failure.
 * (The real browser refusing a changed part: tests/cdn/sri.test.ts.)
 */
import { expect } from '@open-wc/testing';
import { createPartsLoader, partKey, preloadModule, type PartsTable } from '../../src/shared/parts-loader.js';

const ENTRY = 'https://cdn.example/pkg@1.0.0/cdn/infomipyme-widgets.js';
const BASE = 'https://cdn.example/pkg@1.0.0/cdn/';
const TABLE: PartsTable = {
  'parts/infomipyme-widgets/toolbox-A1.js': ['sha384-toolbox', ['parts/infomipyme-widgets/core-B2.js']],
  'parts/infomipyme-widgets/core-B2.js': ['sha384-core', []],
};

function recorder(fail: Set<string> = new Set()) {
  const preloads: string[] = [];
  const imports: string[] = [];
  const loader = createPartsLoader(ENTRY, {
    preload: async (href, integrity) => {
      preloads.push(`${href} ${integrity}`);
      if (fail.has(href)) throw new Error(`refused ${href}`);
    },
    importer: async (url) => {
      imports.push(url);
      return { url };
    },
  });
  loader.table(TABLE);
  return { loader, preloads, imports, fail };
}

describe('parts loader', () => {
  it('keys a part by its path from cdn/, whatever the address it is asked under', () => {
    expect(partKey(`${BASE}parts/infomipyme-widgets/toolbox-A1.js`)).to.equal('parts/infomipyme-widgets/toolbox-A1.js');
    expect(partKey('https://elsewhere.example/x/cdn/parts/e/p.js?v=2')).to.equal('parts/e/p.js');
    expect(partKey('https://elsewhere.example/other.js')).to.equal('https://elsewhere.example/other.js');
  });

  it('checks a part and every part it imports, with their hashes, before importing it', async () => {
    const { loader, preloads, imports } = recorder();
    const module = await loader(`${BASE}parts/infomipyme-widgets/toolbox-A1.js`);
    expect(module).to.deep.equal({ url: `${BASE}parts/infomipyme-widgets/toolbox-A1.js` });
    expect(preloads.sort()).to.deep.equal([
      `${BASE}parts/infomipyme-widgets/core-B2.js sha384-core`,
      `${BASE}parts/infomipyme-widgets/toolbox-A1.js sha384-toolbox`,
    ]);
    expect(imports).to.deep.equal([`${BASE}parts/infomipyme-widgets/toolbox-A1.js`]);
    // Checked once: a second import preloads nothing again.
    await loader(`${BASE}parts/infomipyme-widgets/core-B2.js`);
    expect(preloads).to.have.length(2);
  });

  it('a part asked under another copy of the entry loads from this entry\'s folder, checked', async () => {
    const { loader, imports } = recorder();
    await loader('https://self-hosted.example/js/cdn/parts/infomipyme-widgets/core-B2.js');
    expect(imports).to.deep.equal([`${BASE}parts/infomipyme-widgets/core-B2.js`]);
  });

  it('a refused part is not imported, the call fails, and the next call checks it again', async () => {
    const { loader, preloads, imports, fail } = recorder(new Set([`${BASE}parts/infomipyme-widgets/core-B2.js`]));
    let error: unknown;
    try {
      await loader(`${BASE}parts/infomipyme-widgets/toolbox-A1.js`);
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.contain('refused');
    expect(imports).to.deep.equal([]);
    fail.clear();
    await loader(`${BASE}parts/infomipyme-widgets/toolbox-A1.js`);
    expect(preloads.filter((p) => p.includes('core-B2'))).to.have.length(2);
    expect(imports).to.have.length(1);
  });

  it('prefetch checks every part without running any', async () => {
    const { loader, preloads, imports } = recorder();
    await loader.prefetch();
    expect(preloads).to.have.length(2);
    expect(imports).to.deep.equal([]);
  });

  it('warns once, in plain words, when the entry was loaded with a query string', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const loader = createPartsLoader(`${ENTRY}?ver=6.4`, { preload: async () => undefined, importer: async () => ({}) });
      loader.table(TABLE);
      await loader(`${BASE}parts/infomipyme-widgets/core-B2.js`);
      await loader(`${BASE}parts/infomipyme-widgets/toolbox-A1.js`);
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain(`load ${ENTRY} without "?ver=6.4"`);
  });

  it('the real preload: a module whose bytes match loads; one whose hash differs is refused', async () => {
    const url = new URL('/src/shared/version.ts', location.href).href;
    const bytes = await (await fetch(url)).arrayBuffer();
    const digest = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-384', bytes))));
    await preloadModule(url, `sha384-${digest}`, '');
    let refused: unknown;
    try {
      await preloadModule(new URL('/src/shared/registry.ts', location.href).href, `sha384-${digest}`, '');
    } catch (error) {
      refused = error;
    }
    expect(String(refused)).to.contain('do not match the integrity');
  });
});
