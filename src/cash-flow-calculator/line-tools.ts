/**
 * The calculator's line tools: the "Fill" panel of a row (the same amount every month, growing,
 * once, every few months) and the helpers that add or change lines (a loan repaid monthly,
 * fortnightly or weekly, with interest on the balance or flat; the taxes of the regime the owner
 * chose; sales on credit — fiado — with bad debt; the country's legal bonuses on wages; seasons).
 * A lazy part (see parts.ts): loaded the first time the owner opens one of them.
 *
 * The element keeps the state (which panel is open, what is typed in it) and commits the plan;
 * this module draws the forms and works out the amounts (with the pure line-helpers.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { parseAmount } from './amount-input.js';
import { newDraftId } from './drafts.js';
import { everyNMonths, growing, oneOff, sameEveryMonth } from './line-helpers.js';
import { lineKind, lineTotal, monthlyByKind, type CashFlowLine, type CashFlowPlan } from './projection.js';
import {
  creditSales,
  extraPayAmounts,
  flatEquivalentRate,
  instalmentLoan,
  presetLevels,
  seasonAmounts,
  SEASON_DEFAULTS,
  taxPayments,
  wagesByMonth,
  type InstalmentFrequency,
  type InterestMethod,
  type SeasonLevel,
  type TaxRegimeKind,
} from './regional.js';

export type FillKind = 'same' | 'growth' | 'once' | 'every';

export interface FillForm {
  readonly lineId: string;
  kind: FillKind;
  amount: string;
  pct: string;
  month: number;
  every: number;
}

export type HelperKind = 'loan' | 'vat' | 'credit' | 'bonuses' | 'seasons';

/** One legal bonus in the helper's form: on or off, and its share of a month's pay as typed. */
export interface BonusChoice {
  readonly id: string;
  on: boolean;
  share: string;
}

export interface HelperForm {
  kind: HelperKind;
  amount: string;
  month: number;
  /** Loan: the number of instalments (cuotas). */
  term: string;
  frequency: InstalmentFrequency;
  /** Loan: how the interest is charged (on the balance, or flat on the original amount). */
  method: InterestMethod;
  rate: string;
  includesTax: boolean;
  /** Taxes: the regime's id (one of the context's `regimes`). */
  regime: string;
  /** Taxes, fixed-fee regime: the fee a month, as typed. */
  fee: string;
  lineId: string;
  share: string;
  /** Fiado: weeks until customers pay. */
  weeks: string;
  /** Fiado: percent of what is sold on credit never collected. */
  bad: string;
  /** Legal bonuses. */
  bonuses: BonusChoice[];
  /** Legal bonuses: replace the bonus lines the projection already has (a template's aguinaldo…). */
  replace: boolean;
  /** Seasons: the preset picked (`''` = marked by hand), each calendar month's level, the percentages. */
  preset: string;
  levels: SeasonLevel[];
  high: string;
  low: string;
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

// ------------------------------------------------------------------ loan, taxes, fiado, bonuses, seasons

/** A tax regime the owner can choose (the country's `taxRegimes`, names in the page's language). */
export interface RegimeChoice {
  readonly id: string;
  readonly name: string;
  readonly kind: TaxRegimeKind;
  readonly ratePct?: number;
  /** Minor units. */
  readonly monthlyFee?: number;
  readonly note?: string;
}

/** A legal bonus of the country (its `extraPay`). */
export interface BonusRule {
  readonly id: string;
  readonly name: string;
  /** Calendar month, 1 = January. */
  readonly month: number;
  readonly sharePct: number;
  readonly note?: string;
}

/** A season preset of the country (its `seasonPresets`). */
export interface SeasonPresetChoice {
  readonly id: string;
  readonly name: string;
  readonly high?: readonly number[];
  readonly low?: readonly number[];
  readonly note?: string;
}

/** The id of the line the tax helper writes (kept from the first versions: an older draft's tax line is found again). */
export const TAX_LINE_ID = 'sales-tax-payment';
/** The id prefix of the lines the legal-bonus helper writes: `extra-pay-aguinaldo`… */
export const BONUS_LINE_PREFIX = 'extra-pay-';

const isSalesLine = (line: CashFlowLine): boolean => line.flow === 'in';

/** A helper's form as it opens: the first sales line, the projection's (else the first) tax regime. */
export function newHelperForm(
  kind: HelperKind,
  plan: CashFlowPlan | undefined,
  taxRate: number,
  country: Pick<HelperContext, 'regimes' | 'bonuses' | 'amountText'> = { regimes: [], bonuses: [], amountText: String },
): HelperForm {
  const sales = plan?.lines.find((l) => l.flow === 'in' && lineKind(l) === 'sales') ?? plan?.lines.find(isSalesLine);
  const regime = country.regimes.find((r) => r.id === plan?.taxRegime) ?? country.regimes[0];
  return {
    kind,
    // Seasons start from the sales line's first month, as a normal month.
    amount: kind === 'seasons' && sales ? country.amountText(sales.amounts[0] ?? 0) : '',
    month: 0,
    term: '12',
    frequency: 'monthly',
    method: 'declining',
    rate: kind === 'vat' ? String(regime?.ratePct ?? taxRate) : '18',
    includesTax: true,
    regime: regime?.id ?? '',
    fee: regime?.monthlyFee !== undefined ? country.amountText(regime.monthlyFee) : '',
    lineId: sales?.id ?? '',
    share: '30',
    weeks: '4',
    bad: '5',
    bonuses: country.bonuses.map((rule) => ({ id: rule.id, on: true, share: String(rule.sharePct) })),
    replace: true,
    preset: '',
    levels: new Array<SeasonLevel>(12).fill('normal'),
    high: String(SEASON_DEFAULTS.highPct),
    low: String(SEASON_DEFAULTS.lowPct),
  };
}

export interface HelperContext {
  /** The name of the country's sales tax (VAT, ITBIS…). */
  readonly taxName: string;
  /** Minor units per major unit of the plan's currency. */
  readonly perMajor: number;
  readonly money: (minor: number) => string;
  /** An amount as the owner would type it (`1,250.50`). */
  readonly amountText: (minor: number) => string;
  /** The country's tax regimes (empty: only the standard sales tax, with the rate typed). */
  readonly regimes: readonly RegimeChoice[];
  /** The country's legal bonuses on wages. */
  readonly bonuses: readonly BonusRule[];
  /** The country's season presets. */
  readonly presets: readonly SeasonPresetChoice[];
  /** A calendar month's name (1 = January). */
  readonly calendarMonthName: (month: number) => string;
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

const number = (text: string): number => Number(text.trim().replace(',', '.'));

/** The loan form's instalments and yearly rate, when they can be used (the limits applyLoan checks). */
function loanTerms(form: HelperForm): { term: number; rate: number } | undefined {
  const term = number(form.term);
  const rate = number(form.rate);
  return Number.isInteger(term) && term >= 1 && term <= 520 && rate >= 0 && rate <= 200 ? { term, rate } : undefined;
}

/** The lines of the plan that are legal bonuses (a template's aguinaldo, or lines this helper wrote). */
function bonusLines(plan: CashFlowPlan): CashFlowLine[] {
  return plan.lines.filter((l) => lineKind(l) === 'extra-pay' || l.id.startsWith(BONUS_LINE_PREFIX));
}

/** The open helper's fields and its Apply / Cancel buttons. */
export function renderHelperForm(c: HelperFormContext): TemplateResult {
  const { form, plan, update } = c;
  const field = (id: string, label: string, value: string, key: 'amount' | 'term' | 'rate' | 'share' | 'weeks' | 'bad' | 'fee' | 'high' | 'low', wide = false) =>
    html`<div class="field">
      <label class="field-label" for=${id}>${label}</label>
      <input id=${id} class=${wide ? 'narrow-input' : 'pct-input'} inputmode="decimal" .value=${value}
        @input=${(e: Event) => update({ [key]: (e.target as HTMLInputElement).value })} />
    </div>`;
  const salesSelect = (id: string) => html`<div class="field">
    <label class="field-label" for=${id}>${msg('Sales line')}</label>
    <select id=${id} @change=${(e: Event) => update({ lineId: (e.target as HTMLSelectElement).value })}>
      ${plan.lines.filter(isSalesLine).map((l) => html`<option value=${l.id} ?selected=${l.id === form.lineId}>${l.label}</option>`)}
    </select>
  </div>`;
  let body: TemplateResult;
  if (form.kind === 'loan') {
    // With flat interest, what it costs on the balance (once the instalments and rate can be used).
    const terms = form.method === 'flat' ? loanTerms(form) : undefined;
    const equivalent = terms ? flatEquivalentRate({ annualRatePct: terms.rate, instalments: terms.term, frequency: form.frequency }) : undefined;
    body = html`${field('loan-amount', msg(str`Amount (${plan.currency})`), form.amount, 'amount', true)}
      <div class="field">
        <label class="field-label" for="loan-month">${msg('Received in')}</label>
        <select id="loan-month" @change=${(e: Event) => update({ month: Number((e.target as HTMLSelectElement).value) })}>
          <option value="-1" ?selected=${form.month === -1}>${msg('Before opening')}</option>
          ${Array.from({ length: plan.months }, (_, i) => html`<option value=${i} ?selected=${form.month === i}>${c.monthName(i)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label class="field-label" for="loan-frequency">${msg('Instalments paid')}</label>
        <select id="loan-frequency" @change=${(e: Event) => update({ frequency: (e.target as HTMLSelectElement).value as InstalmentFrequency })}>
          <option value="monthly" ?selected=${form.frequency === 'monthly'}>${msg('Every month')}</option>
          <option value="fortnightly" ?selected=${form.frequency === 'fortnightly'}>${msg('Every two weeks')}</option>
          <option value="weekly" ?selected=${form.frequency === 'weekly'}>${msg('Every week')}</option>
        </select>
      </div>
      ${field('loan-term', msg('Number of instalments'), form.term, 'term')}
      ${field('loan-rate', msg('Yearly interest (%)'), form.rate, 'rate')}
      <div class="field">
        <label class="field-label" for="loan-method">${msg('How the interest is charged')}</label>
        <select id="loan-method" aria-describedby=${form.method === 'flat' ? 'loan-method-hint' : nothing}
          @change=${(e: Event) => update({ method: (e.target as HTMLSelectElement).value as InterestMethod })}>
          <option value="declining" ?selected=${form.method === 'declining'}>${msg('On the balance (level instalments)')}</option>
          <option value="flat" ?selected=${form.method === 'flat'}>${msg('Flat: on the original amount')}</option>
        </select>
      </div>
      ${form.method === 'flat'
        ? html`<p id="loan-method-hint" class="hint" role="status">${equivalent === undefined
            ? nothing
            : msg(str`With flat interest, the real cost is like ${equivalent} % a year on the balance.`, {
                desc: 'Loan helper, flat interest chosen: the yearly rate on the declining balance that costs the same (a number such as 41.7).',
              })}</p>`
        : nothing}
      ${form.frequency === 'monthly'
        ? nothing
        : html`<p class="hint">${msg('Each instalment is counted in the month it falls due: some months have five weekly instalments, or three fortnightly ones.')}</p>`}`;
  } else if (form.kind === 'vat') {
    const regime = c.regimes.find((r) => r.id === form.regime);
    const kind = regime?.kind ?? 'vat';
    body = html`${c.regimes.length > 1
        ? html`<div class="field">
            <label class="field-label" for="tax-regime">${msg('Tax regime')}</label>
            <select id="tax-regime" @change=${(e: Event) => {
              const next = c.regimes.find((r) => r.id === (e.target as HTMLSelectElement).value);
              if (!next) return;
              update({
                regime: next.id,
                rate: next.ratePct !== undefined ? String(next.ratePct) : form.rate,
                fee: next.monthlyFee !== undefined ? c.amountText(next.monthlyFee) : form.fee,
              });
            }}>
              ${c.regimes.map((r) => html`<option value=${r.id} ?selected=${r.id === form.regime}>${r.name}</option>`)}
            </select>
          </div>`
        : nothing}
      ${kind === 'fixed-fee'
        ? field('tax-fee', msg(str`Fee each month (${plan.currency})`), form.fee, 'fee', true)
        : field('vat-rate', kind === 'vat' ? msg(str`${regime?.name ?? c.taxName} rate (%)`) : msg('Share of your sales (%)'), form.rate, 'rate')}
      ${kind === 'vat'
        ? html`<label class="option-inline">
            <input type="checkbox" .checked=${form.includesTax} @change=${(e: Event) => update({ includesTax: (e.target as HTMLInputElement).checked })} />
            ${msg('My sales and purchases already include the tax')}
          </label>`
        : nothing}
      ${regime?.note ? html`<p class="hint">${regime.note}</p>` : nothing}
      <p class="hint">${kind === 'vat'
        ? msg('Sales are the money-in lines of operations; purchases, the money-out lines of costs (not wages, drawings or taxes). The tax is paid the month after.')
        : kind === 'gross-sales'
          ? msg('A share of all your sales, with no credit for the tax on your purchases. It is paid the month after.')
          : msg('The same fee every month, whatever you sell. It is paid the month after.')}</p>`;
  } else if (form.kind === 'credit') {
    body = html`${salesSelect('credit-line')}
      ${field('credit-share', msg('Sold on credit (%)'), form.share, 'share')}
      ${field('credit-weeks', msg('Customers pay after (weeks)'), form.weeks, 'weeks')}
      ${field('credit-bad', msg('Never paid (%)'), form.bad, 'bad')}
      <p class="hint">${msg('Credit to known customers (fiado): the share sold on credit comes in that many weeks later; the part never paid is a loss. The line then shows the money you collect.')}</p>`;
  } else if (form.kind === 'bonuses') {
    const wages = wagesByMonth(plan);
    const existing = bonusLines(plan).filter((l) => !l.id.startsWith(BONUS_LINE_PREFIX));
    body = wages.some((w) => w > 0)
      ? html`<fieldset class="bonus-list">
            <legend>${msg('Legal bonuses on the wage lines')}</legend>
            ${c.bonuses.map((rule, i) => {
              const choice = form.bonuses[i];
              if (!choice) return nothing;
              const share = number(choice.share);
              const total = share >= 0 && share <= 200 ? extraPayAmounts(wages, plan.startMonth, { month: rule.month, sharePct: share }).reduce((a, b) => a + b, 0) : 0;
              const set = (change: Partial<BonusChoice>) => update({ bonuses: form.bonuses.map((b, j) => (j === i ? { ...b, ...change } : b)) });
              return html`<div class="row bonus">
                <label class="option-inline">
                  <input type="checkbox" .checked=${choice.on} @change=${(e: Event) => set({ on: (e.target as HTMLInputElement).checked })} />
                  ${msg(str`${rule.name}, in ${c.calendarMonthName(rule.month)}`)}
                </label>
                <div class="field">
                  <label class="field-label" for=${`bonus-${i}`}>${msg("Share of a month's pay (%)")}</label>
                  <input id=${`bonus-${i}`} class="pct-input" inputmode="decimal" .value=${choice.share}
                    @input=${(e: Event) => set({ share: (e.target as HTMLInputElement).value })} />
                </div>
                <span class="hint">${msg(str`In this projection: ${c.money(total)}`)}</span>
                ${rule.note ? html`<p class="hint">${rule.note}</p>` : nothing}
              </div>`;
            })}
          </fieldset>
          ${existing.length > 0
            ? html`<label class="option-inline">
                <input type="checkbox" .checked=${form.replace} @change=${(e: Event) => update({ replace: (e.target as HTMLInputElement).checked })} />
                ${msg(str`Replace the bonus lines you already have: ${existing.map((l) => l.label).join(', ')}`)}
              </label>`
            : nothing}
          <p class="hint">${msg("Worked out from your wage lines, in the month each is due. The amounts are the law's usual minimum: change the share if you owe more.")}</p>`
      : html`<p class="hint">${msg('Add your staff pay first: the "+ Wages" button adds a line for it. The bonuses are worked out from it.')}</p>`;
  } else {
    const preset = c.presets.find((p) => p.id === form.preset);
    body = html`${salesSelect('season-line')}
      ${c.presets.length > 0
        ? html`<div class="field">
            <label class="field-label" for="season-preset">${msg('Start from')}</label>
            <select id="season-preset" @change=${(e: Event) => {
              const id = (e.target as HTMLSelectElement).value;
              const next = c.presets.find((p) => p.id === id);
              update({ preset: id, ...(next ? { levels: presetLevels(next) } : {}) });
            }}>
              <option value="" ?selected=${form.preset === ''}>${msg('My own months')}</option>
              ${c.presets.map((p) => html`<option value=${p.id} ?selected=${p.id === form.preset}>${p.name}</option>`)}
            </select>
          </div>`
        : nothing}
      ${preset?.note ? html`<p class="hint">${preset.note}</p>` : nothing}
      <fieldset class="season-months">
        <legend>${msg('How are sales in each month?')}</legend>
        ${form.levels.map(
          (level, i) => html`<div class="field">
            <label class="field-label" for=${`season-${i + 1}`}>${c.calendarMonthName(i + 1)}</label>
            <select id=${`season-${i + 1}`} @change=${(e: Event) =>
              update({ preset: '', levels: form.levels.map((l, j) => (j === i ? ((e.target as HTMLSelectElement).value as SeasonLevel) : l)) })}>
              <option value="high" ?selected=${level === 'high'}>${msg('High')}</option>
              <option value="normal" ?selected=${level === 'normal'}>${msg('Normal')}</option>
              <option value="low" ?selected=${level === 'low'}>${msg('Low')}</option>
            </select>
          </div>`,
        )}
      </fieldset>
      ${field('season-amount', msg(str`Sales in a normal month (${plan.currency})`), form.amount, 'amount', true)}
      ${field('season-high', msg('High months: more (%)'), form.high, 'high')}
      ${field('season-low', msg('Low months: less (%)'), form.low, 'low')}`;
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

/** The monthly purchases that carry VAT: cost lines, never wages, bonuses, drawings or the tax line itself. */
function purchases(plan: CashFlowPlan): number[] {
  return monthlyByKind({ ...plan, lines: plan.lines.filter((l) => l.id !== TAX_LINE_ID) }, 'cost');
}

/** Apply the helper of `form` to `plan`. Never throws: values that cannot be used are said so. */
export function applyHelper(form: HelperForm, plan: CashFlowPlan, c: HelperContext): HelperResult {
  try {
    switch (form.kind) {
      case 'loan':
        return applyLoan(form, plan, c);
      case 'vat':
        return applyTax(form, plan, c);
      case 'credit':
        return applyCredit(form, plan, c);
      case 'bonuses':
        return applyBonuses(form, plan, c);
      case 'seasons':
        return applySeasons(form, plan, c);
    }
  } catch {
    return { notice: msg('These values cannot be used. Check them and try again.'), done: false };
  }
}

function applyLoan(form: HelperForm, plan: CashFlowPlan, c: HelperContext): HelperResult {
  const amount = parseAmount(form.amount, { minorPerMajor: c.perMajor });
  const terms = loanTerms(form);
  if (!amount.ok || amount.minor === 0 || !terms) {
    return { notice: msg('Write the amount, 1 to 520 instalments and a yearly rate between 0 and 200 %.'), done: false };
  }
  const result = instalmentLoan({
    amount: amount.minor,
    annualRatePct: terms.rate,
    instalments: terms.term,
    frequency: form.frequency,
    method: form.method,
    receivedIndex: form.month,
    startMonth: plan.startMonth,
    months: plan.months,
  });
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

function applyTax(form: HelperForm, plan: CashFlowPlan, c: HelperContext): HelperResult {
  const regime = c.regimes.find((r) => r.id === form.regime);
  const kind = regime?.kind ?? 'vat';
  const rate = number(form.rate);
  let monthlyFee = 0;
  if (kind === 'fixed-fee') {
    const fee = parseAmount(form.fee, { minorPerMajor: c.perMajor });
    if (!fee.ok) return { notice: msg('Write the fee you pay each month, such as 500.00.'), done: false };
    monthlyFee = fee.minor;
  } else if (!(rate >= 0 && rate <= 100)) {
    return { notice: msg('Write a rate between 0 and 100 %.'), done: false };
  }
  const result = taxPayments({
    rule: kind === 'fixed-fee' ? { kind, monthlyFee } : { kind, ratePct: rate },
    sales: monthlyByKind(plan, 'sales'),
    purchases: purchases(plan),
    pricesIncludeTax: form.includesTax,
  });
  const label = kind === 'vat' ? msg(str`${regime?.name ?? c.taxName} payment`) : msg(str`Tax: ${regime?.name ?? c.taxName}`);
  const line: CashFlowLine = { id: TAX_LINE_ID, label, flow: 'out', group: 'operations', kind: 'tax', preStart: 0, amounts: result.payments };
  const existing = plan.lines.some((l) => l.id === TAX_LINE_ID);
  return {
    plan: {
      ...plan,
      ...(regime ? { taxRegime: regime.id } : {}),
      lines: existing ? plan.lines.map((l) => (l.id === TAX_LINE_ID ? line : l)) : [...plan.lines, line],
    },
    notice:
      result.dueAfterEnd > 0
        ? msg(str`The tax line was updated. ${c.money(result.dueAfterEnd)} more is due after the last month.`)
        : msg('The tax line was updated.'),
    done: true,
  };
}

function applyCredit(form: HelperForm, plan: CashFlowPlan, c: HelperContext): HelperResult {
  const line = plan.lines.find((l) => l.id === form.lineId);
  const share = number(form.share);
  const weeks = number(form.weeks);
  const bad = number(form.bad);
  if (!line || !(share >= 0 && share <= 100) || !(Number.isInteger(weeks) && weeks >= 1 && weeks <= 52) || !(bad >= 0 && bad <= 100)) {
    return { notice: msg('Choose a sales line, a share between 0 and 100 %, 1 to 52 weeks and a share never paid between 0 and 100 %.'), done: false };
  }
  const result = creditSales({ sales: line.amounts, startMonth: plan.startMonth, sharePct: share, weeks, badDebtPct: bad });
  return {
    plan: { ...plan, lines: plan.lines.map((l) => (l.id === line.id ? { ...l, amounts: result.cash } : l)) },
    notice: msg(
      str`The line now shows what you collect each month. Still owed by customers at the end: ${c.money(result.owedAtEnd)}. Never paid: ${c.money(result.badDebt)}.`,
    ),
    done: true,
  };
}

function applyBonuses(form: HelperForm, plan: CashFlowPlan, c: HelperContext): HelperResult {
  const wages = wagesByMonth(plan);
  if (!wages.some((w) => w > 0)) {
    return { notice: msg('Add your staff pay first: the "+ Wages" button adds a line for it. The bonuses are worked out from it.'), done: false };
  }
  const chosen: Array<{ rule: BonusRule; share: number }> = [];
  for (const [i, rule] of c.bonuses.entries()) {
    const choice = form.bonuses[i];
    if (!choice?.on) continue;
    const share = number(choice.share);
    if (!(share >= 0 && share <= 200)) return { notice: msg("Write each bonus's share of a month's pay between 0 and 200 %."), done: false };
    chosen.push({ rule, share });
  }
  const added: CashFlowLine[] = chosen.map(({ rule, share }) => ({
    id: `${BONUS_LINE_PREFIX}${rule.id}`.slice(0, 64),
    label: rule.name.slice(0, 160),
    flow: 'out',
    group: 'operations',
    kind: 'extra-pay',
    preStart: 0,
    amounts: extraPayAmounts(wages, plan.startMonth, { month: rule.month, sharePct: share }),
  }));
  // The helper's own earlier lines are always replaced (they are worked out again); other bonus
  // lines (a template's aguinaldo) only when the owner left "replace" on.
  const gone = new Set(bonusLines(plan).filter((l) => l.id.startsWith(BONUS_LINE_PREFIX) || form.replace).map((l) => l.id));
  const kept = plan.lines.filter((l) => !gone.has(l.id));
  // The bonuses go right after the last wage line.
  let at = kept.length;
  for (let i = kept.length - 1; i >= 0; i--) {
    if (lineKind(kept[i]!) === 'wages') {
      at = i + 1;
      break;
    }
  }
  const lines = [...kept.slice(0, at), ...added, ...kept.slice(at)];
  const total = added.reduce((sum, l) => sum + lineTotal(l), 0);
  return {
    plan: { ...plan, lines },
    notice:
      added.length === 0
        ? msg('No bonus was chosen: nothing was added.')
        : msg(str`Bonus lines added: ${added.length}. In this projection they come to ${c.money(total)}.`),
    done: true,
  };
}

function applySeasons(form: HelperForm, plan: CashFlowPlan, c: HelperContext): HelperResult {
  const line = plan.lines.find((l) => l.id === form.lineId);
  const amount = parseAmount(form.amount, { minorPerMajor: c.perMajor });
  const high = number(form.high);
  const low = number(form.low);
  if (!line || !amount.ok || !(high >= 0 && high <= 500) || !(low >= 0 && low <= 100)) {
    return { notice: msg('Choose a sales line, write the sales of a normal month, and percentages from 0 to 500 % (more) and 0 to 100 % (less).'), done: false };
  }
  const amounts = seasonAmounts(amount.minor, form.levels, high, low, plan.startMonth, plan.months);
  return {
    plan: { ...plan, lines: plan.lines.map((l) => (l.id === line.id ? { ...l, amounts } : l)) },
    notice: msg(str`"${line.label}" now follows the seasons you marked.`),
    done: true,
  };
}
