/**
 * The calculator's line tools: the "Fill" panel of a row (the same amount every month, growing,
 * once, every few months) and the helpers that add or change lines (a loan, the sales tax, sales
 * on credit). A lazy part (see parts.ts): loaded the first time the owner opens one of them.
 *
 * The element keeps the state (which panel is open, what is typed in it) and commits the plan;
 * this module draws the forms and works out the amounts (with the pure line-helpers.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { parseAmount } from './amount-input.js';
import { newDraftId } from './drafts.js';
import { collections, everyNMonths, growing, loan, oneOff, sameEveryMonth, vatPayments } from './line-helpers.js';
import { monthlyByKind, type CashFlowLine, type CashFlowPlan } from './projection.js';

export type FillKind = 'same' | 'growth' | 'once' | 'every';

export interface FillForm {
  readonly lineId: string;
  kind: FillKind;
  amount: string;
  pct: string;
  month: number;
  every: number;
}

export type HelperKind = 'loan' | 'vat' | 'credit';

export interface HelperForm {
  kind: HelperKind;
  amount: string;
  month: number;
  term: string;
  rate: string;
  includesTax: boolean;
  lineId: string;
  share: string;
  delay: string;
}

// ------------------------------------------------------------------ fill a row

/** The fill panel of a line, as it opens. */
export function newFillForm(lineId: string): FillForm {
  return { lineId, kind: 'same', amount: '', pct: '5', month: 0, every: 3 };
}

/** The amounts of a filled row (`amount` in minor units). */
export function fillAmounts(form: FillForm, amount: number, months: number): number[] {
  // A fall of more than 100 % a month means nothing: keep the rate within −100 … 1,000 %.
  const pct = Math.min(1000, Math.max(-100, Number(form.pct.replace(',', '.')) || 0));
  switch (form.kind) {
    case 'same':
      return sameEveryMonth(amount, months);
    case 'growth':
      return growing(amount, pct, months);
    case 'once':
      return oneOff(amount, form.month, months);
    case 'every':
      return everyNMonths(amount, Math.max(1, form.every), form.month, months);
  }
}

export interface FillPanelContext {
  readonly line: CashFlowLine;
  readonly plan: CashFlowPlan;
  /** Columns of the grid (the panel spans them all). */
  readonly columns: number;
  readonly form: FillForm;
  /** Why the amount was refused, if it was. */
  readonly error: string | undefined;
  /** A month's short name. */
  readonly monthName: (index: number) => string;
  readonly update: (change: Partial<FillForm>) => void;
  readonly apply: () => void;
  readonly cancel: () => void;
}

export function renderFillPanel(c: FillPanelContext): TemplateResult {
  const { form, line, error } = c;
  const monthOptions = Array.from({ length: c.plan.months }, (_, i) => i);
  return html`<div role="row" class="grid-row fill-panel">
    <div role="gridcell" aria-colspan=${c.columns}>
      <div class="row">
        <div class="field">
          <label class="field-label" for="fill-kind">${msg(str`Fill "${line.label}"`)}</label>
          <select id="fill-kind" @change=${(e: Event) => c.update({ kind: (e.target as HTMLSelectElement).value as FillKind })}>
            <option value="same" ?selected=${form.kind === 'same'}>${msg('Same amount every month')}</option>
            <option value="growth" ?selected=${form.kind === 'growth'}>${msg('Growing each month by a percentage')}</option>
            <option value="once" ?selected=${form.kind === 'once'}>${msg('Once, in one month')}</option>
            <option value="every" ?selected=${form.kind === 'every'}>${msg('Every few months')}</option>
          </select>
        </div>
        <div class="field">
          <label class="field-label" for="fill-amount">${msg('Amount')}</label>
          <input id="fill-amount" class="narrow-input" inputmode="decimal" .value=${form.amount}
            aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'fill-error' : nothing}
            @input=${(e: Event) => c.update({ amount: (e.target as HTMLInputElement).value })} />
          ${error ? html`<span id="fill-error" class="cell-error">${error}</span>` : nothing}
        </div>
        ${form.kind === 'growth'
          ? html`<div class="field">
              <label class="field-label" for="fill-pct">${msg('Growth per month (%)')}</label>
              <input id="fill-pct" class="pct-input" inputmode="decimal" .value=${form.pct}
                @input=${(e: Event) => c.update({ pct: (e.target as HTMLInputElement).value })} />
            </div>`
          : nothing}
        ${form.kind === 'once' || form.kind === 'every'
          ? html`<div class="field">
              <label class="field-label" for="fill-month">${form.kind === 'once' ? msg('Month') : msg('First month')}</label>
              <select id="fill-month" @change=${(e: Event) => c.update({ month: Number((e.target as HTMLSelectElement).value) })}>
                ${monthOptions.map((i) => html`<option value=${i} ?selected=${i === form.month}>${c.monthName(i)}</option>`)}
              </select>
            </div>`
          : nothing}
        ${form.kind === 'every'
          ? html`<div class="field">
              <label class="field-label" for="fill-every">${msg('Every how many months')}</label>
              <input id="fill-every" class="pct-input" type="number" min="1" max="36" .value=${String(form.every)}
                @input=${(e: Event) => c.update({ every: Number((e.target as HTMLInputElement).value) || 1 })} />
            </div>`
          : nothing}
        <button class="button" type="button" @click=${c.apply}>${msg('Fill the row')}</button>
        <button class="button secondary" type="button" @click=${c.cancel}>${msg('Cancel')}</button>
      </div>
    </div>
  </div>`;
}

// ------------------------------------------------------------------ loan, tax, credit

/** A helper's form as it opens: the first sales line, the country's tax rate. */
export function newHelperForm(kind: HelperKind, plan: CashFlowPlan | undefined, taxRate: number): HelperForm {
  const sales = plan?.lines.find((l) => l.flow === 'in' && l.group === 'operations');
  return {
    kind,
    amount: '',
    month: 0,
    term: '12',
    rate: kind === 'vat' ? String(taxRate) : '18',
    includesTax: true,
    lineId: sales?.id ?? '',
    share: '30',
    delay: '1',
  };
}

export interface HelperContext {
  /** The name of the country's sales tax (VAT, ITBIS…). */
  readonly taxName: string;
  /** Minor units per major unit of the plan's currency. */
  readonly perMajor: number;
  readonly money: (minor: number) => string;
}

export interface HelperFormContext extends HelperContext {
  readonly form: HelperForm;
  readonly plan: CashFlowPlan;
  /** A month's short name. */
  readonly monthName: (index: number) => string;
  readonly update: (change: Partial<HelperForm>) => void;
  readonly apply: () => void;
  readonly cancel: () => void;
}

/** The open helper's fields and its Apply / Cancel buttons. */
export function renderHelperForm(c: HelperFormContext): TemplateResult {
  const { form, plan, update } = c;
  const field = (id: string, label: string, value: string, key: 'amount' | 'term' | 'rate' | 'share' | 'delay', wide = false) =>
    html`<div class="field">
      <label class="field-label" for=${id}>${label}</label>
      <input id=${id} class=${wide ? 'narrow-input' : 'pct-input'} inputmode="decimal" .value=${value}
        @input=${(e: Event) => update({ [key]: (e.target as HTMLInputElement).value })} />
    </div>`;
  let body: TemplateResult;
  if (form.kind === 'loan') {
    body = html`${field('loan-amount', msg(str`Amount (${plan.currency})`), form.amount, 'amount', true)}
      <div class="field">
        <label class="field-label" for="loan-month">${msg('Received in')}</label>
        <select id="loan-month" @change=${(e: Event) => update({ month: Number((e.target as HTMLSelectElement).value) })}>
          <option value="-1" ?selected=${form.month === -1}>${msg('Before opening')}</option>
          ${Array.from({ length: plan.months }, (_, i) => html`<option value=${i} ?selected=${form.month === i}>${c.monthName(i)}</option>`)}
        </select>
      </div>
      ${field('loan-term', msg('Months to repay'), form.term, 'term')}
      ${field('loan-rate', msg('Yearly interest (%)'), form.rate, 'rate')}`;
  } else if (form.kind === 'vat') {
    body = html`${field('vat-rate', msg(str`${c.taxName} rate (%)`), form.rate, 'rate')}
      <label class="option-inline">
        <input type="checkbox" .checked=${form.includesTax} @change=${(e: Event) => update({ includesTax: (e.target as HTMLInputElement).checked })} />
        ${msg('My sales and purchases already include the tax')}
      </label>
      <p class="hint">${msg('Sales are the money-in lines of operations; purchases, the money-out lines of operations. The tax is paid the month after.')}</p>`;
  } else {
    const sales = plan.lines.filter((l) => l.flow === 'in');
    body = html`<div class="field">
        <label class="field-label" for="credit-line">${msg('Sales line')}</label>
        <select id="credit-line" @change=${(e: Event) => update({ lineId: (e.target as HTMLSelectElement).value })}>
          ${sales.map((l) => html`<option value=${l.id} ?selected=${l.id === form.lineId}>${l.label}</option>`)}
        </select>
      </div>
      ${field('credit-share', msg('Sold on credit (%)'), form.share, 'share')}
      ${field('credit-delay', msg('Collected after (months)'), form.delay, 'delay')}`;
  }
  return html`<div class="row helper-form">${body}
    <button class="button" type="button" @click=${c.apply}>${msg('Apply')}</button>
    <button class="button secondary" type="button" @click=${c.cancel}>${msg('Cancel')}</button>
  </div>`;
}

/** What applying a helper did: the new plan (if it changed), what to tell the owner, whether the form closes. */
export interface HelperResult {
  readonly plan?: CashFlowPlan;
  readonly notice: string;
  readonly done: boolean;
}

/** Apply the helper of `form` to `plan`. Never throws: values that cannot be used are said so. */
export function applyHelper(form: HelperForm, plan: CashFlowPlan, c: HelperContext): HelperResult {
  const number = (text: string) => Number(text.replace(',', '.'));
  try {
    if (form.kind === 'loan') {
      const amount = parseAmount(form.amount, { minorPerMajor: c.perMajor });
      const term = Math.round(number(form.term));
      const rate = number(form.rate);
      if (!amount.ok || amount.minor === 0 || !(term >= 1 && term <= 120) || !(rate >= 0 && rate <= 200)) {
        return { notice: msg('Write the amount, a term of 1 to 120 months and a yearly rate between 0 and 200 %.'), done: false };
      }
      const result = loan({ amount: amount.minor, receivedIndex: form.month, termMonths: term, annualRatePct: rate, months: plan.months });
      const id = newDraftId().slice(-6);
      const interest = result.interest.reduce((sum, n) => sum + n, 0);
      return {
        plan: {
          ...plan,
          lines: [
            ...plan.lines,
            { id: `loan-in-${id}`, label: msg('Loan received'), flow: 'in', group: 'financing', preStart: result.preStart, amounts: result.received },
            { id: `loan-out-${id}`, label: msg('Loan instalments'), flow: 'out', group: 'financing', preStart: 0, amounts: result.payments },
          ],
        },
        notice: msg(str`Two lines were added. Interest within this projection: ${c.money(interest)}.`),
        done: true,
      };
    }
    if (form.kind === 'vat') {
      const rate = number(form.rate);
      if (!(rate >= 0 && rate <= 100)) return { notice: msg('Write a rate between 0 and 100 %.'), done: false };
      const result = vatPayments({
        sales: monthlyByKind(plan, 'sales'),
        purchases: monthlyByKind(plan, 'cost'),
        ratePct: rate,
        pricesIncludeTax: form.includesTax,
      });
      const label = msg(str`${c.taxName} payment`);
      const existing = plan.lines.find((l) => l.id === 'sales-tax-payment');
      const line = { id: 'sales-tax-payment', label, flow: 'out' as const, group: 'operations' as const, preStart: 0, amounts: result.payments };
      return {
        plan: { ...plan, lines: existing ? plan.lines.map((l) => (l.id === line.id ? line : l)) : [...plan.lines, line] },
        notice:
          result.dueAfterEnd > 0
            ? msg(str`The tax line was updated. ${c.money(result.dueAfterEnd)} more is due after the last month.`)
            : msg('The tax line was updated.'),
        done: true,
      };
    }
    const line = plan.lines.find((l) => l.id === form.lineId);
    const share = number(form.share);
    const delay = Math.round(number(form.delay));
    if (!line || !(share >= 0 && share <= 100) || !(delay >= 1 && delay <= 12)) {
      return { notice: msg('Choose a sales line, a share between 0 and 100 % and a delay of 1 to 12 months.'), done: false };
    }
    const result = collections(line.amounts, share, delay);
    return {
      plan: { ...plan, lines: plan.lines.map((l) => (l.id === line.id ? { ...l, amounts: result.cash } : l)) },
      notice: msg(str`The line now shows what you collect each month. Still owed by customers at the end: ${c.money(result.owedAtEnd)}.`),
      done: true,
    };
  } catch {
    return { notice: msg('These values cannot be used. Check them and try again.'), done: false };
  }
}
