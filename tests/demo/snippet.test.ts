import { expect } from '@open-wc/testing';
import {
  DEFAULT_CHOICES,
  brandDeclarations,
  buildSnippet,
  choicesFromHash,
  choicesToHash,
  contrastIssues,
  contrastRatio,
  escapeHtml,
  invalidBrandFields,
  parseColor,
  parseLength,
  parseManifest,
  previewDocument,
  type Choices,
  type SnippetOptions,
  type WidgetChoice,
} from '../../demo/src/snippet.js';

const INTEGRITY = 'sha384-jK6uXTOOUCtWa3NQO3c9aPO7GirZutMxP8rH2ha2LEC0NDh78TRFWhECJwswyRG5';
const options = (overrides: Partial<SnippetOptions> = {}): SnippetOptions => ({
  ...DEFAULT_CHOICES,
  brand: {},
  feed: 'https://red.example/feed.json',
  version: '0.1.0',
  ...overrides,
});

/** The snippet parsed as HTML, to check it means what it says. */
function parse(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head></head><body>${html}</body></html>`, 'text/html');
}

describe('buildSnippet: the file and the tags of each choice', () => {
  const rows: Array<{ widget: WidgetChoice; file: string; tags: string[] }> = [
    {
      widget: 'all',
      file: 'infomipyme-widgets.js',
      tags: ['mipyme-toolbox-browser', 'mipyme-cash-flow-calculator', 'mipyme-business-plan-outline', 'mipyme-provider-finder'],
    },
    { widget: 'toolbox-browser', file: 'toolbox-browser.js', tags: ['mipyme-toolbox-browser'] },
    { widget: 'cash-flow-calculator', file: 'cash-flow-calculator.js', tags: ['mipyme-cash-flow-calculator'] },
    { widget: 'business-plan-outline', file: 'business-plan-outline.js', tags: ['mipyme-business-plan-outline'] },
    { widget: 'provider-finder', file: 'provider-finder.js', tags: ['mipyme-provider-finder'] },
  ];
  for (const { widget, file, tags } of rows) {
    it(`${widget} → cdn/${file} and ${tags.length} tag(s)`, () => {
      const snippet = buildSnippet(options({ widget, country: 'GT', theme: 'dark', lang: 'en' }));
      const doc = parse(snippet);
      const scripts = doc.querySelectorAll('script');
      expect(scripts.length).to.equal(1);
      const script = scripts[0]!;
      expect(script.getAttribute('type')).to.equal('module');
      expect(script.getAttribute('src')).to.equal(`https://unpkg.com/infomipyme-widgets@0.1.0/cdn/${file}`);
      expect(script.dataset['mipymeFeed']).to.equal('https://red.example/feed.json');
      expect(script.dataset['mipymeLang']).to.equal('en');
      const elements = [...doc.body.children].filter((element) => element.localName.startsWith('mipyme-'));
      expect(elements.map((element) => element.localName)).to.deep.equal(tags);
      for (const element of elements) {
        expect(element.getAttribute('country')).to.equal('GT');
        expect(element.getAttribute('theme')).to.equal('dark');
      }
    });
  }

  it('writes the whole snippet plainly (README style)', () => {
    expect(buildSnippet(options({ widget: 'toolbox-browser', integrity: INTEGRITY }))).to.equal(
      [
        '<script type="module"',
        '  src="https://unpkg.com/infomipyme-widgets@0.1.0/cdn/toolbox-browser.js"',
        `  integrity="${INTEGRITY}"`,
        '  crossorigin="anonymous"',
        '  data-mipyme-feed="https://red.example/feed.json"',
        '  data-mipyme-lang="es"></script>',
        '',
        '<mipyme-toolbox-browser country="SV" theme="light"></mipyme-toolbox-browser>',
        '',
      ].join('\n'),
    );
  });

  it('no country: no country attribute', () => {
    const doc = parse(buildSnippet(options({ widget: 'provider-finder', country: '' })));
    expect(doc.querySelector('mipyme-provider-finder')!.hasAttribute('country')).to.equal(false);
  });

  it('publisher: only feed ids, once each, on every tag; none when empty', () => {
    const doc = parse(buildSnippet(options({ widget: 'all', publisher: ' socio-sv,red-infomipyme socio-sv "><script> ' })));
    const tags = Array.from(doc.querySelectorAll('mipyme-toolbox-browser, mipyme-cash-flow-calculator, mipyme-business-plan-outline, mipyme-provider-finder'));
    expect(tags).to.have.length(4);
    expect(tags.map((t) => t.getAttribute('publisher'))).to.deep.equal(new Array(4).fill('socio-sv red-infomipyme'));
    expect(doc.querySelector('script:not([src])')).to.equal(null);
    const none = parse(buildSnippet(options({ widget: 'provider-finder', publisher: '  ' })));
    expect(none.querySelector('mipyme-provider-finder')!.hasAttribute('publisher')).to.equal(false);
  });

  it('no feed: no data-mipyme-feed attribute', () => {
    const doc = parse(buildSnippet(options({ feed: '   ' })));
    expect(doc.querySelector('script')!.hasAttribute('data-mipyme-feed')).to.equal(false);
  });

  it('refuses a version that is not one (it goes into the address)', () => {
    expect(() => buildSnippet(options({ version: '0.1.0"><script>' }))).to.throw();
  });
});

describe('buildSnippet: integrity', () => {
  const rows: Array<{ integrity: string | undefined; expected: string | null }> = [
    { integrity: INTEGRITY, expected: INTEGRITY },
    { integrity: undefined, expected: null },
    { integrity: '', expected: null },
    { integrity: 'md5-abc', expected: null },
    { integrity: 'sha384-abc" onload="alert(1)', expected: null },
  ];
  for (const { integrity, expected } of rows) {
    it(`${JSON.stringify(integrity)} → ${expected ? 'integrity + crossorigin' : 'neither'}`, () => {
      const script = parse(buildSnippet(options({ integrity }))).querySelector('script')!;
      expect(script.getAttribute('integrity')).to.equal(expected);
      expect(script.getAttribute('crossorigin')).to.equal(expected ? 'anonymous' : null);
      expect(script.getAttributeNames().filter((name) => name.startsWith('on'))).to.deep.equal([]);
    });
  }
});

describe('buildSnippet: escaping a hostile feed address', () => {
  const rows = [
    'https://x.example/feed.json" onload="alert(1)',
    "https://x.example/'><script>alert(1)</script>",
    'https://x.example/feed.json"></script><script>alert(1)</script>',
    'https://x.example/?a=1&b=<b>2</b>',
    'https://x.example/\n"\tfeed.json',
  ];
  for (const feed of rows) {
    it(JSON.stringify(feed), () => {
      const snippet = buildSnippet(options({ feed }));
      const doc = parse(snippet);
      expect(doc.querySelectorAll('script').length).to.equal(1);
      const script = doc.querySelector('script')!;
      expect(script.getAttributeNames().filter((name) => name.startsWith('on'))).to.deep.equal([]);
      // eslint-disable-next-line no-control-regex
      expect(script.dataset['mipymeFeed']).to.equal(feed.replace(/[\u0000-\u001f]/g, '').trim());
      expect(script.textContent).to.equal('');
      expect(snippet).not.to.match(/<script>|<b>/);
    });
  }

  it('escapeHtml covers the five characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).to.equal('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('colours and lengths: valid values only', () => {
  const colours: Array<{ input: string; expected: string | undefined }> = [
    { input: '#C8102E', expected: '#c8102e' },
    { input: ' #0b5cab ', expected: '#0b5cab' },
    { input: '#fc0', expected: '#ffcc00' },
    { input: 'red', expected: undefined },
    { input: 'red;}body{display:none', expected: undefined },
    { input: '#fff;}body{display:none}', expected: undefined },
    { input: '#0b5cab</style><script>alert(1)</script>', expected: undefined },
    { input: 'rgb(0,0,0)', expected: undefined },
    { input: 'var(--x)', expected: undefined },
    { input: '#12345', expected: undefined },
    { input: '#gggggg', expected: undefined },
    { input: '', expected: undefined },
  ];
  for (const { input, expected } of colours) {
    it(`parseColor(${JSON.stringify(input)}) → ${expected}`, () => expect(parseColor(input)).to.equal(expected));
  }

  const lengths: Array<{ input: string; kind: 'radius' | 'font-size'; expected: string | undefined }> = [
    { input: '8', kind: 'radius', expected: '8px' },
    { input: '8px', kind: 'radius', expected: '8px' },
    { input: '0.25em', kind: 'radius', expected: '0.25em' },
    { input: '0,25em', kind: 'radius', expected: '0.25em' },
    { input: '0', kind: 'radius', expected: '0' },
    { input: '100px', kind: 'radius', expected: undefined },
    { input: '-4px', kind: 'radius', expected: undefined },
    { input: '1rem', kind: 'radius', expected: undefined },
    { input: '8px;}body{display:none', kind: 'radius', expected: undefined },
    { input: '18', kind: 'font-size', expected: '18px' },
    { input: '18px', kind: 'font-size', expected: '18px' },
    { input: '1.2em', kind: 'font-size', expected: undefined },
    { input: '4px', kind: 'font-size', expected: undefined },
    { input: '0', kind: 'font-size', expected: undefined },
    { input: 'calc(100vw)', kind: 'font-size', expected: undefined },
  ];
  for (const { input, kind, expected } of lengths) {
    it(`parseLength(${JSON.stringify(input)}, ${kind}) → ${expected}`, () => expect(parseLength(input, kind)).to.equal(expected));
  }

  it('a hostile colour never reaches the snippet, and is reported', () => {
    const brand = { primary: 'red;}body{display:none', onPrimary: '#fff</style><script>alert(1)</script>', radius: '8px;}*{x:y' };
    const snippet = buildSnippet(options({ brand }));
    expect(snippet).not.to.contain('<style>');
    expect(snippet).not.to.contain('display:none');
    expect(snippet).not.to.contain('alert');
    expect(invalidBrandFields(brand)).to.deep.equal(['primary', 'onPrimary', 'radius']);
  });
});

describe('buildSnippet: tokens only when changed', () => {
  it('no change, or the built-in values typed back: no <style>', () => {
    expect(buildSnippet(options())).not.to.contain('<style>');
    expect(buildSnippet(options({ brand: { primary: '#0B5CAB', onPrimary: '#fff', radius: '0.5em', fontSize: '16' } }))).not.to.contain(
      '<style>',
    );
  });

  const rows: Array<{ theme: Choices['theme']; expected: Array<[string, string]> }> = [
    {
      theme: 'light',
      expected: [
        ['--mipyme-color-primary', '#c8102e'],
        ['--mipyme-radius', '4px'],
        ['--mipyme-font-size', '18px'],
      ],
    },
    {
      theme: 'dark',
      expected: [
        ['--mipyme-color-primary-dark', '#ff9aa8'],
        ['--mipyme-radius', '4px'],
        ['--mipyme-font-size', '18px'],
      ],
    },
    {
      theme: 'auto',
      expected: [
        ['--mipyme-color-primary', '#c8102e'],
        ['--mipyme-color-primary-dark', '#ff9aa8'],
        ['--mipyme-radius', '4px'],
        ['--mipyme-font-size', '18px'],
      ],
    },
  ];
  for (const { theme, expected } of rows) {
    it(`theme ${theme}: the tokens the widgets read in that theme`, () => {
      const brand = { primary: '#C8102E', primaryDark: '#ff9aa8', radius: '4', fontSize: '18px' };
      expect(brandDeclarations({ brand, theme })).to.deep.equal(expected);
    });
  }

  it('scoped to :root, or to the chosen tags', () => {
    const brand = { primary: '#c8102e', onPrimary: '#000000' };
    expect(buildSnippet(options({ brand }))).to.contain(
      '<style>\n  :root {\n    --mipyme-color-primary: #c8102e;\n    --mipyme-color-on-primary: #000000;\n  }\n</style>',
    );
    const one = buildSnippet(options({ brand, scope: 'elements', widget: 'cash-flow-calculator' }));
    expect(one).to.contain('<style>\n  mipyme-cash-flow-calculator {\n');
    const all = parse(buildSnippet(options({ brand, scope: 'elements' })));
    const rule = all.querySelector('style')!.textContent!;
    expect(rule).to.contain('mipyme-toolbox-browser,\n  mipyme-cash-flow-calculator,\n  mipyme-business-plan-outline,\n  mipyme-provider-finder {');
  });

  it('the style block applies: the tokens reach a widget tag in a real page', () => {
    const doc = parse(buildSnippet(options({ brand: { primary: '#c8102e', fontSize: '18' }, scope: 'elements' })));
    const frame = document.createElement('iframe');
    document.body.append(frame);
    try {
      frame.contentDocument!.open();
      frame.contentDocument!.write(`<!doctype html>${doc.querySelector('style')!.outerHTML}<mipyme-toolbox-browser></mipyme-toolbox-browser>`);
      frame.contentDocument!.close();
      const element = frame.contentDocument!.querySelector('mipyme-toolbox-browser')!;
      const style = frame.contentWindow!.getComputedStyle(element);
      expect(style.getPropertyValue('--mipyme-color-primary').trim()).to.equal('#c8102e');
      expect(style.getPropertyValue('--mipyme-font-size').trim()).to.equal('18px');
    } finally {
      frame.remove();
    }
  });
});

describe('contrast', () => {
  it('contrastRatio: black on white is 21, a colour on itself 1', () => {
    expect(contrastRatio('#000000', '#ffffff')).to.be.closeTo(21, 0.01);
    expect(contrastRatio('#0b5cab', '#0b5cab')).to.equal(1);
    expect(contrastRatio('#ffffff', '#0b5cab')).to.be.greaterThan(4.5);
  });

  it('the built-in colours pass; a pale yellow primary fails as link and under white text', () => {
    expect(contrastIssues({ brand: {}, theme: 'auto' })).to.deep.equal([]);
    const issues = contrastIssues({ brand: { primary: '#ffcc00' }, theme: 'light' });
    expect(issues.map((issue) => issue.pair)).to.deep.equal(['button', 'link']);
    expect(issues[0]!.foreground).to.equal('#ffffff');
    expect(issues[0]!.background).to.equal('#ffcc00');
    expect(contrastIssues({ brand: { primary: '#ffcc00', onPrimary: '#1d2430' }, theme: 'light' }).map((issue) => issue.pair)).to.deep.equal(['link']);
  });

  it('a dark brand colour fails on the dark surface', () => {
    const issues = contrastIssues({ brand: { primaryDark: '#0b3d91', onPrimaryDark: '#ffffff' }, theme: 'dark' });
    expect(issues.map((issue) => `${issue.theme}/${issue.pair}`)).to.deep.equal(['dark/link']);
  });
});

describe('previewDocument', () => {
  const base = 'http://localhost:8123/demo/configurator.html#widget=all';

  it('loads the local build and the local sample feed, in the chosen language', () => {
    const html = previewDocument({ ...DEFAULT_CHOICES, widget: 'provider-finder', lang: 'en', country: 'HN', feed: 'https://red.example/feed.json' }, base);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.documentElement.lang).to.equal('en');
    const scripts = doc.querySelectorAll('script');
    expect(scripts.length).to.equal(1);
    expect(scripts[0]!.getAttribute('src')).to.equal('http://localhost:8123/cdn/provider-finder.js');
    expect(scripts[0]!.dataset['mipymeFeed']).to.equal('http://localhost:8123/demo/feed.json');
    expect(scripts[0]!.dataset['mipymeLang']).to.equal('en');
    expect(scripts[0]!.hasAttribute('integrity')).to.equal(false);
    expect(html).not.to.contain('red.example');
    expect(html).not.to.contain('unpkg.com');
    const element = doc.querySelector('mipyme-provider-finder')!;
    expect(element.getAttribute('country')).to.equal('HN');
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).to.equal('script-src http://localhost:8123');
  });

  it('carries the same tokens as the snippet', () => {
    const choices: Choices = { ...DEFAULT_CHOICES, brand: { primary: '#c8102e' } };
    const doc = new DOMParser().parseFromString(previewDocument(choices, base), 'text/html');
    const styles = [...doc.querySelectorAll('style')].map((style) => style.textContent);
    expect(styles.some((text) => text!.includes('--mipyme-color-primary: #c8102e;'))).to.equal(true);
  });

  it('four widgets for "all", from infomipyme-widgets.js', () => {
    const doc = new DOMParser().parseFromString(previewDocument({ ...DEFAULT_CHOICES }, base), 'text/html');
    expect(doc.querySelector('script')!.getAttribute('src')).to.equal('http://localhost:8123/cdn/infomipyme-widgets.js');
    expect(doc.body.querySelectorAll('*').length).to.equal(4);
  });
});

describe('cdn/manifest.json', () => {
  it('keeps valid entries, drops a bad hash', () => {
    const manifest = parseManifest({
      name: 'infomipyme-widgets',
      version: '0.1.0',
      files: {
        'toolbox-browser.js': { integrity: INTEGRITY, bytes: 100, gzip: 40, brotli: 30 },
        'provider-finder.js': { integrity: 'sha384-x" onload="y', bytes: 'lots' },
        '../evil.js': { integrity: INTEGRITY },
      },
    });
    expect(manifest).to.deep.equal({
      version: '0.1.0',
      files: {
        'toolbox-browser.js': { integrity: INTEGRITY, bytes: 100, gzip: 40, brotli: 30 },
        'provider-finder.js': { integrity: undefined, bytes: undefined, gzip: undefined, brotli: undefined },
      },
    });
  });

  it('refuses a manifest without a version or files', () => {
    expect(parseManifest(null)).to.equal(null);
    expect(parseManifest({ files: {} })).to.equal(null);
    expect(parseManifest({ version: '1"', files: {} })).to.equal(null);
    expect(parseManifest({ version: '0.1.0' })).to.equal(null);
  });

  it('the real manifest has a hash for every file', async () => {
    const manifest = parseManifest(await (await fetch('/cdn/manifest.json')).json());
    expect(manifest).not.to.equal(null);
    for (const file of ['infomipyme-widgets.js', 'toolbox-browser.js', 'cash-flow-calculator.js', 'business-plan-outline.js', 'provider-finder.js']) {
      expect(manifest!.files[file]?.integrity, file).to.match(/^sha384-/);
    }
  });
});

describe('the URL hash', () => {
  it('round-trips the choices, writing only what differs from the defaults', () => {
    expect(choicesToHash({ ...DEFAULT_CHOICES })).to.equal('');
    const choices: Choices = {
      widget: 'cash-flow-calculator',
      country: '',
      lang: 'en',
      theme: 'auto',
      feed: 'https://red.example/feed.json?x=1&y=2#z',
      publisher: 'socio-sv red-infomipyme',
      brand: { primary: '#c8102e', fontSize: '18' },
      scope: 'elements',
    };
    const hash = choicesToHash(choices);
    expect(hash.startsWith('#')).to.equal(true);
    expect(choicesFromHash(hash)).to.deep.equal(choices);
  });

  it('a hostile link falls back to the defaults for listed values', () => {
    const choices = choicesFromHash('#widget=<script>&country=XX&lang=fr&theme=neon&scope=body&primary=red;}');
    expect(choices.widget).to.equal('all');
    expect(choices.country).to.equal('SV');
    expect(choices.lang).to.equal('es');
    expect(choices.theme).to.equal('light');
    expect(choices.scope).to.equal('root');
    expect(choices.brand.primary).to.equal('red;}');
    expect(buildSnippet({ ...choices, version: '0.1.0' })).not.to.contain('red;}');
  });
});
