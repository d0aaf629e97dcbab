/**
 * The printable page of a projection, built with DOM calls in the pop-up the element opened
 * (text as text, styled through the CSSOM: see shared/print-window.ts). A lazy part (see
 * parts.ts): loaded the first time the owner prints.
 */
import { msg } from '@lit/localize';
import { formatMoney, formatMonth } from '../shared/format.js';
import { stylePrintWindow } from '../shared/print-window.js';
import type { Draft } from './drafts.js';
import { monthAt, type Projection } from './projection.js';

/** The printable page's style. */
const PRINT_CSS =
  'body{font:12px system-ui,sans-serif}table{border-collapse:collapse}th,td{border:1px solid #999;padding:2px 4px;text-align:right}th:first-child,td:first-child{text-align:left}';

/** Fill `win` with the projection (name, summary sentence, every line, closing balances), then print. */
export function printProjection(win: Window, p: { draft: Draft; projection: Projection; headline: string; locale: string }): void {
  const { draft, projection, locale } = p;
  const doc = win.document;
  doc.title = draft.name;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string) => {
    const node = doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  stylePrintWindow(win, PRINT_CSS);
  const table = el('table');
  const plan = draft.plan;
  const money = (minor: number) => formatMoney(minor, plan.currency, locale);
  const head = el('tr');
  head.append(el('th', msg('Item')), el('th', msg('Before opening')));
  for (let i = 0; i < plan.months; i++) head.append(el('th', formatMonth(monthAt(plan.startMonth, i), locale)));
  table.append(head);
  for (const line of plan.lines) {
    const row = el('tr');
    row.append(el('td', `${line.flow === 'in' ? '+' : '−'} ${line.label}`), el('td', money(line.preStart)));
    for (const amount of line.amounts) row.append(el('td', money(amount)));
    table.append(row);
  }
  const closing = el('tr');
  closing.append(el('th', msg('Closing balance')), el('td', money(projection.preStart.closing)));
  for (const month of projection.months) closing.append(el('td', money(month.closing)));
  table.append(closing);
  doc.body.replaceChildren(el('h1', draft.name), el('p', p.headline), table);
  win.focus();
  win.print();
}
