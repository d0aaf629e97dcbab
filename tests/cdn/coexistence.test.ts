/**
 * Two copies of the library on one partner page: the same version loaded twice (two URLs), and
 * a DIFFERENT version — the built cdn/ file as another release would ship it, served by
 * web-test-runner.config.mjs at /__other-version/<file>.js with its version replaced by 9.9.9 —
 * in both orders, with elements written in the page before any script. Each scenario is a fresh
 * page in an iframe. No exception, the first definition of each tag wins (the registry records
 * the version that owns it), and the later copy's console warning names both versions.
 * This file imports no source module (the pages are like a partner's).
 */
import { expect } from '@open-wc/testing';
import { until } from '../helpers/until.js';

const OTHER = '9.9.9';
const TAGS = ['mipyme-toolbox-browser', 'mipyme-cash-flow-calculator', 'mipyme-business-plan-outline', 'mipyme-provider-finder'];
const REGISTRY = Symbol.for('infomipyme-widgets.registry.v1');

interface Registry {
  tags: Map<string, string>;
}

interface Page {
  win: Window & typeof globalThis & { [REGISTRY]?: Registry };
  doc: Document;
  errors: string[];
  warnings: string[];
}

let version = '';
const opened: HTMLIFrameElement[] = [];

/** A fresh partner page in an iframe, its errors and console warnings recorded. */
async function openPage(): Promise<Page> {
  const iframe = document.createElement('iframe');
  iframe.style.width = '1024px';
  iframe.style.height = '800px';
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = '/tests/cdn/pages/blank.html';
  document.body.append(iframe);
  opened.push(iframe);
  await loaded;
  const win = iframe.contentWindow as Page['win'];
  const page: Page = { win, doc: iframe.contentDocument!, errors: [], warnings: [] };
  win.addEventListener('error', (event) => page.errors.push(String(event.error?.stack ?? event.message)));
  win.addEventListener('unhandledrejection', (event) => page.errors.push(String(event.reason?.stack ?? event.reason)));
  const warn = win.console.warn;
  win.console.warn = (...args: unknown[]) => {
    page.warnings.push(args.map(String).join(' '));
    warn.apply(win.console, args);
  };
  return page;
}

/** Adds `<script type="module" src=…>` to the page and waits until it has run. */
function load(page: Page, src: string, data: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = page.doc.createElement('script');
    script.type = 'module';
    script.src = src;
    for (const [key, value] of Object.entries(data)) script.dataset[key] = value;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error(`could not load ${src}`)));
    page.doc.head.append(script);
  });
}

/** An element written in the page (before or after the scripts). */
function place(page: Page, tag: string, attributes: Record<string, string> = { country: 'SV' }): HTMLElement {
  const el = page.doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  page.doc.body.append(el);
  return el;
}

const owners = (page: Page): Record<string, string | undefined> =>
  Object.fromEntries(TAGS.map((tag) => [tag, page.win[REGISTRY]?.tags.get(tag)]));
const classes = (page: Page) => TAGS.map((tag) => page.win.customElements.get(tag));
/**
 * The all-widgets file loads a widget's code when its tag is on the page, and the others once the
 * page is idle: wait until all four are defined.
 */
const allDefined = (page: Page) => until(() => classes(page).every((c) => typeof c === 'function'), 'the four tags defined');
const alreadyDefined = (page: Page) => page.warnings.filter((w) => w.includes('is already defined'));
const warning = (later: string, tag: string, first: string) =>
  `infomipyme-widgets ${later}: <${tag}> is already defined by infomipyme-widgets ${first}; that definition is kept. Load the library only once per page.`;

/** The widgets work: the toolbox lists the feed's tools for SV, the calculator shows its grid. */
async function expectWorking(toolbox: HTMLElement, calculator: HTMLElement): Promise<void> {
  await until(() => (toolbox.shadowRoot?.querySelectorAll('.item').length ?? 0) === 1, 'the tools');
  expect(toolbox.shadowRoot!.querySelector('[part="count"]')!.textContent!.trim()).to.equal('1 herramienta');
  await until(() => !!calculator.shadowRoot?.querySelector('[role="grid"]'), 'the calculator');
}

const feed = () => {
  const key = `co${Math.random().toString(36).slice(2)}`;
  return { key, url: `/__feed/ok?k=${key}` };
};

async function hits(key: string): Promise<number> {
  return ((await (await fetch(`/__feed/hits?k=${key}`)).json()) as { hits: number }).hits;
}

before(async () => {
  version = ((await (await fetch('/package.json')).json()) as { version: string }).version;
  expect(version).to.not.equal(OTHER);
});

afterEach(() => {
  for (const iframe of opened.splice(0)) iframe.remove();
});

describe('two versions of the library on one page', function () {
  this.timeout(20000);

  it(`this version first, then the same again (another URL), then ${OTHER}: the first wins, ${OTHER} warns naming both`, async () => {
    const page = await openPage();
    const { key, url } = feed();
    // Written by the CMS before any script.
    const toolbox = place(page, 'mipyme-toolbox-browser');
    const calculator = place(page, 'mipyme-cash-flow-calculator');

    await load(page, '/cdn/infomipyme-widgets.js', { mipymeFeed: url });
    await allDefined(page);
    const first = classes(page);
    expect(toolbox instanceof first[0]!).to.equal(true);

    await load(page, '/cdn/infomipyme-widgets.js?copy=2'); // the same version again: silent
    expect(alreadyDefined(page)).to.deep.equal([]);

    await load(page, '/__other-version/infomipyme-widgets.js');
    await load(page, '/__other-version/toolbox-browser.js');

    expect(page.errors).to.deep.equal([]);
    expect(classes(page).every((c, i) => c === first[i])).to.equal(true);
    expect(owners(page)).to.deep.equal(Object.fromEntries(TAGS.map((tag) => [tag, version])));
    expect(alreadyDefined(page)).to.deep.equal([
      ...TAGS.map((tag) => warning(OTHER, tag, version)),
      warning(OTHER, 'mipyme-toolbox-browser', version),
    ]);

    await expectWorking(toolbox, calculator);
    // Elements added later are the first version's too, and every copy shares one feed request.
    const late = place(page, 'mipyme-toolbox-browser');
    expect(late.constructor === first[0]).to.equal(true);
    await until(() => (late.shadowRoot?.querySelectorAll('.item').length ?? 0) === 1, 'a late element');
    expect(await hits(key)).to.equal(1);
    expect(page.errors).to.deep.equal([]);
  });

  it(`${OTHER} first, then this version: ${OTHER} wins, this version warns naming both`, async () => {
    const page = await openPage();
    const { key, url } = feed();
    const toolbox = place(page, 'mipyme-toolbox-browser');
    const calculator = place(page, 'mipyme-cash-flow-calculator');

    await load(page, '/__other-version/infomipyme-widgets.js', { mipymeFeed: url });
    await allDefined(page);
    const first = classes(page);
    expect(owners(page)).to.deep.equal(Object.fromEntries(TAGS.map((tag) => [tag, OTHER])));

    await load(page, '/cdn/infomipyme-widgets.js');
    await load(page, '/cdn/provider-finder.js');

    expect(page.errors).to.deep.equal([]);
    expect(classes(page).every((c, i) => c === first[i])).to.equal(true);
    expect(owners(page)).to.deep.equal(Object.fromEntries(TAGS.map((tag) => [tag, OTHER])));
    expect(alreadyDefined(page)).to.deep.equal([
      ...TAGS.map((tag) => warning(version, tag, OTHER)),
      warning(version, 'mipyme-provider-finder', OTHER),
    ]);
    await expectWorking(toolbox, calculator);
    expect(await hits(key)).to.equal(1);
    expect(page.errors).to.deep.equal([]);
  });

  it(`${OTHER}'s single-widget file first, then this version's full file: each tag has one owner, one warning`, async () => {
    const page = await openPage();
    const { url } = feed();
    const toolbox = place(page, 'mipyme-toolbox-browser');
    const calculator = place(page, 'mipyme-cash-flow-calculator');

    await load(page, '/__other-version/toolbox-browser.js', { mipymeFeed: url });
    await until(() => !!page.win.customElements.get('mipyme-toolbox-browser'), 'the toolbox defined');
    const otherToolbox = page.win.customElements.get('mipyme-toolbox-browser');
    expect(page.win.customElements.get('mipyme-cash-flow-calculator')).to.equal(undefined);

    await load(page, '/cdn/infomipyme-widgets.js');
    await allDefined(page);

    expect(page.errors).to.deep.equal([]);
    expect(page.win.customElements.get('mipyme-toolbox-browser') === otherToolbox).to.equal(true);
    expect(owners(page)).to.deep.equal({
      'mipyme-toolbox-browser': OTHER,
      'mipyme-cash-flow-calculator': version,
      'mipyme-business-plan-outline': version,
      'mipyme-provider-finder': version,
    });
    expect(alreadyDefined(page)).to.deep.equal([warning(version, 'mipyme-toolbox-browser', OTHER)]);
    await expectWorking(toolbox, calculator);
    expect(page.errors).to.deep.equal([]);
  });
});
