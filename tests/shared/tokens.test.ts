import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/toolbox-browser/toolbox-browser.js';
import '../../src/cash-flow-calculator/cash-flow-calculator.js';
import { configure } from '../../src/shared/config.js';

const token = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();
const feed = { version: 1, title: 'x' };

describe('design tokens', () => {
  it('light by default, dark on request, and a partner themes from an ancestor', async () => {
    const light = await fixture(html`<mipyme-toolbox-browser .data=${feed}></mipyme-toolbox-browser>`);
    expect(light.getAttribute('theme')).to.equal('light');
    expect(token(light, '--_surface')).to.equal('#ffffff');
    const dark = await fixture(html`<mipyme-toolbox-browser theme="dark" .data=${feed}></mipyme-toolbox-browser>`);
    expect(token(dark, '--_surface')).to.equal('#151a21');
    expect(getComputedStyle(dark).colorScheme).to.equal('dark');
    const themed = await fixture(
      html`<div style="--mipyme-color-primary: #00663d; --mipyme-color-primary-dark: #7fd1a8">
        <mipyme-toolbox-browser .data=${feed}></mipyme-toolbox-browser>
        <mipyme-toolbox-browser theme="dark" .data=${feed}></mipyme-toolbox-browser>
      </div>`,
    );
    const [a, b] = Array.from(themed.querySelectorAll('mipyme-toolbox-browser'));
    expect(token(a!, '--_primary')).to.equal('#00663d');
    expect(token(b!, '--_primary')).to.equal('#7fd1a8');
  });

  it('a host page with html { font-size: 62.5% } does not shrink the widget', async () => {
    const html_ = document.documentElement;
    const before = html_.style.fontSize;
    html_.style.fontSize = '62.5%';
    try {
      const el = await fixture(html`<mipyme-toolbox-browser .data=${feed}></mipyme-toolbox-browser>`);
      const base = el.shadowRoot!.querySelector('.base')!;
      expect(getComputedStyle(base).fontSize).to.equal('16px');
    } finally {
      html_.style.fontSize = before;
    }
  });
});

describe('theme and country, page-wide and per widget', () => {
  afterEach(async () => {
    configure({ theme: undefined, country: undefined });
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  it('a page-wide theme applies to widgets without their own; the attribute wins', async () => {
    configure({ theme: 'dark' });
    const wrapper = await fixture(
      html`<div>
        <mipyme-toolbox-browser .data=${feed}></mipyme-toolbox-browser>
        <mipyme-toolbox-browser theme="light" .data=${feed}></mipyme-toolbox-browser>
      </div>`,
    );
    const [paged, own] = Array.from(wrapper.querySelectorAll('mipyme-toolbox-browser'));
    expect(paged!.getAttribute('theme')).to.equal('dark');
    expect(token(paged!, '--_surface')).to.equal('#151a21');
    expect(own!.getAttribute('theme')).to.equal('light');
    expect(token(own!, '--_surface')).to.equal('#ffffff');
  });

  it('theme="auto" follows the device, and color-scheme goes with it', async () => {
    const el = await fixture(html`<mipyme-toolbox-browser theme="auto" .data=${feed}></mipyme-toolbox-browser>`);
    await emulateMedia({ colorScheme: 'dark' });
    expect(token(el, '--_surface')).to.equal('#151a21');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    await emulateMedia({ colorScheme: 'light' });
    expect(token(el, '--_surface')).to.equal('#ffffff');
    expect(getComputedStyle(el).colorScheme).to.equal('light');
  });

  it('with reduced motion the loading skeleton does not move', async () => {
    const el = await fixture(html`<mipyme-toolbox-browser feed="/__feed/hang?k=${Math.random()}"></mipyme-toolbox-browser>`);
    const skeleton = () => el.shadowRoot!.querySelector('.skeleton')!;
    expect(getComputedStyle(skeleton()).animationName).to.equal('mipyme-shimmer');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(skeleton()).animationName).to.equal('none');
  });

  it('a page-wide country formats the calculator like the attribute does', async () => {
    configure({ country: 'GT' });
    const full = (await (await fetch('/demo/feed.json')).json()) as Record<string, unknown>;
    const el = await fixture(html`<mipyme-cash-flow-calculator template="comedor" .data=${full}></mipyme-cash-flow-calculator>`);
    await (el as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    expect(el.shadowRoot!.querySelector('[part="summary"]')!.textContent).to.contain('Q');
  });
});
