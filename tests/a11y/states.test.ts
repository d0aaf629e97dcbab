/**
 * axe-core (WCAG 2.2 AA rules, target-size on: tests/helpers/a11y.ts) on every widget in each
 * state a visitor can meet — loading, ready, empty, error, offline — light and dark, at 320 px
 * and 1280 px (issue #10). Dialogs and menus open are checked in each widget's own tests.
 * At 320 px (what 200 % zoom leaves of a 640 px window; WCAG 1.4.10 Reflow) nothing of the widget
 * sticks out sideways, but the cash-flow grid's contents, which scroll inside the grid's box.
 *
 * The cash-flow grid is wider than its box and scrolls inside it: a cell scrolled out of the box
 * is hidden, and axe reads its colours against whatever lies outside the widget (the test page's
 * white). So the grid is checked where a visitor sees it: scrolled through, box by box, a colour
 * finding counting only for a node then fully inside the box.
 */
import { expect, fixture } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../../src/define.js';
import { resetFeeds } from '../../src/feed/load.js';
import { MemoryStore, feedCache, setFeedCache } from '../../src/feed/cache.js';
import { initLocalization } from '../../src/shared/locale.js';
import { reportViolations, sticksOut, violationsSeen } from '../helpers/a11y.js';
import { until } from '../helpers/until.js';

const TAGS = ['mipyme-toolbox-browser', 'mipyme-cash-flow-calculator', 'mipyme-business-plan-outline', 'mipyme-provider-finder'];
type State = 'loading' | 'ready' | 'empty' | 'error' | 'offline';
const STATES: readonly State[] = ['loading', 'ready', 'empty', 'error', 'offline'];

const key = () => `a${Math.random().toString(36).slice(2)}`;
/** Keys of the held (loading) responses, released after each test. */
const held: string[] = [];
let sample = '';
const original = feedCache();

before(async () => {
  await initLocalization('es');
  sample = await (await fetch('/demo/feed.json')).text();
});

afterEach(async () => {
  for (const k of held.splice(0)) await fetch(`/__feed/release?k=${k}`);
  setFeedCache(original);
  resetFeeds();
  localStorage.clear();
});

after(async () => {
  await setViewport({ width: 800, height: 600 });
});

/** The widget in `state`, once that state is on screen. */
async function widgetIn(tag: string, state: State, theme: string): Promise<HTMLElement> {
  const k = key();
  const t = unsafeStatic(tag);
  let feed = '';
  // Held by the server until released (a request that never ends would hold one of the
  // browser's six connections to the test server).
  if (state === 'loading') {
    feed = `/__feed/gated-v2?k=${k}`;
    held.push(k);
  }
  if (state === 'error') feed = `/__feed/not-found?k=${k}`;
  if (state === 'ready') feed = `/__feed/sample?k=${k}`;
  if (state === 'offline') {
    feed = new URL(`/__feed/switch?k=${k}`, location.href).href;
    const store = new MemoryStore();
    setFeedCache(store);
    await store.write(feed, { text: sample, fetchedAt: Date.UTC(2026, 10, 12, 12) });
    await fetch(`/__feed/mode?k=${k}&m=down`);
  }
  const el =
    state === 'empty'
      ? await fixture<HTMLElement>(staticHtml`<${t} theme=${theme} country="SV" .data=${{ version: 1, title: 'Vacío' }}></${t}>`)
      : await fixture<HTMLElement>(staticHtml`<${t} theme=${theme} country="SV" feed=${feed}></${t}>`);
  const root = () => el.shadowRoot!;
  const part = (name: string) => !!root().querySelector(`[part~="${name}"]`);
  if (state === 'loading') await until(() => part('loading'), `${tag} loading`);
  else if (state === 'error') await until(() => part('error'), `${tag} error`);
  else if (state === 'offline') await until(() => part('offline'), `${tag} offline`);
  else await until(() => !part('loading') && !part('error') && root().childElementCount > 0, `${tag} ${state}`);
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

for (const width of [320, 1280]) {
  for (const theme of ['light', 'dark']) {
    describe(`accessibility of every state: ${width} px, ${theme}`, function () {
      this.timeout(60000);
      before(async () => {
        await setViewport({ width, height: 900 });
      });
      for (const tag of TAGS) {
        it(`<${tag}>: ${STATES.join(', ')} — no axe violation${width === 320 ? ', nothing sideways' : ''}`, async () => {
          for (const state of STATES) {
            const el = await widgetIn(tag, state, theme);
            const violations = await violationsSeen(el);
            expect(violations, `${state}: ${reportViolations(violations)}`).to.deep.equal([]);
            if (width === 320) expect(sticksOut(el), `${state}: sideways at 320 px`).to.deep.equal([]);
          }
        });
      }
    });
  }
}
