/**
 * A saved cash-flow projection as text for the plan's exports (the table after the financial
 * part) and for the advisor share (provider-finder/advisor-share.ts): the headline and the
 * month table, formatted in `locale`.
 *
 * Pure: no DOM, no Lit rendering (the texts go through `msg()`, in the page's language).
 */
import { msg, str } from '@lit/localize';
import type { Draft } from '../cash-flow-calculator/drafts.js';
import { monthAt, projectCashFlow, type Projection } from '../cash-flow-calculator/projection.js';
import { formatMoney, formatMonth } from '../shared/format.js';
import type { CashFlowExtract } from './plan-core.js';

/**
 * The projection's outcome in one sentence, without its name: "Cash runs out in March 2027:
 * $1,200.00 of funding is needed." or "Cash is enough every month; lowest balance $350.00."
 */
export function cashFlowHeadline(draft: Draft, locale: string, projection: Projection = projectCashFlow(draft.plan)): string {
  const money = (minor: number) => formatMoney(minor, draft.plan.currency, locale);
  return projection.firstNegative !== null
    ? msg(str`Cash runs out in ${formatMonth(monthAt(draft.plan.startMonth, Math.max(0, projection.firstNegative)), locale, 'long')}: ${money(projection.fundingNeeded)} of funding is needed.`)
    : msg(str`Cash is enough every month; lowest balance ${money(projection.lowest.balance)}.`);
}

/** The projection as the exports show it: "Name. Headline." and one row per month (month, money in, money out, closing balance). */
export function cashFlowExtract(draft: Draft, locale: string): CashFlowExtract {
  const projection = projectCashFlow(draft.plan);
  const money = (minor: number) => formatMoney(minor, draft.plan.currency, locale);
  return {
    headline: `${draft.name}. ${cashFlowHeadline(draft, locale, projection)}`,
    header: [msg('Month'), msg('Money in'), msg('Money out'), msg('Closing balance')],
    rows: projection.months.map((m, i) => [formatMonth(monthAt(draft.plan.startMonth, i), locale), money(m.totalIn), money(m.totalOut), money(m.closing)]),
  };
}
