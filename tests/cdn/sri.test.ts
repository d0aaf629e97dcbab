/**
 * cdn/manifest.json (written after rollup by scripts/sizes.mjs): the SRI hash of
 * every cdn/ file, used by a partner as the `integrity` attribute. The browser
 * itself checks them here: the right hash loads, a wrong one is refused.
 */
import { expect } from '@open-wc/testing';

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
