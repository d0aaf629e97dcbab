/**
 * The configurator's form on a fixture: fields drive the snippet and the
 * preview; the manifest adds the hash and the size; copying says what happened.
 * The preview really loads the built cdn/ file (`npm test` builds it first).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { initConfigurator, type Configurator, type Manifest } from '../../demo/src/configurator.js';
import { expectAccessible } from '../helpers/a11y.js';
import { until } from '../helpers/until.js';

const INTEGRITY = 'sha384-jK6uXTOOUCtWa3NQO3c9aPO7GirZutMxP8rH2ha2LEC0NDh78TRFWhECJwswyRG5';
const MANIFEST: Manifest = {
  version: '0.1.0',
  files: {
    'infomipyme-widgets.js': { integrity: INTEGRITY, bytes: 275450, gzip: 89771, brotli: 73070 },
    'toolbox-browser.js': { integrity: 'sha384-tAFiUk4H5CZGZ4QC64/aQ4nb71eyW5UFUdNCLwR1g/Hj19QI1cveVxDHhO3IFE1r', bytes: 139462, gzip: 48315, brotli: 42137 },
    'provider-finder.js': { integrity: undefined, bytes: 142332, gzip: 49369, brotli: 43118 },
  },
};
const base = `${location.origin}/demo/configurator.html`;

let configurator: Configurator | undefined;
afterEach(() => {
  configurator?.destroy();
  configurator = undefined;
});

async function mount(manifest?: Manifest | null): Promise<HTMLElement> {
  const root = await fixture<HTMLElement>(html`<div></div>`);
  configurator = initConfigurator(root, { manifest, base, previewDelay: 10 });
  return root;
}

const snippetText = (root: HTMLElement) => root.querySelector('pre code')!.textContent!;
const srcdoc = (root: HTMLElement) => root.querySelector('iframe')!.getAttribute('srcdoc')!;
const byLabel = <T extends HTMLElement>(root: HTMLElement, text: string): T => {
  const label = [...root.querySelectorAll('label')].find((item) => item.textContent!.trim().startsWith(text));
  if (!label) throw new Error(`no label ${text}`);
  return (label.control ?? label.querySelector('input')) as unknown as T;
};
function set(element: HTMLInputElement | HTMLSelectElement, value: string, type: 'input' | 'change' = 'change'): void {
  element.value = value;
  element.dispatchEvent(new Event(type, { bubbles: true }));
}

describe('configurator', () => {
  it('starts with the defaults: four widgets, SV, es, light, and the preview', async () => {
    const root = await mount(MANIFEST);
    const snippet = snippetText(root);
    expect(snippet).to.contain('cdn/infomipyme-widgets.js');
    expect(snippet).to.contain(`integrity="${INTEGRITY}"`);
    expect(snippet).to.contain('<mipyme-provider-finder country="SV" theme="light"></mipyme-provider-finder>');
    expect(srcdoc(root)).to.contain(`src="${location.origin}/cdn/infomipyme-widgets.js"`);
    expect(root.querySelector('iframe')!.title).not.to.equal('');
    expect(root.querySelector('.size')!.textContent).to.contain('87,7 KB');
  });

  it('changing a field updates the snippet and the preview', async () => {
    const root = await mount(MANIFEST);
    set(byLabel(root, 'País'), 'GT');
    expect(snippetText(root)).to.contain('country="GT"');
    expect(srcdoc(root)).to.contain('country="GT"');

    byLabel<HTMLInputElement>(root, 'Caja de herramientas').click();
    expect(snippetText(root)).to.contain('cdn/toolbox-browser.js');
    expect(snippetText(root)).not.to.contain('mipyme-provider-finder');
    expect(srcdoc(root)).to.contain('/cdn/toolbox-browser.js');
    expect(root.querySelector('.size')!.textContent).to.contain('47,2 KB');

    set(byLabel(root, 'Idioma'), 'en');
    expect(snippetText(root)).to.contain('data-mipyme-lang="en"');
    expect(srcdoc(root)).to.contain('<html lang="en">');

    set(byLabel(root, 'Dirección de su feed'), 'https://red.example/feed.json?a=1&b=2', 'input');
    expect(snippetText(root)).to.contain('data-mipyme-feed="https://red.example/feed.json?a=1&amp;b=2"');
    // The preview keeps the sample feed.
    expect(srcdoc(root)).to.contain(`${location.origin}/demo/feed.json`);
  });

  it('only one partner\'s records: the publisher goes on the tags, in the snippet and the preview', async () => {
    const root = await mount(MANIFEST);
    set(byLabel(root, 'Solo lo publicado por (opcional)'), 'socio-sv', 'input');
    expect(snippetText(root)).to.contain('<mipyme-provider-finder country="SV" publisher="socio-sv" theme="light"></mipyme-provider-finder>');
    await until(() => srcdoc(root).includes('publisher="socio-sv"'), 'the preview');
    set(byLabel(root, 'Solo lo publicado por (opcional)'), '', 'input');
    expect(snippetText(root)).not.to.contain('publisher=');
  });

  it('typing a colour: the snippet at once, the preview after a pause', async () => {
    const root = await mount(MANIFEST);
    const before = srcdoc(root);
    set(byLabel(root, 'Color principal'), '#C8102E', 'input');
    expect(snippetText(root)).to.contain('--mipyme-color-primary: #c8102e;');
    expect(srcdoc(root)).to.equal(before);
    await until(() => srcdoc(root).includes('--mipyme-color-primary: #c8102e;'), 'the preview');
    const picker = root.querySelector<HTMLInputElement>('input[type="color"]')!;
    expect(picker.value).to.equal('#c8102e');
  });

  it('the colour picker fills the text field', async () => {
    const root = await mount(MANIFEST);
    const picker = root.querySelector<HTMLInputElement>('input[type="color"]')!;
    set(picker, '#123456');
    expect(byLabel<HTMLInputElement>(root, 'Color principal').value).to.equal('#123456');
    expect(snippetText(root)).to.contain('--mipyme-color-primary: #123456;');
  });

  it('an invalid colour is marked, explained, and left out', async () => {
    const root = await mount(MANIFEST);
    const input = byLabel<HTMLInputElement>(root, 'Color principal');
    set(input, 'red;}body{display:none');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const error = root.querySelector<HTMLElement>(`#${input.getAttribute('aria-describedby')!.split(' ').pop()!}`)!;
    expect(error.hidden).to.equal(false);
    expect(error.textContent).to.contain('#RRGGBB');
    expect(snippetText(root)).not.to.contain('<style>');
    expect(srcdoc(root)).not.to.contain('display:none');
    set(input, '#c8102e');
    expect(input.hasAttribute('aria-invalid')).to.equal(false);
    expect(error.hidden).to.equal(true);
  });

  it('dark and auto themes show the dark colours; light hides them', async () => {
    const root = await mount(MANIFEST);
    const dark = byLabel<HTMLInputElement>(root, 'Color principal (tema oscuro)');
    const light = byLabel<HTMLInputElement>(root, 'Color principal');
    expect(dark.closest('fieldset')!.hidden).to.equal(true);
    set(byLabel(root, 'Tema visual'), 'auto');
    expect(dark.closest('fieldset')!.hidden).to.equal(false);
    expect(light.closest('fieldset')!.hidden).to.equal(false);
    set(light, '#0b3d91');
    expect(root.querySelector('.notes')!.textContent).to.contain('Colores para el tema oscuro');
    set(dark, '#9cc2ff');
    expect(snippetText(root)).to.contain('--mipyme-color-primary-dark: #9cc2ff;');
    expect(snippetText(root)).to.contain('theme="auto"');
    set(byLabel(root, 'Tema visual'), 'dark');
    expect(light.closest('fieldset')!.hidden).to.equal(true);
    expect(snippetText(root)).not.to.contain('--mipyme-color-primary: #0b3d91');
  });

  it('warns about a colour that cannot be read', async () => {
    const root = await mount(MANIFEST);
    set(byLabel(root, 'Color principal'), '#ffcc00');
    expect(root.querySelector('.notes')!.textContent).to.match(/contraste de 1,\d:1/);
  });

  it('reset brings back the built-in colours and sizes', async () => {
    const root = await mount(MANIFEST);
    set(byLabel(root, 'Color principal'), '#c8102e');
    set(byLabel(root, 'Tamaño de la letra'), '18');
    expect(snippetText(root)).to.contain('--mipyme-font-size: 18px;');
    [...root.querySelectorAll('button')].find((button) => button.textContent!.startsWith('Volver'))!.click();
    expect(snippetText(root)).not.to.contain('<style>');
    expect(byLabel<HTMLInputElement>(root, 'Color principal').value).to.equal('');
  });

  it('without the manifest: no integrity, and a note says so', async () => {
    const root = await mount(null);
    expect(snippetText(root)).not.to.contain('integrity');
    expect(snippetText(root)).to.contain('infomipyme-widgets@0.1.0/');
    expect(root.querySelector('.notes')!.textContent).to.contain('No se pudo leer cdn/manifest.json');
  });

  it('the manifest arriving later adds the hash', async () => {
    const root = await mount(undefined);
    expect(snippetText(root)).not.to.contain('integrity');
    configurator!.setManifest(MANIFEST);
    expect(snippetText(root)).to.contain(`integrity="${INTEGRITY}"`);
  });

  it('a file without a hash in the manifest: no integrity', async () => {
    const root = await mount(MANIFEST);
    byLabel<HTMLInputElement>(root, 'Quién le ayuda').click();
    expect(snippetText(root)).to.contain('cdn/provider-finder.js');
    expect(snippetText(root)).not.to.contain('integrity');
  });

  it('copy: copies, or selects the code; the status says which', async () => {
    const root = await mount(MANIFEST);
    const status = root.querySelector('[aria-live="polite"]')!;
    [...root.querySelectorAll('button')].find((button) => button.textContent === 'Copiar')!.click();
    await until(() => status.textContent !== '', 'the copy status');
    if (status.textContent!.startsWith('Copiado')) return;
    expect(status.textContent).to.contain('seleccionado');
    expect(getSelection()!.toString().trimEnd()).to.equal(snippetText(root).trimEnd());
  });

  it('the preview really shows the widget', async () => {
    const root = await mount(MANIFEST);
    byLabel<HTMLInputElement>(root, 'Caja de herramientas').click();
    set(byLabel(root, 'Color principal'), '#c8102e');
    const frame = root.querySelector('iframe')!;
    await until(() => {
      const element = frame.contentDocument?.querySelector('mipyme-toolbox-browser');
      return !!element?.shadowRoot?.querySelector('.item');
    }, 'the toolbox in the preview');
    const element = frame.contentDocument!.querySelector('mipyme-toolbox-browser')!;
    expect(frame.contentWindow!.getComputedStyle(element).getPropertyValue('--mipyme-color-primary').trim()).to.equal('#c8102e');
  });

  it('keeps the choices in the URL hash, and reads a shared link', async () => {
    const original = `${location.pathname}${location.search}${location.hash}`;
    history.replaceState(history.state, '', `${location.pathname}${location.search}#widget=cash-flow-calculator&country=NI&primary=%23c8102e`);
    try {
      const root = await fixture<HTMLElement>(html`<div></div>`);
      configurator = initConfigurator(root, { manifest: MANIFEST, base, hash: true });
      expect(byLabel<HTMLSelectElement>(root, 'País').value).to.equal('NI');
      expect(byLabel<HTMLInputElement>(root, 'Color principal').value).to.equal('#c8102e');
      expect(snippetText(root)).to.contain('<mipyme-cash-flow-calculator country="NI" theme="light">');
      set(byLabel(root, 'Tema visual'), 'dark');
      expect(new URLSearchParams(location.hash.slice(1)).get('theme')).to.equal('dark');
      // Another link opened in the same tab.
      location.hash = '#widget=provider-finder&country=DO';
      await until(() => snippetText(root).includes('<mipyme-provider-finder country="DO"'), 'the new link');
      expect(byLabel<HTMLInputElement>(root, 'Quién le ayuda').checked).to.equal(true);
    } finally {
      configurator?.destroy();
      configurator = undefined;
      history.replaceState(history.state, '', original);
    }
  });

  it('is accessible', async () => {
    const root = await mount(MANIFEST);
    set(byLabel(root, 'Color principal'), 'not a colour');
    await expectAccessible(root);
  });
});
