import { expect } from '@open-wc/testing';
import { msg } from '@lit/localize';
import { initLocalization, pageLanguage, uiLanguage } from '../../src/shared/locale.js';
import { configure, readScriptConfig, pageConfig } from '../../src/shared/config.js';
import { registry } from '../../src/shared/registry.js';
import { findOwnScript } from '../../src/shared/page-setup.js';

describe('UI language', () => {
  const rows: Array<[string | undefined, string | undefined]> = [
    ['es', 'es'],
    ['es-SV', 'es'],
    ['ES_do', 'es'],
    ['en-US', 'en'],
    ['fr', undefined],
    ['', undefined],
    [undefined, undefined],
  ];
  for (const [tag, expected] of rows) {
    it(`${tag} → ${expected}`, () => expect(uiLanguage(tag)).to.equal(expected));
  }

  it('follows data-mipyme-lang, then <html lang>, then Spanish', () => {
    const html = document.documentElement;
    const before = html.lang;
    try {
      registry().script.lang = undefined;
      registry().api.lang = undefined;
      html.lang = 'fr';
      expect(pageLanguage()).to.equal('es');
      html.lang = 'en-GB';
      expect(pageLanguage()).to.equal('en');
      registry().script.lang = 'es';
      expect(pageLanguage()).to.equal('es');
    } finally {
      html.lang = before;
      registry().script.lang = undefined;
    }
  });

  it('speaks Spanish by default and English on request', async () => {
    await initLocalization('es');
    expect(msg('This field is required.')).to.equal('Este campo es obligatorio.');
    await initLocalization('en');
    expect(msg('This field is required.')).to.equal('This field is required.');
    await initLocalization('es');
  });
});

describe('page configuration', () => {
  afterEach(() => {
    for (const key of ['feed', 'lang', 'country', 'theme'] as const) {
      registry().script[key] = undefined;
      registry().api[key] = undefined;
    }
  });

  it('reads data-mipyme-* from the script tag; the script tag wins over configure()', () => {
    configure({ feed: 'https://api.example/feed.json', country: 'GT' });
    const script = document.createElement('script');
    script.setAttribute('data-mipyme-feed', ' https://script.example/feed.json ');
    script.setAttribute('data-mipyme-lang', 'en');
    readScriptConfig(script);
    expect(pageConfig('feed')).to.equal('https://script.example/feed.json');
    expect(pageConfig('lang')).to.equal('en');
    expect(pageConfig('country')).to.equal('GT');
  });

  it('finds its own module script by URL', () => {
    const script = document.createElement('script');
    script.type = 'text/plain';
    script.src = '/cdn/infomipyme-widgets.js?v=1';
    script.setAttribute('data-mipyme-feed', 'x');
    const other = document.createElement('script');
    other.type = 'text/plain';
    other.src = '/other.js';
    document.body.append(other, script);
    try {
      expect(findOwnScript(new URL('/cdn/infomipyme-widgets.js', location.href).href)).to.equal(script);
    } finally {
      script.remove();
      other.remove();
    }
  });
});
