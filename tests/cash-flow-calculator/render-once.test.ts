/**
 * One render per change: closing a cell editor or a panel must not make the calculator render a
 * second time from inside its own update (the focus moving in the render used to set grid state
 * there; Lit warns "scheduled an update … after an update completed", change-in-update).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/cash-flow-calculator/cash-flow-calculator.js';
import type { MipymeCashFlowCalculator } from '../../src/cash-flow-calculator/cash-flow-calculator.element.js';
import { until } from '../helpers/until.js';
import { freshWidgets, spanishOnce } from '../helpers/fresh.js';

const shadow = (el: Element) => el.shadowRoot!;
let warnings: string[] = [];
const originalWarn = console.warn;

before(spanishOnce);

beforeEach(() => {
  freshWidgets();
  warnings = [];
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
    originalWarn(...args);
  };
});

afterEach(() => {
  console.warn = originalWarn;
  localStorage.clear();
});

async function calculator(): Promise<MipymeCashFlowCalculator> {
  const feed = await (await fetch(new URL('../fixtures/minimal-feed.json', import.meta.url))).json();
  const el = await fixture<MipymeCashFlowCalculator>(html`<mipyme-cash-flow-calculator .data=${feed} country="SV"></mipyme-cash-flow-calculator>`);
  await until(() => shadow(el).querySelector('.amount[data-row="0"][data-col="1"]') !== null, 'the grid');
  return el;
}

const changeInUpdate = () => warnings.filter((w) => w.includes('change-in-update'));

it('a cell edited and closed with Enter: the focus goes to the next row in the same render', async () => {
  const el = await calculator();
  const cell = () => shadow(el).querySelector<HTMLElement>('.amount[data-row="0"][data-col="1"]')!;
  cell().click();
  await until(() => cell().querySelector('input') !== null, 'the editor');
  await sendKeys({ type: '987' });
  await sendKeys({ press: 'Enter' });
  await until(() => shadow(el).activeElement?.getAttribute('data-col') === '1' && shadow(el).activeElement !== cell(), 'the focus on the next row');
  await el.updateComplete;
  expect(changeInUpdate()).to.deep.equal([]);
});

it('the Fill panel closed with Escape: the focus goes back to Fill in the same render', async () => {
  const el = await calculator();
  const fill = shadow(el).querySelector<HTMLButtonElement>('button[data-fill]')!;
  fill.focus();
  fill.click();
  await until(() => shadow(el).activeElement?.id === 'fill-kind', 'the panel');
  await sendKeys({ press: 'Escape' });
  await until(() => shadow(el).activeElement === fill, 'the focus on Fill');
  await el.updateComplete;
  expect(changeInUpdate()).to.deep.equal([]);
});
