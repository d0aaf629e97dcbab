/**
 * The built CDN file (cdn/infomipyme-widgets.js) on partner pages with a strict
 * Content-Security-Policy, each page in its own iframe (a fresh page with its own CSP):
 *
 *   script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types <names>
 *
 * served by web-test-runner.config.mjs at /__csp/<variant>: no inline script or style, the four
 * widgets, the feed from data-mipyme-feed. tests/cdn/pages/csp-probe.js, loaded first, records
 * every `securitypolicyviolation`, error and console warning of the page. What is tested is the
 * Trusted Types choice of the CDN build (ownTrustedTypesPolicy in rollup.config.mjs,
 * docs/embedding.md): `lit-html` when no other Lit has run on the page, else `infomipyme-widgets`,
 * then the other name, then none. This file imports no source module.
 */
import { expect } from '@open-wc/testing';
import { until as waitUntil } from '../helpers/until.js';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

interface Probe {
  violations: Violation[];
  errors: string[];
  warnings: string[];
  ready: boolean;
}

interface Page {
  iframe: HTMLIFrameElement;
  win: Window & typeof globalThis & { cspProbe: Probe; hostPolicy?: unknown };
  doc: Document;
  probe: Probe;
}

const TAGS = ['mipyme-toolbox-browser', 'mipyme-cash-flow-calculator', 'mipyme-business-plan-outline', 'mipyme-provider-finder'];

/** The widgets of a framed page can take a while on a loaded machine. */
const until = (check: () => boolean, what: string) => waitUntil(check, what, 1000);

const opened: HTMLIFrameElement[] = [];
const feedUrls: string[] = [];
let storageBefore = new Map<string, string>();

/** Loads /__csp/<variant> in an iframe and waits for the probe (and, unless told, the widgets). */
async function openPage(variant: string, waitForWidgets = true): Promise<Page> {
  const key = `csp${Math.random().toString(36).slice(2)}`;
  feedUrls.push(new URL(`/__feed/sample?k=${key}`, location.href).href);
  const iframe = document.createElement('iframe');
  iframe.style.width = '1024px';
  iframe.style.height = '900px';
  iframe.src = `/__csp/${variant}?k=${key}`;
  document.body.append(iframe);
  opened.push(iframe);
  const win = () => iframe.contentWindow as Page['win'] | null;
  await until(() => !!win()?.cspProbe, 'the probe');
  if (waitForWidgets) await until(() => win()!.cspProbe.ready, 'the four widgets, ready');
  return { iframe, win: win()!, doc: iframe.contentDocument!, probe: win()!.cspProbe };
}

const shadow = (page: Page, tag: string) => page.doc.querySelector(tag)!.shadowRoot!;

/**
 * What the probe recorded, copied out of the page (chai never walks the page's own objects);
 * a violation's source is its file, without the line; a part of a cdn/ file
 * (cdn/parts/<file>/<part>.js) counts as that file.
 */
function recorded(page: Page): Pick<Probe, 'violations' | 'errors' | 'warnings'> {
  const { violations, errors, warnings } = JSON.parse(JSON.stringify(page.probe)) as Probe;
  return { violations: violations.map((v) => ({
      ...v,
      source: v.source.replace(/:\d+$/, '').replace(/\/cdn\/parts\/([\w-]+)\/[\w-]+\.js$/, '/cdn/$1.js'),
    })), errors, warnings };
}

/** Lets the page's queued violation reports and renders run. */
async function settle(page: Page): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => page.win.requestAnimationFrame(() => resolve(undefined)));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function typeInto(page: Page, input: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  input.focus();
  input.value = text;
  input.dispatchEvent(new page.win.Event('input', { bubbles: true, composed: true }));
}

/** Renders each widget's content, then uses each a bit, as a visitor would. */
async function useTheWidgets(page: Page): Promise<void> {
  // Toolbox: a search narrows the list.
  const toolbox = shadow(page, 'mipyme-toolbox-browser');
  const count = () => toolbox.querySelector('[part="count"]')!.textContent!.trim();
  const before = count();
  typeInto(page, toolbox.querySelector<HTMLInputElement>('#search')!, 'precio');
  await until(() => count() !== before, 'the toolbox search');
  expect(toolbox.querySelectorAll('.item').length).to.be.above(0);

  // Cash-flow calculator: an amount typed into a cell.
  const calculator = shadow(page, 'mipyme-cash-flow-calculator');
  const cell = () => calculator.querySelector<HTMLElement>('.amount[data-row="0"][data-col="1"]')!;
  cell().click();
  await until(() => !!cell().querySelector('input'), 'the cell editor');
  const editor = cell().querySelector('input')!;
  typeInto(page, editor, '1234');
  editor.dispatchEvent(new page.win.KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  await until(() => !cell().querySelector('input') && /1[.,\s]?234/.test(cell().textContent!), 'the amount in the cell');

  // Business-plan outline: an answer typed.
  const plan = shadow(page, 'mipyme-business-plan-outline');
  const answer = plan.querySelector<HTMLTextAreaElement>('[part="question"] textarea')!;
  typeInto(page, answer, 'Vendemos pupusas a los vecinos del barrio.');
  await until(() => /\b1 de \d+ preguntas/.test(plan.querySelector('[part="progress"]')!.textContent!), 'the progress');

  // Provider finder: a search, then a provider's details.
  const finder = shadow(page, 'mipyme-provider-finder');
  typeInto(page, finder.querySelector<HTMLInputElement>('#search')!, 'capacitación');
  await until(() => finder.querySelectorAll('.item').length > 0, 'the providers found');
  finder.querySelector<HTMLButtonElement>('.item h3 button')!.click();
  await until(() => !!finder.querySelector<HTMLDialogElement>('dialog[part="details"]')?.open, 'the details dialog');
  expect(finder.querySelector('#details-title')!.textContent!.trim()).to.not.equal('');

  await settle(page);
}

const refused = (name: string): Violation => ({
  directive: 'trusted-types',
  blocked: 'trusted-types-policy',
  sample: name,
  source: `${location.origin}/cdn/infomipyme-widgets.js`,
});

beforeEach(() => {
  storageBefore = new Map(
    Object.keys(localStorage)
      .filter((k) => k.startsWith('infomipyme-widgets.'))
      .map((k) => [k, localStorage.getItem(k)!]),
  );
});

afterEach(async () => {
  for (const iframe of opened.splice(0)) iframe.remove();
  // The pages share this origin's storage: leave it as it was.
  for (const k of Object.keys(localStorage)) {
    if (!k.startsWith('infomipyme-widgets.')) continue;
    if (storageBefore.has(k)) localStorage.setItem(k, storageBefore.get(k)!);
    else localStorage.removeItem(k);
  }
  const cache = await caches.open('infomipyme-widgets.feeds.v1');
  for (const url of feedUrls.splice(0)) await cache.delete(url);
});

describe('a strict CSP page, the issue\'s: trusted-types lit-html', function () {
  this.timeout(20000);

  it('all four widgets render and are used with zero violation reports, no error, no warning', async () => {
    const page = await openPage('lit-html');
    for (const tag of TAGS) expect(typeof page.win.customElements.get(tag), tag).to.equal('function');
    await useTheWidgets(page);
    expect(recorded(page)).to.deep.equal({ violations: [], errors: [], warnings: [] });
  });
});

describe('a nonce-based strict CSP page: script-src \'nonce-…\' \'strict-dynamic\'', function () {
  this.timeout(20000);

  it('the widgets\' parts load (their preloads carry the script tag\'s nonce), render and are used with zero reports', async () => {
    const page = await openPage('nonce');
    for (const tag of TAGS) expect(typeof page.win.customElements.get(tag), tag).to.equal('function');
    await useTheWidgets(page);
    expect(recorded(page)).to.deep.equal({ violations: [], errors: [], warnings: [] });
  });
});

describe('a strict CSP page that runs Lit itself: trusted-types infomipyme-widgets lit-html', function () {
  this.timeout(20000);

  it('the page\'s Lit keeps lit-html, the widgets use infomipyme-widgets: zero reports', async () => {
    const page = await openPage('taken');
    // The host's own Lit rendered (it created the lit-html policy first).
    expect(page.doc.querySelector('#host-app .host-rendered')!.textContent).to.equal('Host app rendered with Lit');
    await useTheWidgets(page);
    expect(recorded(page)).to.deep.equal({ violations: [], errors: [], warnings: [] });
  });

  it('a lit-html policy made by a script that is not Lit: the widgets work; one report, for the duplicate lit-html', async () => {
    const page = await openPage('taken-plain');
    // (Never hand the page's objects to chai: its messages walk them.)
    expect(String(page.win.hostPolicy)).to.equal('[object TrustedTypePolicy]');
    await useTheWidgets(page);
    // No API says a name is taken; only a Lit that ran is seen (litHtmlVersions): the trade-off.
    expect(recorded(page)).to.deep.equal({ violations: [refused('lit-html')], errors: [], warnings: [] });
  });
});

describe('a strict CSP page that names only the CDN build\'s own policy: trusted-types infomipyme-widgets', function () {
  this.timeout(20000);

  it('the widgets work; one report, for the lit-html attempt (the documented trade-off)', async () => {
    const page = await openPage('own');
    await useTheWidgets(page);
    expect(recorded(page)).to.deep.equal({ violations: [refused('lit-html')], errors: [], warnings: [] });
  });
});

describe('two copies of the library on a strict CSP page', function () {
  this.timeout(20000);

  it('another version after this one (trusted-types lit-html): it creates no policy, zero reports', async () => {
    const page = await openPage('two-versions');
    await useTheWidgets(page);
    const { violations, errors, warnings } = recorded(page);
    expect({ violations, errors }).to.deep.equal({ violations: [], errors: [] });
    // Only the "already defined" warnings of the second copy.
    expect(warnings).to.have.length(4);
    expect(warnings.every((w) => w.startsWith('infomipyme-widgets 9.9.9: <mipyme-') && w.includes('is already defined'))).to.equal(true);
  });

  it('one widget\'s file, then the full file (trusted-types lit-html infomipyme-widgets): one name each, zero reports', async () => {
    const page = await openPage('two-files');
    await useTheWidgets(page);
    expect(recorded(page)).to.deep.equal({ violations: [], errors: [], warnings: [] });
  });
});

describe('a strict CSP page that allows no policy: trusted-types \'none\'', function () {
  this.timeout(20000);

  it('the script still loads and defines its tags, and one console warning names both policies', async () => {
    const page = await openPage('none', false);
    await until(() => TAGS.every((tag) => !!page.win.customElements.get(tag)), 'the tags defined');
    await until(() => page.probe.warnings.length > 0, 'the warning');
    await settle(page);
    const { violations, warnings } = recorded(page);
    expect(warnings).to.deep.equal([
      "infomipyme-widgets: this page's Content-Security-Policy allows neither Trusted Types policy lit-html nor infomipyme-widgets; the widgets cannot render. Add one of them to trusted-types.",
    ]);
    // Each name was tried once (then Lit's templates are refused by require-trusted-types-for).
    expect(violations.filter((v) => v.directive === 'trusted-types').map((v) => v.sample)).to.deep.equal([
      'lit-html',
      'infomipyme-widgets',
    ]);
  });
});
