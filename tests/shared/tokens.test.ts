import { expect, fixture, html } from '@open-wc/testing';
import '../../src/toolbox-browser/toolbox-browser.js';

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
