/**
 * cdn/manifest.json (written after rollup by scripts/sizes.mjs): the SRI hash of
 * every cdn/ file, used by a partner as the `integrity` attribute. The browser
 * itself checks them here: the right hash loads, a wrong one is refused.
 */
import { expect } from '@open-wc/testing';
import { until } from '../helpers/until.js';

interface Manifest {
  name: string;
  version: string;
  files: Record<string, { integrity: string; bytes: number; gzip: number; brotli: number }>;
}

const CDN_FILES = [
  'business-plan-outline.js',
  'cash-flow-calculator.js',
  'infomipyme-widgets.js',
  'provider-finder.js',
  'toolbox-browser.js',
];

async function manifest(): Promise<Manifest> {
  const response = await fetch('/cdn/manifest.json');
  expect(response.ok).to.equal(true);
  return (await response.json()) as Manifest;
}

function loadScript(src: string, integrity: string): Promise<'loaded' | 'refused'> {
  return new Promise((resolve) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = src;
    script.integrity = integrity;
    script.crossOrigin = 'anonymous';
    script.addEventListener('load', () => resolve('loaded'));
    script.addEventListener('error', () => resolve('refused'));
    document.head.append(script);
  });
}

const base64 = (buffer: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)));

describe('cdn/manifest.json', () => {
  it('lists every cdn file with its version and a sha384 of its exact bytes', async () => {
    const { name, version, files } = await manifest();
    const pkg = (await (await fetch('/package.json')).json()) as { name: string; version: string };
    expect(name).to.equal(pkg.name);
    expect(version).to.equal(pkg.version);
    expect(Object.keys(files).sort()).to.deep.equal(CDN_FILES);
    for (const file of CDN_FILES) {
      const bytes = await (await fetch(`/cdn/${file}`)).arrayBuffer();
      const entry = files[file]!;
      expect(entry.bytes, file).to.equal(bytes.byteLength);
      expect(entry.integrity, file).to.equal(`sha384-${base64(await crypto.subtle.digest('SHA-384', bytes))}`);
      expect(entry.gzip, file).to.be.within(1, entry.bytes);
    }
  });

  it('the browser runs a file whose integrity matches and refuses one whose does not', async () => {
    const { files } = await manifest();
    const good = files['provider-finder.js']!.integrity;
    expect(await loadScript('/cdn/provider-finder.js?sri=good', good)).to.equal('loaded');
    await customElements.whenDefined('mipyme-provider-finder');
    const wrong = files['toolbox-browser.js']!.integrity; // another file's hash
    expect(await loadScript('/cdn/cash-flow-calculator.js?sri=wrong', wrong)).to.equal('refused');
    expect(customElements.get('mipyme-cash-flow-calculator')).to.equal(undefined);
  });
});

/** A fresh blank page in an iframe, in Spanish (removed by the caller). */
async function blankPage(): Promise<{ iframe: HTMLIFrameElement; doc: Document; win: Window & typeof globalThis }> {
  const iframe = document.createElement('iframe');
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = '/tests/cdn/pages/blank.html';
  document.body.append(iframe);
  await loaded;
  iframe.contentDocument!.documentElement.lang = 'es';
  return { iframe, doc: iframe.contentDocument!, win: iframe.contentWindow as Window & typeof globalThis };
}

/** The table of parts a cdn/ entry carries (its last statement, written by scripts/rollup-parts.mjs). */
function partsTable(entry: string): Record<string, [string, string[]]> {
  const match = /\.table\((\{.*\})\);\n/.exec(entry);
  expect(match, 'the table of parts').to.not.equal(null);
  return JSON.parse(match![1]!) as Record<string, [string, string[]]>;
}

describe('the lazy parts of the cdn files', () => {
  it('each file lists every part it can load with the sha384 of its exact bytes, and each part it imports', async () => {
    for (const file of CDN_FILES) {
      const entry = await (await fetch(`/cdn/${file}`)).text();
      const table = partsTable(entry);
      const name = file.replace(/\.js$/, '');
      for (const [part, [integrity, imports]] of Object.entries(table)) {
        expect(part.startsWith(`parts/${name}/`), part).to.equal(true);
        const bytes = await (await fetch(`/cdn/${part}`)).arrayBuffer();
        expect(integrity, part).to.equal(`sha384-${base64(await crypto.subtle.digest('SHA-384', bytes))}`);
        for (const imported of imports) expect(Object.keys(table), `${part} imports ${imported}`).to.include(imported);
        // A part's own imports are parts of this entry or the entry itself: nothing unchecked.
        // (Rollup writes them first, after the banner: `import{a as b}from"./x.js";`.)
        let text = new TextDecoder().decode(bytes).replace(/^\/\*![^]*?\*\/\s*/, '');
        const specifiers: string[] = [];
        for (let m = /^import\s*(?:[^;"]*from\s*)?"([^"]+)";?\s*/.exec(text); m; m = /^import\s*(?:[^;"]*from\s*)?"([^"]+)";?\s*/.exec(text)) {
          specifiers.push(m[1]!);
          text = text.slice(m[0].length);
        }
        expect(text.includes('import{') || /\bimport\s*\{[^}]*\}\s*from\s*"/.test(text), `${part}: an import after the code`).to.equal(false);
        for (const specifier of specifiers) {
          const target = new URL(specifier!, new URL(`/cdn/${part}`, location.href)).pathname.slice('/cdn/'.length);
          expect(target === file || target in table, `${part} imports ${specifier}`).to.equal(true);
        }
      }
    }
    // The all-widgets file loads each widget as a part.
    const all = partsTable(await (await fetch('/cdn/infomipyme-widgets.js')).text());
    for (const widget of ['toolbox-browser', 'cash-flow-calculator', 'business-plan-outline', 'provider-finder']) {
      expect(Object.keys(all).some((part) => part.startsWith(`parts/infomipyme-widgets/${widget}-`)), widget).to.equal(true);
    }
  });

  it('a part whose bytes were changed on the server is refused: nothing of it runs, and the tag says so', async function () {
    this.timeout(20000);
    const { iframe, doc, win } = await blankPage();
    try {
      const errors: string[] = [];
      win.console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
      const toolbox = doc.createElement('mipyme-toolbox-browser');
      doc.body.append(toolbox);
      const script = doc.createElement('script');
      script.type = 'module';
      script.src = '/__tampered/infomipyme-widgets.js';
      script.dataset['mipymeFeed'] = '/__feed/sample?k=tampered';
      doc.head.append(script);
      await until(() => toolbox.hasAttribute('data-mipyme-failed'), 'the failure shown');
      expect(win.customElements.get('mipyme-toolbox-browser')).to.equal(undefined);
      expect(toolbox.shadowRoot).to.equal(null);
      expect(toolbox.getAttribute('role')).to.equal('status');
      expect(toolbox.textContent).to.match(/^No se pudo cargar esta herramienta/);
      expect(errors.join('\n')).to.contain('do not match the integrity this version expects; it was not run');
    } finally {
      iframe.remove();
    }
  });
});

describe('the Spanish strings, a part of their own', () => {
  it('a Spanish page never shows English: the first render waits for the strings, even when they come last', async function () {
    this.timeout(20000);
    const { iframe, doc, win } = await blankPage();
    try {
      // Every text each widget's shadow root ever shows, from its very first render.
      const seen: string[] = [];
      const attach = win.Element.prototype.attachShadow;
      win.Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
        const root = attach.call(this, init);
        new win.MutationObserver(() => seen.push(root.textContent ?? '')).observe(root, { childList: true, subtree: true, characterData: true });
        return root;
      };
      for (const tag of ['mipyme-toolbox-browser', 'mipyme-provider-finder']) doc.body.append(doc.createElement(tag));
      const script = doc.createElement('script');
      script.type = 'module';
      // The Spanish strings are held by the server until the widgets' code has arrived.
      const key = `es${Math.random().toString(36).slice(2)}`;
      script.src = `/__held/${key}/infomipyme-widgets.js`;
      script.dataset['mipymeFeed'] = `/__feed/hang?k=${key}`;
      doc.head.append(script);
      await until(() => ['mipyme-toolbox-browser', 'mipyme-provider-finder'].every((tag) => !!win.customElements.get(tag)), 'the widgets defined');
      expect(seen, 'nothing rendered before the strings').to.deep.equal([]);
      await fetch(`/__held/release?k=${key}`);
      await until(() => seen.length >= 2, 'the widgets rendered');
      expect(seen.join(' ')).to.contain('Cargando…');
      expect(seen.join(' ')).to.not.contain('Loading');
    } finally {
      iframe.remove();
    }
  });
});
