import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { guard } from 'lit/directives/guard.js';
import { localized, msg, str } from '@lit/localize';
import { MipymeElement } from '../shared/element.js';
import { base, tokens } from '../styles/tokens.js';
import { forms } from '../styles/shared.js';
import { renderError, renderLoading, renderOffline, viewStyles } from '../shared/views.js';
import { currentMonth, dateFormat, formatDate, formatMoney, formatMonth, formatNumber, formatTime, minorUnits } from '../shared/format.js';
import { MipymeCashFlowChangeEvent } from '../shared/events.js';
import { AutosaveController } from '../shared/autosave.js';
import { PartsController, partFailedText, preparingText } from '../shared/parts.js';
import { pickText } from '../feed/text.js';
import type { CashflowTemplate } from '../feed/schema.js';
import {
  applyScenario,
  blankPlan,
  monthAt,
  projectCashFlow,
  rememberAmounts,
  resizePlan,
  type CashFlowLine,
  type CashFlowPlan,
  type Flow,
  type LineKind,
  type Projection,
} from './projection.js';
import { amountForInput, parseAmount, parsePastedRow, type AmountError } from './amount-input.js';
import type { Download } from './file-actions.js';
import { isBrowseKey } from '../shared/browse-keys.js';
import { fileName, planToJson } from './plan-file.js';
import type { FillForm, HelperContext, HelperForm, HelperKind } from './line-tools.js';
import { drawingsSummary, type DrawingsSummary } from './drawings.js';
import { helpAction } from '../shared/journey.js';
import { files, lineTools, printing } from './parts.js';
import {
  duplicateDraft,
  loadDrafts,
  mergeDrafts,
  newDraftId,
  removeDraft,
  renameDraft,
  saveDrafts,
  upsertDraft,
  type Draft,
  type DraftStore,
} from './drafts.js';
import { chartGeometry } from './chart.js';
import { HEADER_COL, clampPosition, gridRows, isAmountCell, moveFor, rowOfLine, type FigureRow, type GridRow } from './grid-nav.js';
import { styles } from './cash-flow-calculator.styles.js';

const SAVE_DELAY = 400;
/** Remind the owner to download a copy this many days after the last export (or the start, before any). */
const EXPORT_REMINDER_DAYS = 7;
const CHART_WIDTH = 640;
const CHART_HEIGHT = 220;

interface RemovedLine {
  readonly line: CashFlowLine;
  readonly index: number;
}

/**
 * @tagname mipyme-cash-flow-calculator
 * @summary Month-by-month cash in and out: when the cash runs out, how much money that needs,
 * and what changes if sales fall or costs rise. Saved on the device; exports to CSV and JSON.
 *
 * @event mipyme-cash-flow-change - The owner changed the projection. `detail`: summary figures only
 * (`draftId`, `currency`, `startMonth`, `months`, `totalIn`, `totalOut`, `lowestBalance`, `lowestMonth`,
 * `firstNegativeMonth`, `fundingNeeded`, `breakEvenMonth`), never the names the owner typed.
 * @event mipyme-help-open - A person asked "who can help" (a plan section; a projection that needs money). `detail`: `{ widget, action: 'help', itemId, country, serviceIds, target }`.
 * @event mipyme-feed-load - The feed is ready.
 * @event mipyme-feed-error - The feed could not be loaded.
 *
 * @csspart base - The widget's frame.
 * @csspart header - Projection picker, settings and save status.
 * @csspart summary - The plain-words summary.
 * @csspart chart - The chart (SVG).
 * @csspart scenario - The "what if" controls.
 * @csspart table - The grid of lines × months.
 * @csspart cell - One amount input.
 * @csspart actions - Export, import and print buttons.
 * @csspart notice - Messages about saving or importing.
 * @csspart help - "Who can help with this": the link or button to the provider finder.
 * @csspart loading - The loading view.
 * @csspart error - The error view.
 * @csspart offline - The note shown when working from the saved copy of the feed.
 * @csspart publisher-problem - The note shown when `publisher` names partners the feed does not declare.
 *
 * @cssproperty --mipyme-cash-flow-calculator-in-color - Bars of money in (default: the success colour).
 * @cssproperty --mipyme-cash-flow-calculator-out-color - Bars of money out (default: the danger colour).
 * @cssproperty --mipyme-cash-flow-calculator-balance-color - The balance line (default: the primary colour).
 */
@localized()
export class MipymeCashFlowCalculator extends MipymeElement {
  static override styles = [tokens, base, viewStyles, forms, styles];

  @state() private store: DraftStore = { drafts: [], activeId: undefined };
  @state() private cellErrors = new Map<string, AmountError>();
  @state() private salesPct = 0;
  @state() private costsPct = 0;
  @state() private fill?: FillForm;
  @state() private removed?: RemovedLine;
  @state() private lastSaved?: number;
  @state() private saveProblem?: 'full' | 'unavailable';
  @state() private storageNotice?: string;
  @state() private importNotice?: { ok: boolean; text: string };
  @state() private renaming = false;
  /** The open "loan / VAT / credit sales" helper, if any. */
  @state() private helper?: HelperForm;
  @state() private helperNotice?: string;
  /**
   * The projection as it was before a change made at once — a helper's result, or a row replaced by
   * Fill or a paste — while it can be undone: until the next change of any kind (every commit
   * clears it), so an undo never throws away later work. `by` says what made it, for the notice.
   */
  @state() private undo?: {
    readonly draftId: string;
    readonly before: CashFlowPlan;
    readonly by: { readonly helper: HelperKind } | { readonly lineId: string; readonly label: string };
  };
  /**
   * The grid's active cell (its one tab stop), in grid rows (grid-nav.ts: lines and computed rows)
   * and columns (-2 the row header, -1 before opening, then the months, then the total).
   */
  @state() private active = { row: 0, col: 0 };
  /** The cell being edited (`row` a grid row), with the text typed so far. */
  @state() private editing?: { row: number; col: number; lineId: string; text: string };
  /** The line whose row header the keyboard works inside (its name and tools are then Tab stops). */
  @state() private interacting?: string;

  /** Id of a cash-flow template of the feed to start from (else the first one for the country, else blank). */
  @property() template?: string;

  /** The actions that wait for a lazy part (parts.ts): busy while it loads, a message if it cannot. */
  private readonly parts = new PartsController(this);

  private readonly autosave = new AutosaveController(this, {
    name: 'cash-flow.drafts',
    delay: SAVE_DELAY,
    save: () => this.writeNow(),
    onExternalChange: () => (this.store = mergeDrafts(this.store, loadDrafts().store)),
  });

  private projection?: Projection;
  private scenarioProjection?: Projection;
  private projectedPlan?: CashFlowPlan;
  private scenarioFor?: CashFlowPlan;

  /** The plan's projection, computed once per plan (an edit's event and its render share it). */
  private projectionOf(plan: CashFlowPlan): Projection {
    if (plan !== this.projectedPlan || !this.projection) {
      this.projectedPlan = plan;
      this.projection = projectCashFlow(plan);
    }
    return this.projection;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const loaded = loadDrafts();
    this.store = loaded.store;
    if (loaded.problem === 'unavailable') {
      this.storageNotice = msg('This device does not let the page save your work. Download a copy to keep it.');
    } else if (loaded.problem === 'unreadable') {
      this.storageNotice = msg(
        'A saved projection could not be read. It was kept aside on this device, not deleted; ask your advisor or the site for help to recover it.',
      );
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this.activeDraft && this.feedController.state.status !== 'loading') this.startFirstDraft();
    const rows = this.navRows.length;
    const months = this.activeDraft?.plan.months ?? 1;
    const kept = clampPosition(this.active, rows, months);
    // Keep the grid's one tab stop on a cell that exists.
    if (kept.row !== this.active.row || kept.col !== this.active.col) this.active = kept;
    const plan = this.activeDraft?.plan;
    if (plan && (plan !== this.scenarioFor || changed.has('salesPct') || changed.has('costsPct'))) {
      this.scenarioFor = plan;
      this.projection = this.projectionOf(plan);
      this.scenarioProjection =
        this.salesPct !== 0 || this.costsPct !== 0
          ? projectCashFlow(applyScenario(plan, { salesPct: this.salesPct, costsPct: this.costsPct }))
          : undefined;
    }
  }

  // ------------------------------------------------------------------ drafts

  private get activeDraft(): Draft | undefined {
    return this.store.drafts.find((d) => d.id === this.store.activeId) ?? this.store.drafts[0];
  }

  private get templates(): CashflowTemplate[] {
    const feed = this.shownFeed;
    if (!feed) return [];
    const code = this.countryCode;
    return feed.cashflowTemplates.filter((t) => !code || !t.countries || t.countries.includes(code));
  }

  private get currency(): string {
    return this.countryRecord?.currency ?? this.activeDraft?.plan.currency ?? 'USD';
  }

  /** Minor units per major unit of the active projection's currency (100 here; 1 for a currency without decimals). */
  private get perMajor(): number {
    return minorUnits(this.activeDraft?.plan.currency ?? this.currency);
  }

  /** A plan from a feed template (its example amounts only when they are in this currency). */
  private planFromTemplate(template: CashflowTemplate | undefined): CashFlowPlan {
    const currency = this.currency;
    const months = Math.min(36, Math.max(1, template?.months ?? 12));
    const plan = blankPlan(currency, this.startMonthDefault(), months);
    if (!template) return plan;
    const sameCurrency = !template.currency || template.currency === currency;
    const lang = this.uiLanguage;
    // Example amounts that start in a given calendar month are lined up with the plan's
    // months (a December peak stays in December whatever month the owner starts in).
    const startCalendar = Number(plan.startMonth.slice(5, 7));
    // The feed's amounts are read in hundredths; the plan counts the currency's own minor
    // units (100 for the five currencies here, 1 for a currency without decimals).
    const perHundredth = minorUnits(currency) / 100;
    const minor = (hundredths: number) => Math.round(hundredths * perHundredth);
    const exampleAt = (amounts: readonly number[] | undefined, i: number): number => {
      if (!amounts || !sameCurrency) return 0;
      if (template.firstMonth && amounts.length === 12) {
        return minor(amounts[(startCalendar - template.firstMonth + i + 24) % 12] ?? 0);
      }
      return minor(amounts[i] ?? 0);
    };
    const lines: CashFlowLine[] = template.lines.map((line) => ({
      id: line.id,
      label: pickText(line.label, lang).slice(0, 160),
      flow: line.flow,
      group: line.group,
      ...(line.kind !== undefined ? { kind: line.kind } : {}),
      preStart: sameCurrency ? Math.max(0, minor(line.preStart ?? 0)) : 0,
      amounts: Array.from({ length: months }, (_, i) => Math.max(0, exampleAt(line.amounts, i))),
    }));
    return { ...plan, lines };
  }

  private startMonthDefault(): string {
    return currentMonth();
  }

  private startFirstDraft(): void {
    const template = this.templates.find((t) => t.id === this.template) ?? (this.template ? undefined : this.templates[0]);
    const name = template ? pickText(template.name, this.uiLanguage) : msg('My cash flow');
    const now = Date.now();
    const draft: Draft = { id: newDraftId(), name: name.slice(0, 120), plan: this.planFromTemplate(template), createdAt: now, updatedAt: now };
    this.store = upsertDraft(this.store, draft);
  }

  /** Every change of the owner goes through here: saved at once (debounced), announced by an event. */
  private commit(plan: CashFlowPlan): void {
    const draft = this.activeDraft;
    if (!draft) return;
    this.undo = undefined;
    this.store = upsertDraft(this.store, { ...draft, plan, updatedAt: Date.now() });
    this.autosave.schedule();
    const projection = this.projectionOf(plan);
    const label = (index: number | null) =>
      index === null ? null : index < 0 ? 'pre' : monthAt(plan.startMonth, index);
    this.dispatchEvent(
      new MipymeCashFlowChangeEvent({
        widget: this.localName,
        action: 'change',
        country: this.countryCode,
        draftId: draft.id,
        currency: plan.currency,
        startMonth: plan.startMonth,
        months: plan.months,
        totalIn: projection.totals.in,
        totalOut: projection.totals.out,
        lowestBalance: projection.lowest.balance,
        lowestMonth: label(projection.lowest.index) ?? 'pre',
        firstNegativeMonth: label(projection.firstNegative),
        fundingNeeded: projection.fundingNeeded,
        breakEvenMonth: label(projection.breakEven),
      }),
    );
  }

  /** Write now: merge with what another tab may have stored (the newer draft wins), then save. */
  private writeNow(): void {
    const merged = mergeDrafts(this.store, loadDrafts().store);
    const result = saveDrafts(merged);
    if (result.ok) {
      this.lastSaved = Date.now();
      this.saveProblem = undefined;
    } else {
      this.saveProblem = result.reason;
    }
    if (merged !== this.store) this.store = merged;
  }

  /** Save right away (tests and the page can call it; edits are saved on their own). */
  save(): void {
    this.autosave.flush(true);
  }

  private updateDrafts(next: DraftStore): void {
    this.store = next;
    this.cellErrors = new Map();
    this.fill = undefined;
    this.removed = undefined;
    this.undo = undefined;
    this.autosave.schedule();
  }

  // ------------------------------------------------------------------ editing

  private setLine(lineId: string, change: (line: CashFlowLine) => CashFlowLine): void {
    const plan = this.activeDraft?.plan;
    if (!plan) return;
    this.commit({ ...plan, lines: plan.lines.map((line) => (line.id === lineId ? change(line) : line)) });
  }

  private errorKey(lineId: string, column: number): string {
    return `${lineId}:${column}`;
  }

  private setCellError(key: string, error: AmountError | undefined): void {
    const next = new Map(this.cellErrors);
    if (error) next.set(key, error);
    else next.delete(key);
    this.cellErrors = next;
  }

  // The grid follows the WAI-ARIA APG grid pattern: one tab stop (the active cell, roving
  // tabindex); arrows, Home / End, Ctrl+Home / Ctrl+End and PageUp / PageDown move (grid-nav.ts);
  // on an amount, Enter / F2 / typing start editing in a single input, Enter commits and moves
  // down, Tab commits and moves right, Escape cancels. On a line's row header, Enter / F2 move
  // into its name and tools (then Tab stops), Escape comes back to the cell. Computed cells are
  // read-only stops. Cells are text, not 2,000 inputs, so a 36-month × 60-line grid repaints
  // within a frame.

  /** The lines in the order the grid shows them (money in, then money out). */
  private get gridLines(): CashFlowLine[] {
    const lines = this.activeDraft?.plan.lines ?? [];
    return [...lines.filter((l) => l.flow === 'in'), ...lines.filter((l) => l.flow === 'out')];
  }

  private get insCount(): number {
    return (this.activeDraft?.plan.lines ?? []).filter((l) => l.flow === 'in').length;
  }

  /** The rows the keyboard stops on (lines and computed rows), top to bottom. */
  private get navRows(): GridRow[] {
    const ins = this.insCount;
    return gridRows(ins, this.gridLines.length - ins);
  }

  /** The line shown on grid row `row`, if that row is a line. */
  private lineAt(row: number): CashFlowLine | undefined {
    const nav = this.navRows[row];
    return nav?.kind === 'line' ? this.gridLines[nav.line] : undefined;
  }

  private cellValue(line: CashFlowLine, col: number): number {
    return col < 0 ? line.preStart : (line.amounts[col] ?? 0);
  }

  private cellElement(row: number, col: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-pos="${row}:${col}"]`);
  }

  /** True while Lit writes this render into the DOM. */
  private rendering = false;

  protected override update(changed: PropertyValues): void {
    this.rendering = true;
    try {
      super.update(changed);
    } finally {
      this.rendering = false;
    }
  }

  /** The button a closing panel (Fill, a helper) gives the focus back to, during the render that closes it. */
  private focusOnClose?: string;

  /** Close a panel: in the render that removes it the focus goes straight to `selector` (its button). */
  private focusAfterClose(selector: string): void {
    this.focusOnClose = selector;
    // The grid takes note now, in the render that closes the panel, not when the focus arrives after it.
    this.noteFocus(this.renderRoot.querySelector(selector));
    void this.updateComplete.then(() => {
      this.focusOnClose = undefined;
      this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    });
  }

  /**
   * A cell's editor closed (Enter, Tab, Escape): the focus goes straight to the grid's active cell
   * — where the edit moves it — rather than back to the cell the editor was in and then on, which
   * set the active cell twice and cost an extra render.
   */
  protected override focusAfterLoss(lost: Element): HTMLElement | null | undefined {
    // A panel that closes gives the focus back to the button that opened it.
    if (this.focusOnClose) return this.renderRoot.querySelector<HTMLElement>(this.focusOnClose) ?? undefined;
    // The editor is already out of the page here (no parent to look up): its class says what it was.
    if (!lost.classList.contains('cell-editor')) return undefined;
    return this.cellElement(this.active.row, this.active.col) ?? undefined;
  }

  /** Move the active cell (clamped to the grid) and focus it. */
  private async focusCell(row: number, col: number): Promise<void> {
    const months = this.activeDraft?.plan.months ?? 1;
    this.active = clampPosition({ row, col }, this.navRows.length, months);
    await this.updateComplete;
    this.cellElement(this.active.row, this.active.col)?.focus();
  }

  private async startEdit(row: number, col: number, initial?: string): Promise<void> {
    const line = this.lineAt(row);
    if (!line) return;
    const value = this.cellValue(line, col);
    this.active = { row, col };
    this.editing = { row, col, lineId: line.id, text: initial ?? amountForInput(value, this.locale, this.perMajor) };
    await this.updateComplete;
    const input = this.cellElement(row, col)?.querySelector<HTMLInputElement>('input');
    if (!input) return;
    input.focus();
    if (initial === undefined) input.select();
    else input.setSelectionRange(input.value.length, input.value.length);
  }

  /**
   * Commit the cell being edited; on a refused value keep editing and say why. Returns false then.
   * `move`: rows down (to the next line's cell, over the computed rows) and columns across.
   */
  private commitEdit(move?: readonly [number, number]): boolean {
    const editing = this.editing;
    if (!editing) return true;
    const key = this.errorKey(editing.lineId, editing.col);
    const result = parseAmount(editing.text, { minorPerMajor: this.perMajor });
    if (!result.ok) {
      // The model keeps the old value; the typed text stays for the owner to fix.
      this.setCellError(key, result.error);
      void this.updateComplete.then(() =>
        this.cellElement(editing.row, editing.col)?.querySelector<HTMLInputElement>('input')?.focus(),
      );
      return false;
    }
    this.setCellError(key, undefined);
    this.editing = undefined;
    const col = editing.col;
    this.setLine(editing.lineId, (l) =>
      col < 0 ? { ...l, preStart: result.minor } : { ...l, amounts: l.amounts.map((a, i) => (i === col ? result.minor : a)) },
    );
    // Move the focus in the next frame, once this one has painted the new figures: the edit's
    // frame stays short, and focusing then costs no extra layout.
    if (move) {
      this.moveFocusLater(this.nextLineRow(editing.row, move[0]), editing.col + move[1]);
    } else {
      // Keep the keyboard in the grid (the editor is about to disappear).
      this.moveFocusLater(editing.row, editing.col, false);
    }
    return true;
  }

  /** The grid row `down` lines below `row`, over the computed rows (the same row when there is none). */
  private nextLineRow(row: number, down: number): number {
    if (down === 0) return row;
    const rows = this.navRows;
    for (let r = row + 1; r < rows.length; r++) if (rows[r]?.kind === 'line') return r;
    return row;
  }

  /** Make a cell the active one now, and focus it in the next frame (if `focus`). */
  private moveFocusLater(row: number, col: number, focus = true): void {
    const months = this.activeDraft?.plan.months ?? 1;
    const target = clampPosition({ row, col }, this.navRows.length, months);
    this.active = target;
    const hadFocus = this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement !== null;
    if (!focus && !hadFocus) return;
    void this.updateComplete.then(() =>
      requestAnimationFrame(() => this.cellElement(target.row, target.col)?.focus()),
    );
  }

  private cancelEdit(): void {
    const editing = this.editing;
    if (!editing) return;
    this.setCellError(this.errorKey(editing.lineId, editing.col), undefined);
    this.editing = undefined;
    void this.focusCell(editing.row, editing.col);
  }

  private onEditorInput(event: Event): void {
    if (this.editing) this.editing = { ...this.editing, text: (event.target as HTMLInputElement).value };
  }

  private onEditorBlur(): void {
    // Leaving the cell commits it (a refused value stays shown with its message).
    if (this.editing && !this.cellErrors.has(this.errorKey(this.editing.lineId, this.editing.col))) this.commitEdit();
  }

  /** The grid position of the cell `node` is in (a cell of the grid's keyboard model). */
  private positionOf(node: EventTarget | null): { cell: HTMLElement; row: number; col: number } | undefined {
    const cell = node instanceof Element ? node.closest<HTMLElement>('[data-pos]') : null;
    if (!cell) return undefined;
    const [row, col] = (cell.dataset['pos'] ?? '').split(':').map(Number);
    return row === undefined || col === undefined ? undefined : { cell, row, col };
  }

  /** Focus inside a cell (a click, a control of a row header) makes that cell the grid's tab stop. */
  private onGridFocusIn(event: FocusEvent): void {
    this.noteFocus(event.target);
  }

  /** What focus on `target` means for the grid: its cell becomes the tab stop; a row header's control, that row is worked in. */
  private noteFocus(target: EventTarget | null): void {
    const at = this.positionOf(target);
    if (!at) return;
    if (at.row !== this.active.row || at.col !== this.active.col) this.active = { row: at.row, col: at.col };
    const lineId = at.cell.dataset['line'];
    if (target !== at.cell && lineId && at.col === HEADER_COL) this.interacting = lineId;
  }

  private onGridFocusOut(event: FocusEvent): void {
    // Chrome says focus left when a render removes the focused control (a closing panel): where it
    // goes then is the FocusKeeper's and focusAfterLoss's business, not a move the owner made.
    if (!this.interacting || this.rendering) return;
    const from = this.positionOf(event.target);
    const to = this.positionOf(event.relatedTarget);
    // Leaving a row header's controls (to its cell or anywhere else) ends working inside it.
    if (!to || to.cell !== from?.cell || event.relatedTarget === to.cell) this.interacting = undefined;
  }

  private onGridKeydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    if (target.closest('.fill-panel')) {
      if (event.key === 'Escape' && this.fill) {
        event.preventDefault();
        this.closeFill(this.fill.lineId);
      }
      return;
    }
    const at = this.positionOf(target);
    if (!at) return;
    const { row, col } = at;
    if (target !== at.cell) {
      if (col === HEADER_COL) {
        // A control of a row header: Escape goes back to the grid.
        if (event.key === 'Escape') {
          event.preventDefault();
          this.interacting = undefined;
          at.cell.focus();
        }
        return;
      }
      // Editing.
      if (event.key === 'Enter') {
        event.preventDefault();
        this.commitEdit([1, 0]);
      } else if (event.key === 'Tab') {
        event.preventDefault();
        this.commitEdit([0, event.shiftKey ? -1 : 1]);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        this.cancelEdit();
      }
      return;
    }
    const months = this.activeDraft?.plan.months ?? 1;
    const rows = this.navRows;
    const move = moveFor(event, { row, col }, rows.length, months);
    const amount = isAmountCell(rows[row], col, months);
    if (move) {
      event.preventDefault();
      void this.focusCell(move.row, move.col);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      if (amount) {
        event.preventDefault();
        void this.startEdit(row, col);
      } else if (col === HEADER_COL && at.cell.dataset['line']) {
        event.preventDefault();
        at.cell.querySelector<HTMLInputElement>('input')?.focus();
      }
    } else if (!amount) {
      return;
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      this.editing = { row, col, lineId: this.lineAt(row)?.id ?? '', text: '' };
      this.commitEdit();
      void this.focusCell(row, col);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      void this.startEdit(row, col, event.key);
    }
  }

  /** A row pasted from a spreadsheet fills cells from the one pasted into. */
  private onGridPaste(event: ClipboardEvent): void {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('.amount[data-row]');
    if (!cell) return;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (event.target instanceof HTMLInputElement && !/[\t;\n]/.test(text.trim())) return; // one value: the editor takes it
    event.preventDefault();
    const row = Number(cell.dataset['row']);
    const column = Number(cell.dataset['col']);
    const line = this.gridLines[row];
    if (!line) return;
    const result = parsePastedRow(text, { minorPerMajor: this.perMajor });
    if (!result.ok) {
      this.setCellError(this.errorKey(line.id, column + result.column), result.error);
      return;
    }
    this.editing = undefined;
    const before = this.activeDraft?.plan;
    this.setLine(line.id, (l) => {
      const amounts = [...l.amounts];
      let preStart = l.preStart;
      result.values.forEach((value, i) => {
        const target = column + i;
        if (target < 0) preStart = value;
        else if (target < amounts.length) amounts[target] = value;
      });
      return { ...l, preStart, amounts };
    });
    this.offerUndo(before, { lineId: line.id, label: line.label });
  }

  /** After a change made at once (just committed): "Deshacer" puts the projection back as `before`. */
  private offerUndo(before: CashFlowPlan | undefined, by: NonNullable<typeof this.undo>['by']): void {
    const draft = this.activeDraft;
    if (before && draft && draft.plan !== before) this.undo = { draftId: draft.id, before, by };
  }

  /** Undo the last change made at once; the focus goes to the helper's button, or the row's header. */
  private undoLast(): void {
    const undo = this.undo;
    if (!undo || this.activeDraft?.id !== undo.draftId) return;
    this.commit(undo.before);
    if ('helper' in undo.by) {
      this.helperNotice = msg('Undone: the projection is as it was before.');
      this.focusAfterClose(`#helper-${undo.by.helper}`);
    } else {
      const selector = `[role="rowheader"][data-line="${CSS.escape(undo.by.lineId)}"]`;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
    }
  }

  /** A new line of money in or out; `kind` for staff pay (`wages`) or the owner's drawings (`drawings`). */
  private addLine(flow: Flow, kind?: Extract<LineKind, 'wages' | 'drawings'>): void {
    const plan = this.activeDraft?.plan;
    if (!plan) return;
    const label =
      kind === 'wages' ? msg('Wages') : kind === 'drawings' ? msg("Owner's drawings") : flow === 'in' ? msg('New income') : msg('New expense');
    const line: CashFlowLine = {
      id: `l${newDraftId().slice(-8)}`,
      label,
      flow,
      group: 'operations',
      ...(kind ? { kind } : {}),
      preStart: 0,
      amounts: Array.from({ length: plan.months }, () => 0),
    };
    this.commit({ ...plan, lines: [...plan.lines, line] });
    // The new line's name, selected to be typed over.
    void this.updateComplete.then(() => {
      const name = this.renderRoot.querySelector<HTMLInputElement>(`input[data-label="${CSS.escape(line.id)}"]`);
      name?.focus();
      name?.select();
    });
  }

  private removeLine(line: CashFlowLine): void {
    const plan = this.activeDraft?.plan;
    if (!plan) return;
    const index = plan.lines.findIndex((l) => l.id === line.id);
    this.commit({ ...plan, lines: plan.lines.filter((l) => l.id !== line.id) });
    this.removed = { line, index };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('#undo')?.focus());
  }

  private undoRemove(): void {
    const plan = this.activeDraft?.plan;
    const removed = this.removed;
    if (!plan || !removed) return;
    const lines = [...plan.lines];
    lines.splice(Math.min(removed.index, lines.length), 0, removed.line);
    this.removed = undefined;
    this.commit({ ...plan, lines });
    // The Undo button goes away: the focus goes to the line that came back (its row header).
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[role="rowheader"][data-line="${CSS.escape(removed.line.id)}"]`)?.focus(),
    );
  }

  private moveLine(line: CashFlowLine, delta: -1 | 1): void {
    const plan = this.activeDraft?.plan;
    if (!plan) return;
    // Move among the lines of the same flow (the grid shows ins and outs apart).
    const same = plan.lines.filter((l) => l.flow === line.flow);
    const at = same.findIndex((l) => l.id === line.id);
    const swapWith = same[at + delta];
    if (!swapWith) return;
    const lines = plan.lines.map((l) => (l.id === line.id ? swapWith : l.id === swapWith.id ? line : l));
    this.commit({ ...plan, lines });
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLButtonElement>(`button[data-move="${CSS.escape(`${line.id}:${delta}`)}"]`)?.focus(),
    );
  }

  /** Open or close the "Fill" panel of a line (its code loads the first time). */
  private toggleFill(line: CashFlowLine): void {
    if (this.fill?.lineId === line.id) {
      this.fill = undefined;
      return;
    }
    void this.parts.run(`fill:${line.id}`, lineTools, async (tools) => {
      this.fill = tools.newFillForm(line.id);
      // The panel opens under its line: the focus goes to its first field.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.fill-panel select, .fill-panel input')?.focus();
    });
  }

  /** Close the "Fill" panel; the focus goes back to the button that opened it. */
  private closeFill(lineId: string): void {
    this.fill = undefined;
    this.focusAfterClose(`button[data-fill="${CSS.escape(lineId)}"]`);
  }

  private applyFill(): void {
    const form = this.fill;
    const plan = this.activeDraft?.plan;
    const tools = lineTools.loaded;
    if (!form || !plan || !tools) return;
    const amount = parseAmount(form.amount, { minorPerMajor: this.perMajor });
    if (!amount.ok) {
      this.setCellError(`fill:${form.lineId}`, amount.error);
      return;
    }
    const amounts = tools.fillAmounts(form, amount.minor, plan.months);
    this.setCellError(`fill:${form.lineId}`, undefined);
    this.setLine(form.lineId, (l) => ({ ...l, amounts }));
    const line = plan.lines.find((l) => l.id === form.lineId);
    if (line) this.offerUndo(plan, { lineId: line.id, label: line.label });
    this.closeFill(form.lineId);
  }

  /** Open a helper, or close it when it is the open one (its code loads the first time). */
  private toggleHelper(kind: HelperKind): void {
    if (this.helper?.kind === kind) {
      this.helper = undefined;
      return;
    }
    void this.parts.run(`helper:${kind}`, lineTools, async (tools) => {
      this.helperNotice = undefined;
      this.helper = tools.newHelperForm(kind, this.activeDraft?.plan, this.salesTax.rate, this.helperContext);
      // The form opens below the buttons: the focus goes to its first field.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.helper-form input, .helper-form select')?.focus();
    });
  }

  /** Close the open helper; the focus goes back to the button that opened it. */
  private closeHelper(): void {
    const kind = this.helper?.kind;
    this.helper = undefined;
    if (kind) this.focusAfterClose(`#helper-${kind}`);
  }

  /** The country's sales tax from the feed (a default the owner can change). */
  private get salesTax(): { name: string; rate: number } {
    const tax = this.countryRecord?.salesTax;
    return { name: tax?.name ?? msg('VAT'), rate: tax?.rate ?? 0 };
  }

  /**
   * What the helpers need to know of the country (its tax regimes, legal bonuses and season
   * presets from the feed, names in the page's language) and of the page (money, amounts).
   */
  private get helperContext(): HelperContext {
    const country = this.countryRecord;
    const lang = this.uiLanguage;
    const text = (value: Parameters<typeof pickText>[0] | undefined) => (value === undefined ? undefined : pickText(value, lang));
    const tax = this.salesTax;
    const regimes: HelperContext['regimes'] = (country?.taxRegimes ?? []).map((r) => ({
      id: r.id,
      name: pickText(r.name, lang),
      kind: r.kind,
      ...(r.ratePct !== undefined ? { ratePct: r.ratePct } : {}),
      ...(r.monthlyFee !== undefined ? { monthlyFee: Math.round((r.monthlyFee * this.perMajor) / 100) } : {}),
      ...(r.note !== undefined ? { note: text(r.note) } : {}),
    }));
    return {
      taxName: tax.name,
      perMajor: this.perMajor,
      money: (minor) => this.money(minor),
      amountText: (minor) => amountForInput(minor, this.locale, this.perMajor),
      regimes,
      bonuses: (country?.extraPay ?? []).map((b) => ({
        id: b.id,
        name: pickText(b.name, lang),
        month: b.month,
        sharePct: b.sharePct,
        ...(b.note !== undefined ? { note: text(b.note) } : {}),
      })),
      presets: (country?.seasonPresets ?? []).map((p) => ({
        id: p.id,
        name: pickText(p.name, lang),
        ...(p.high ? { high: p.high } : {}),
        ...(p.low ? { low: p.low } : {}),
        ...(p.note !== undefined ? { note: text(p.note) } : {}),
      })),
      calendarMonthName: (month) => dateFormat(this.locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1))),
    };
  }

  private applyHelper(): void {
    const form = this.helper;
    const plan = this.activeDraft?.plan;
    const tools = lineTools.loaded;
    if (!form || !plan || !tools) return;
    const result = tools.applyHelper(form, plan, this.helperContext);
    if (result.plan) {
      this.commit(result.plan);
      // The helper rewrote lines (a sales line now follows the seasons, or what is collected): one
      // click puts them back as they were.
      this.offerUndo(plan, { helper: form.kind });
    }
    this.helperNotice = result.notice;
    if (result.done) this.closeHelper();
  }


  private setSetting(change: Partial<Pick<CashFlowPlan, 'startMonth' | 'openingBalance' | 'safetyMinimum'>>): void {
    const plan = this.activeDraft?.plan;
    if (plan) this.commit({ ...plan, ...change });
  }

  private onMoneySetting(event: Event, key: 'openingBalance' | 'safetyMinimum'): void {
    const input = event.target as HTMLInputElement;
    const result = parseAmount(input.value, { allowNegative: key === 'openingBalance', minorPerMajor: this.perMajor });
    if (!result.ok) {
      this.setCellError(`setting:${key}`, result.error);
      return;
    }
    this.setCellError(`setting:${key}`, undefined);
    this.setSetting({ [key]: result.minor });
    input.value = amountForInput(result.minor, this.locale, this.perMajor);
  }

  /**
   * Per projection, the amounts a shorter horizon cut during this visit: arrows on the closed
   * "Months" list change it at every key, so 24 → 23 → 24 must give month 24 back, not lose it.
   */
  private readonly cutMonths = new Map<string, Map<string, number[]>>();

  private onMonths(event: Event): void {
    const draft = this.activeDraft;
    const months = Number((event.target as HTMLSelectElement).value);
    if (!draft || !(months >= 1 && months <= 36)) return;
    const known = rememberAmounts(draft.plan, this.cutMonths.get(draft.id));
    this.cutMonths.set(draft.id, known);
    this.commit(resizePlan(draft.plan, months, known));
  }

  // ------------------------------------------------------------------ projections (drafts)

  private selectDraft(id: string): void {
    this.autosave.flush();
    this.updateDrafts({ ...this.store, activeId: id });
  }

  private newDraft(templateId: string): void {
    const template = this.templates.find((t) => t.id === templateId);
    const name = template ? pickText(template.name, this.uiLanguage) : msg('New projection');
    const now = Date.now();
    this.updateDrafts(
      upsertDraft(this.store, { id: newDraftId(), name: name.slice(0, 120), plan: this.planFromTemplate(template), createdAt: now, updatedAt: now }),
    );
  }

  /** Arrows browsing the closed list of templates, and Enter starting from the one shown. */
  private browsingTemplates = false;

  private onNewFromKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      const select = event.target as HTMLSelectElement;
      if (select.value) {
        event.preventDefault();
        this.newDraftFrom(select);
      }
    } else if (isBrowseKey(event)) {
      this.browsingTemplates = true;
    }
  }

  /** Start the projection chosen in `select` (a template, or "-" for a blank page); the list goes back to "Choose…". */
  private newDraftFrom(select: HTMLSelectElement): void {
    this.browsingTemplates = false;
    this.newDraft(select.value === '-' ? '' : select.value);
    select.value = '';
    this.active = { row: 0, col: 0 };
  }

  private duplicate(): void {
    const draft = this.activeDraft;
    if (!draft) return;
    this.updateDrafts(duplicateDraft(this.store, draft.id, newDraftId(), msg(str`${draft.name} (copy)`).slice(0, 120), Date.now()));
  }

  private rename(event: Event): void {
    event.preventDefault();
    const draft = this.activeDraft;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#draft-name');
    const name = input?.value.trim().slice(0, 120);
    this.stopRenaming();
    if (draft && name) this.updateDrafts(renameDraft(this.store, draft.id, name, Date.now()));
  }

  private startRenaming(): void {
    this.renaming = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#draft-name')?.focus());
  }

  /** Close the name form; the focus goes back to Rename. */
  private stopRenaming(): void {
    this.renaming = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('#rename')?.focus());
  }

  private deleteDraft(): void {
    const draft = this.activeDraft;
    if (!draft) return;
    // Deleting cannot be undone: export first is offered in the confirmation sentence.
    const ok = window.confirm(
      msg(str`Delete the projection "${draft.name}" from this device? Export it first if you may need it again.`),
    );
    if (ok) this.updateDrafts(removeDraft(this.store, draft.id));
  }

  // ------------------------------------------------------------------ files

  private download(file: Download): void {
    const { data, name, type } = file;
    const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private markExported(): void {
    const draft = this.activeDraft;
    if (!draft) return;
    this.store = upsertDraft(this.store, { ...draft, exportedAt: Date.now() });
    this.autosave.schedule();
  }

  /**
   * Download the projection as CSV (opens in Excel and LibreOffice). The export code loads the
   * first time: the promise resolves once the file is handed to the browser, or the owner was
   * told it could not be loaded.
   */
  async exportCsv(): Promise<void> {
    if (!this.activeDraft || !this.projection) return;
    await this.parts.run('csv', files, (part) => {
      const draft = this.activeDraft;
      if (!draft || !this.projection) return;
      this.download(part.csvDownload(draft, this.projection, this.locale, this.uiLanguage));
      this.markExported();
    });
  }

  /**
   * Download the projection as a JSON file that imports back. Its code is part of the widget (not
   * loaded on first use): it is the way out when the device cannot save, so it works offline.
   */
  exportJson(): void {
    const draft = this.activeDraft;
    if (!draft) return;
    const name = fileName(draft.name, 'json', new Date(), this.uiLanguage === 'en' ? 'cash-flow' : 'flujo-de-caja');
    this.download({ data: planToJson(draft.name, draft.plan, new Date()), name, type: 'application/json' });
    this.markExported();
  }

  private async onImport(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > 5_000_000) {
      this.importNotice = { ok: false, text: msg('This file is too large to be a cash-flow projection.') };
      return;
    }
    // The reader loads with the first file opened; if it cannot, the owner picks the file again.
    const part = files.loaded ?? (await this.parts.run('import', files, (loaded) => loaded));
    if (!part) return;
    const result = part.readProjectionFile(await file.text());
    if (!result.ok) {
      this.importNotice = { ok: false, text: result.text };
      return;
    }
    // An import never replaces a projection: it is added as a new one, started now (the file has no dates of its own).
    const now = Date.now();
    this.updateDrafts(
      upsertDraft(this.store, { id: newDraftId(), name: result.name, plan: result.plan, createdAt: now, updatedAt: now }),
    );
    this.importNotice = { ok: true, text: part.importedText(result.name) };
  }

  /**
   * Open a printable page of the projection. The window opens at once (a pop-up opened later
   * than the click may be blocked) and is filled once the print code is loaded; if it cannot
   * be loaded, the window closes and the owner is told.
   */
  async print(): Promise<void> {
    const draft = this.activeDraft;
    const projection = this.projection;
    if (!draft || !projection) return;
    const win = window.open('', '_blank');
    if (!win) {
      this.importNotice = { ok: false, text: msg('The browser blocked the print window. Allow pop-ups for this site, or download the projection for Excel instead.') };
      return;
    }
    const page = { draft, projection, headline: this.headline(projection), locale: this.locale };
    if (!printing.loaded) win.document.body?.replaceChildren(preparingText());
    const printed = await this.parts.run('print', printing, (part) => {
      part.printProjection(win, page);
      return true;
    });
    if (!printed) win.close();
  }

  // ------------------------------------------------------------------ words

  private monthName(index: number | null, plan: CashFlowPlan, style: 'short' | 'long' = 'long'): string {
    if (index === null) return '';
    if (index < 0) return msg('before opening');
    return formatMonth(monthAt(plan.startMonth, index), this.locale, style);
  }

  private monthNamesCache?: { key: string; names: readonly string[] };

  /** Long month names of the plan, computed once per start month, length and locale. */
  private monthNames(plan: CashFlowPlan): readonly string[] {
    const key = `${plan.startMonth}|${plan.months}|${this.locale}`;
    if (this.monthNamesCache?.key !== key) {
      this.monthNamesCache = { key, names: Array.from({ length: plan.months }, (_, i) => this.monthName(i, plan)) };
    }
    return this.monthNamesCache.names;
  }

  private money(minor: number, currency = this.activeDraft?.plan.currency ?? 'USD'): string {
    return formatMoney(minor, currency, this.locale);
  }

  private headline(projection: Projection): string {
    const plan = this.activeDraft!.plan;
    if (projection.firstNegative !== null && projection.firstNegative < 0) {
      return msg(str`Cash runs out before opening: you need ${this.money(projection.fundingNeeded)} to get through.`);
    }
    if (projection.firstNegative !== null) {
      const month = this.monthName(projection.firstNegative, plan);
      return msg(str`Cash runs out in ${month}: you need ${this.money(projection.fundingNeeded)} to get through.`);
    }
    if (projection.fundingNeeded > 0) {
      const month = this.monthName(projection.lowest.index, plan);
      return msg(
        str`Cash falls below your safety minimum in ${month}: you need ${this.money(projection.fundingNeeded)} more.`,
      );
    }
    // The lowest month (the pre-start column only counts when money moves in it).
    const pre = projection.preStart;
    const lowest =
      pre.totalIn === 0 && pre.totalOut === 0 && projection.months.length > 0
        ? projection.months.reduce(
            (low, m, i) => (m.closing < low.balance ? { balance: m.closing, index: i } : low),
            { balance: projection.months[0]!.closing, index: 0 },
          )
        : projection.lowest;
    if (lowest.index < 0) {
      return msg(str`Cash is enough every month. Lowest balance: ${this.money(lowest.balance)}, before opening.`);
    }
    const month = this.monthName(lowest.index, plan);
    return msg(str`Cash is enough every month. Lowest balance: ${this.money(lowest.balance)} in ${month}.`);
  }

  private errorText(error: AmountError): string {
    switch (error) {
      case 'format':
        return msg('Write an amount such as 1,250.50');
      case 'decimals':
        return msg('At most two decimals.');
      case 'negative':
        return msg('Write the amount without a minus sign.');
      case 'too-large':
        return msg('This amount is too large.');
      case 'comma-decimal':
        return msg('Use a point for decimals: 1,250.50');
    }
  }

  // ------------------------------------------------------------------ render

  private renderHeader(draft: Draft): TemplateResult {
    const plan = draft.plan;
    // Days since the last copy left the device (or since the projection was started, before any):
    // no reminder on a new projection, nor in the week after an export.
    const days = (Date.now() - (draft.exportedAt ?? draft.createdAt)) / 86_400_000;
    return html`<div class="header" part="header">
      <div class="row no-print">
        ${this.renaming
          ? html`<form class="row" @submit=${this.rename} @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                this.stopRenaming();
              }
            }}>
              <div class="field">
                <label class="field-label" for="draft-name">${msg('Name of the projection')}</label>
                <input id="draft-name" .value=${draft.name} maxlength="120" />
              </div>
              <button class="button" type="submit">${msg('Save name')}</button>
              <button class="button secondary" type="button" @click=${this.stopRenaming}>
                ${msg('Cancel')}
              </button>
            </form>`
          : html`<div class="field">
                <label class="field-label" for="draft">${msg('Projection')}</label>
                <select id="draft" @change=${(e: Event) => this.selectDraft((e.target as HTMLSelectElement).value)}>
                  ${repeat(
                    this.store.drafts,
                    (d) => d.id,
                    (d) => html`<option value=${d.id} ?selected=${d.id === draft.id}>${d.name}</option>`,
                  )}
                </select>
              </div>
              <button id="rename" class="button secondary" type="button" @click=${this.startRenaming}>${msg('Rename')}</button>
              <button class="button secondary" type="button" @click=${this.duplicate}>${msg('Duplicate')}</button>
              <button class="button secondary" type="button" @click=${this.deleteDraft}>${msg('Delete')}</button>
              <div class="field">
                <label class="field-label" for="new-from">${msg('New projection from')}</label>
                <select id="new-from" @keydown=${this.onNewFromKeydown} @pointerdown=${() => (this.browsingTemplates = false)}
                  @change=${(e: Event) => {
                    // A pick with the mouse or a screen reader's list starts the projection at once; arrows
                    // on the closed list only browse (Enter or Create starts it).
                    if (!this.browsingTemplates) this.newDraftFrom(e.target as HTMLSelectElement);
                  }}>
                  <option value="">${msg('Choose…')}</option>
                  <option value="-">${msg('A blank page')}</option>
                  ${this.templates.map((t) => html`<option value=${t.id}>${pickText(t.name, this.uiLanguage)}</option>`)}
                </select>
              </div>
              <button id="new-create" class="button secondary" type="button" @click=${() => {
                const select = this.renderRoot.querySelector<HTMLSelectElement>('#new-from');
                if (select?.value) this.newDraftFrom(select);
                else select?.focus();
              }}>${msg('Create')}</button>`}
      </div>
      <p class="saved" role="status">
        ${this.lastSaved
          ? msg(str`Saved on this device at ${formatTime(this.lastSaved, this.locale)}`)
          : msg('Changes are saved on this device as you type.')}
        ${draft.exportedAt ? msg(str`Last copy downloaded: ${formatDate(draft.exportedAt, this.locale)}.`) : ''}
        ${days <= EXPORT_REMINDER_DAYS
          ? ''
          : draft.exportedAt
            ? msg('Download a copy now and then: some browsers delete a site\'s saved data after 7 days without a visit.')
            : msg('No copy downloaded yet: download one now and then.')}
      </p>
      <div class="row">
        <div class="field">
          <label class="field-label" for="start">${msg('First month')}</label>
          <input
            id="start"
            type="month"
            .value=${plan.startMonth}
            @change=${(e: Event) => {
              const value = (e.target as HTMLInputElement).value;
              if (/^\d{4}-\d{2}$/.test(value)) this.setSetting({ startMonth: value });
            }}
          />
        </div>
        <div class="field">
          <label class="field-label" for="months">${msg('Months')}</label>
          <select id="months" @change=${this.onMonths}>
            ${Array.from({ length: 36 }, (_, i) => i + 1).map(
              (n) => html`<option value=${n} ?selected=${n === plan.months}>${n}</option>`,
            )}
          </select>
        </div>
        ${this.renderMoneySetting('opening', msg(str`Cash at the start (${plan.currency})`), 'openingBalance', plan)}
        ${this.renderMoneySetting('minimum', msg(str`Safety minimum (${plan.currency})`), 'safetyMinimum', plan)}
      </div>
    </div>`;
  }

  private renderMoneySetting(
    id: string,
    label: string,
    key: 'openingBalance' | 'safetyMinimum',
    plan: CashFlowPlan,
  ): TemplateResult {
    const error = this.cellErrors.get(`setting:${key}`);
    return html`<div class="field">
      <label class="field-label" for=${id}>${label}</label>
      <input
        id=${id}
        class="narrow-input"
        inputmode="decimal"
        placeholder="0.00"
        .value=${amountForInput(plan[key], this.locale, this.perMajor)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        @change=${(e: Event) => this.onMoneySetting(e, key)}
      />
      ${error ? html`<span id="${id}-error" class="cell-error">${this.errorText(error)}</span>` : nothing}
    </div>`;
  }

  private renderSummary(projection: Projection, plan: CashFlowPlan): TemplateResult {
    const alert = projection.fundingNeeded > 0;
    const scenario = this.scenarioProjection;
    let scenarioText: string | undefined;
    if (scenario) {
      scenarioText =
        scenario.fundingNeeded > 0
          ? msg(str`In the "what if" case you would need ${this.money(scenario.fundingNeeded)}.`)
          : msg(str`In the "what if" case cash is still enough; lowest balance ${this.money(scenario.lowest.balance)}.`);
    }
    const breakEven =
      projection.breakEven !== null
        ? msg(str`From ${this.monthName(projection.breakEven, plan)} on, the business keeps adding cash.`)
        : msg('In this period the business does not yet keep adding cash month after month.');
    const runway =
      projection.runwayMonths !== null && projection.runwayMonths > 0
        ? msg(str`At the last month's pace the cash lasts ${formatNumber(projection.runwayMonths, this.locale)} more months.`)
        : '';
    return html`<div class="summary ${alert ? 'alert' : ''}" part="summary" role="status" aria-live="polite">
      <p class="headline">${this.headline(projection)}</p>
      <p>${breakEven} ${runway}</p>
      <p>
        ${msg(str`Money in: ${this.money(projection.totals.in)} · Money out: ${this.money(projection.totals.out)} · Net: ${this.money(projection.totals.net)}`)}
      </p>
      ${scenarioText ? html`<p>${scenarioText}</p>` : nothing}
      ${this.renderDrawings(plan)}
    </div>`;
  }

  /**
   * When the projection needs money: "Who can help you find this money", to the provider finder
   * filtered by the services the feed's templates name for a shortfall (the `template` named on
   * the tag, else every template of the country); nothing when there is no finder or no provider.
   */
  private renderShortfallHelp(projection: Projection): TemplateResult | typeof nothing {
    if (projection.fundingNeeded <= 0) return nothing;
    const named = this.templates.find((t) => t.id === this.template);
    const services = [...new Set((named ? [named] : this.templates).flatMap((t) => t.serviceIds ?? []))];
    const action = helpAction(this, {
      feed: this.shownFeed,
      services,
      country: this.countryCode,
      itemId: 'shortfall',
      label: msg('Who can help you find this money'),
    });
    return action === nothing ? nothing : html`<p class="help no-print">${action}</p>`;
  }

  private drawingsFor?: { readonly plan: CashFlowPlan; readonly summary: DrawingsSummary };

  /** What the household took, and whether that is what leaves the business short of cash. */
  private renderDrawings(plan: CashFlowPlan): TemplateResult | typeof nothing {
    if (!plan.lines.some((l) => l.kind === 'drawings' && l.flow === 'out')) return nothing;
    // Two projections (with and without the drawings): once per plan, not at every render.
    if (this.drawingsFor?.plan !== plan) this.drawingsFor = { plan, summary: drawingsSummary(plan) };
    const d = this.drawingsFor.summary;
    if (d.total === 0) return nothing;
    const took = msg(str`The owner's drawings (retiro) take ${this.money(d.total)} in this period: ${d.shareOfOutPct} % of all money out.`);
    let warning = '';
    if (d.causesShortfall) {
      warning = msg('Without the drawings, cash would be enough: they are what leaves the business short. Take less, or later.');
    } else if (d.worsensShortfall) {
      warning = msg(str`Without the drawings you would need ${this.money(d.fundingNeededWithout)} instead of ${this.money(d.fundingNeeded)}.`);
    }
    return html`<p class="drawings">${took}</p>${warning ? html`<p class="drawings-warning"><strong>${warning}</strong></p>` : nothing}`;
  }

  private renderChart(projection: Projection): TemplateResult {
    const g = chartGeometry(projection, CHART_WIDTH, CHART_HEIGHT);
    const scenario = this.scenarioProjection ? chartGeometry(this.scenarioProjection, CHART_WIDTH, CHART_HEIGHT) : undefined;
    const title = msg('Money in and out each month, and the cash balance');
    const every = Math.ceil(g.periods.length / 12);
    return html`<figure class="chart-figure">
      <svg class="chart" part="chart" viewBox="0 0 ${g.width} ${g.height}" role="img" aria-labelledby="chart-title chart-desc">
        <title id="chart-title">${title}</title>
        <desc id="chart-desc">${this.headline(projection)}</desc>
        ${g.periods.map((p) =>
          p.negative
            ? svg`<rect class="negative-band" x=${p.centre - (g.width / g.periods.length) / 2} y="0" width=${g.width / g.periods.length} height=${g.height - 24}></rect>`
            : nothing,
        )}
        ${g.periods.map(
          (p) => svg`<rect class="in" x=${p.inBar.x} y=${p.inBar.y} width=${p.inBar.width} height=${p.inBar.height}></rect>
            <rect class="out" x=${p.outBar.x} y=${p.outBar.y} width=${p.outBar.width} height=${p.outBar.height}></rect>`,
        )}
        <line class="zero" x1="0" x2=${g.width} y1=${g.zeroY} y2=${g.zeroY}></line>
        ${scenario ? svg`<polyline class="scenario" points=${scenario.line}></polyline>` : nothing}
        <polyline class="balance" points=${g.line}></polyline>
        ${g.periods.map((p) => svg`<circle class="dot ${p.negative ? 'negative' : ''}" cx=${p.balance.x} cy=${p.balance.y} r="3"></circle>`)}
        ${g.periods.map((p, i) =>
          i % every === 0
            ? svg`<text x=${p.centre} y=${g.height - 8} text-anchor="middle">${p.label === 'pre' ? msg('pre') : formatMonth(p.label, this.locale).replace(/\s?\d{4}$/, '')}</text>`
            : nothing,
        )}
      </svg>
      <ul class="legend" aria-hidden="true">
        <li><span class="swatch in"></span>${msg('Money in')}</li>
        <li><span class="swatch out"></span>${msg('Money out')}</li>
        <li><span class="swatch balance"></span>${msg('Cash balance')}</li>
        ${scenario ? html`<li><span class="swatch scenario"></span>${msg('Balance in the "what if" case')}</li>` : nothing}
      </ul>
    </figure>`;
  }

  private renderHelpers(plan: CashFlowPlan): TemplateResult {
    const form = this.helper;
    const tools = lineTools.loaded;
    const toggle = (kind: HelperKind, label: string) =>
      this.partButton(`helper:${kind}`, label, () => this.toggleHelper(kind), {
        secondary: true,
        expanded: form?.kind === kind,
        id: `helper-${kind}`,
      });
    return html`<div class="helpers no-print" @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Escape' && this.helper && (e.target as Element).closest('.helper-form')) {
        e.preventDefault();
        this.closeHelper();
      }
    }}>
      <div class="actions">
        ${toggle('loan', msg('Add a loan'))} ${toggle('vat', msg(str`Work out ${this.salesTax.name}`))}
        ${toggle('credit', msg('Sales on credit'))}
        ${(this.countryRecord?.extraPay?.length ?? 0) > 0 ? toggle('bonuses', msg('Aguinaldo and legal bonuses')) : nothing}
        ${toggle('seasons', msg('Seasons'))}
      </div>
      ${this.partProblem('helper')}
      ${form && tools
        ? tools.renderHelperForm({
            ...this.helperContext,
            form,
            plan,
            monthName: (i) => this.monthName(i, plan, 'short'),
            update: (change) => (this.helper = { ...form, ...change }),
            apply: () => this.applyHelper(),
            cancel: () => this.closeHelper(),
          })
        : nothing}
      ${this.helperNotice
        ? html`<p class="notice" role="status">
            <span>${this.helperNotice}</span>
            ${this.undo && 'helper' in this.undo.by
              ? html`<button id="undo-helper" class="button secondary" type="button" @click=${this.undoLast}>${msg('Undo')}</button>`
              : nothing}
          </p>`
        : nothing}
    </div>`;
  }

  /**
   * A button whose action needs a lazy part: while the part loads it says "Preparing…" and is
   * `aria-busy` (and ignores more clicks); `expanded` for a button that opens a panel.
   */
  private partButton(
    action: string,
    label: string,
    onClick: () => unknown,
    options: { secondary?: boolean; expanded?: boolean; id?: string } = {},
  ): TemplateResult {
    const busy = this.parts.busy(action);
    return html`<button
      class="button ${options.secondary ? 'secondary' : ''}"
      type="button"
      id=${options.id ?? nothing}
      aria-busy=${busy ? 'true' : nothing}
      aria-disabled=${busy ? 'true' : nothing}
      aria-expanded=${options.expanded === undefined ? nothing : options.expanded ? 'true' : 'false'}
      @click=${() => void onClick()}
    >${busy ? preparingText() : label}</button>`;
  }

  /** Where the actions named `prefix` (`csv`, or every `helper:…`) are: the message that their part could not be loaded. */
  private partProblem(...prefixes: string[]): TemplateResult | typeof nothing {
    const failed = this.parts.failed;
    return failed !== undefined && prefixes.some((prefix) => failed === prefix || failed.startsWith(`${prefix}:`))
      ? html`<p class="notice error" part="notice" role="alert">${partFailedText()}</p>`
      : nothing;
  }

  private renderScenario(): TemplateResult {
    const pct = (value: string) => {
      const n = Number(value.replace(',', '.'));
      return Number.isFinite(n) ? Math.max(-100, Math.min(500, n)) : 0;
    };
    return html`<fieldset class="row scenario-box no-print" part="scenario">
      <legend>${msg('What if…')}</legend>
      <div class="field">
        <label class="field-label" for="sales-pct">${msg('Sales change (%)')}</label>
        <input id="sales-pct" class="pct-input" type="number" step="1" min="-100" max="500" .value=${String(this.salesPct)}
          @change=${(e: Event) => (this.salesPct = pct((e.target as HTMLInputElement).value))} />
      </div>
      <div class="field">
        <label class="field-label" for="costs-pct">${msg('Costs change (%)')}</label>
        <input id="costs-pct" class="pct-input" type="number" step="1" min="-100" max="500" .value=${String(this.costsPct)}
          @change=${(e: Event) => (this.costsPct = pct((e.target as HTMLInputElement).value))} />
      </div>
    </fieldset>`;
  }

  /**
   * A line's row is re-rendered only when something it shows changed: an edit
   * replaces one line object and leaves the others as they were, so a 60-line,
   * 36-month grid re-renders one row. `row` is its grid row (grid-nav.ts), `index` its line.
   */
  private guardedLine(line: CashFlowLine, index: number, row: number, plan: CashFlowPlan, columns: number, monthNames: readonly string[]) {
    const errors = [...this.cellErrors.keys()].filter((key) => key.startsWith(`${line.id}:`) || key === `fill:${line.id}`);
    const fill = this.fill?.lineId === line.id ? this.fill : undefined;
    const active = this.active.row === row ? this.active.col : undefined;
    const editing = this.editing?.row === row ? this.editing : undefined;
    const inside = this.interacting === line.id;
    const action = `fill:${line.id}`;
    const part = this.parts.busy(action) ? 'busy' : this.parts.failed === action ? 'failed' : lineTools.loaded ? 'ready' : undefined;
    return guard([line, index, row, columns, monthNames, errors.join('|'), fill, this.locale, active, editing, inside, part], () =>
      this.renderLine(line, index, row, plan, columns, monthNames),
    );
  }

  private renderLine(
    line: CashFlowLine,
    index: number,
    row: number,
    plan: CashFlowPlan,
    columns: number,
    monthNames: readonly string[],
  ): TemplateResult {
    const total = line.preStart + line.amounts.reduce((sum, a) => sum + a, 0);
    const fillBusy = this.parts.busy(`fill:${line.id}`);
    const stop = (col: number) => (this.active.row === row && this.active.col === col ? '0' : '-1');
    // The row header's name and tools are Tab stops only while the keyboard works inside it.
    const inner = this.interacting === line.id ? nothing : '-1';
    const cell = (value: number, col: number, name: string) => {
      const key = this.errorKey(line.id, col);
      const error = this.cellErrors.get(key);
      const errorId = `err-${line.id}-${col}`;
      const editing = this.editing && this.editing.row === row && this.editing.col === col ? this.editing : undefined;
      return html`<div
        role="gridcell"
        class="amount ${value === 0 ? 'zero' : ''}"
        part="cell"
        data-row=${index}
        data-col=${col}
        data-pos="${row}:${col}"
        tabindex=${editing ? '-1' : stop(col)}
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${error && !editing ? errorId : nothing}
        @click=${() => (editing ? undefined : void this.startEdit(row, col))}
      >
        ${editing
          ? html`<input
              class="cell-editor"
              inputmode="decimal"
              autocomplete="off"
              enterkeyhint="next"
              .value=${editing.text}
              aria-label=${msg(str`${line.label}, ${name}`)}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? errorId : nothing}
              @input=${this.onEditorInput}
              @blur=${this.onEditorBlur}
            />`
          : amountForInput(value, this.locale, this.perMajor)}
        ${error ? html`<span id=${errorId} class="cell-error">${this.errorText(error)}</span>` : nothing}
      </div>`;
    };
    return html`<div role="row" class="grid-row line">
        <div role="rowheader" class="label-cell" data-pos="${row}:${HEADER_COL}" data-line=${line.id} tabindex=${stop(HEADER_COL)}
          aria-label=${line.label}>
          <input
            data-label=${line.id}
            .value=${line.label}
            maxlength="160"
            tabindex=${inner}
            aria-label=${line.flow === 'in' ? msg('Name of the money coming in') : msg('Name of the money going out')}
            @change=${(e: Event) => {
              const input = e.target as HTMLInputElement;
              const label = input.value.trim().slice(0, 160);
              if (label) this.setLine(line.id, (l) => ({ ...l, label }));
              else input.value = line.label; // a line keeps a name: show the one it keeps
            }}
          />
          <div class="line-actions no-print">
            <button class="icon-button" type="button" tabindex=${inner} data-move="${line.id}:-1" aria-label=${msg(str`Move "${line.label}" up`)} @click=${() => this.moveLine(line, -1)}>↑</button>
            <button class="icon-button" type="button" tabindex=${inner} data-move="${line.id}:1" aria-label=${msg(str`Move "${line.label}" down`)} @click=${() => this.moveLine(line, 1)}>↓</button>
            <button class="icon-button" type="button" tabindex=${inner} data-fill=${line.id} aria-expanded=${this.fill?.lineId === line.id ? 'true' : 'false'}
              aria-busy=${fillBusy ? 'true' : nothing} aria-disabled=${fillBusy ? 'true' : nothing} @click=${() => this.toggleFill(line)}>
              ${fillBusy ? preparingText() : msg('Fill')}<span class="visually-hidden"> ${line.label}</span>
            </button>
            <button class="icon-button" type="button" tabindex=${inner} aria-label=${msg(str`Remove "${line.label}"`)} @click=${() => this.removeLine(line)}>✕</button>
          </div>
        </div>
        ${cell(line.preStart, -1, msg('before opening'))}
        ${line.amounts.map((amount, i) => cell(amount, i, monthNames[i] ?? ''))}
        <div role="gridcell" class="figure line-total" aria-readonly="true" data-pos="${row}:${plan.months}" tabindex=${stop(plan.months)}>${this.money(total)}</div>
      </div>
      ${this.renderFillPanel(line, plan, columns)}`;
  }

  /** The "Fill" panel under a line when it is open, or the message that it could not be loaded. */
  private renderFillPanel(line: CashFlowLine, plan: CashFlowPlan, columns: number): TemplateResult | typeof nothing {
    const form = this.fill;
    const tools = lineTools.loaded;
    if (form?.lineId === line.id && tools) {
      const error = this.cellErrors.get(`fill:${line.id}`);
      return tools.renderFillPanel({
        line,
        plan,
        columns,
        form,
        error: error ? this.errorText(error) : undefined,
        monthName: (i) => this.monthName(i, plan, 'short'),
        update: (change) => (this.fill = { ...form, ...change }),
        apply: () => this.applyFill(),
        cancel: () => this.closeFill(line.id),
      });
    }
    const problem = this.partProblem(`fill:${line.id}`);
    return problem === nothing
      ? nothing
      : html`<div role="row" class="grid-row fill-panel"><div role="gridcell" aria-colspan=${columns}>${problem}</div></div>`;
  }

  private renderTable(projection: Projection, plan: CashFlowPlan): TemplateResult {
    const months = projection.months;
    const columns = months.length + 3;
    const lines = this.gridLines;
    const insCount = this.insCount;
    const ins = lines.slice(0, insCount);
    const outs = lines.slice(insCount);
    const rows = this.navRows;
    const monthNames = this.monthNames(plan);
    const rowOf = (figure: FigureRow) => rows.findIndex((r) => r.kind === 'figure' && r.figure === figure);
    const stop = (row: number, col: number) => (this.active.row === row && this.active.col === col ? '0' : '-1');
    // The computed rows: read-only cells, stops of the grid's keyboard model like the others.
    const figureRow = (figure: FigureRow, label: string, pick: (p: Projection['preStart']) => number, total?: number, mark = false) => {
      const row = rowOf(figure);
      return html`<div role="row" class="grid-row total-row">
        <div role="rowheader" class="label-cell" data-pos="${row}:${HEADER_COL}" tabindex=${stop(row, HEADER_COL)}>${label}</div>
        ${[projection.preStart, ...months].map(
          (p, i) => html`<div role="gridcell" class="figure ${mark && pick(p) < 0 ? 'negative' : ''}" aria-readonly="true"
            data-pos="${row}:${i - 1}" tabindex=${stop(row, i - 1)}>${this.money(pick(p))}</div>`,
        )}
        <div role="gridcell" class="figure" aria-readonly="true" data-pos="${row}:${months.length}" tabindex=${stop(row, months.length)}>${total === undefined ? '' : this.money(total)}</div>
      </div>`;
    };
    const section = (title: string) =>
      html`<div role="row" class="grid-row section"><div role="rowheader" class="label-cell" aria-colspan=${columns}>${title}</div></div>`;
    const line = (l: CashFlowLine, index: number) =>
      this.guardedLine(l, index, rowOfLine(index, insCount), plan, columns, monthNames);
    // A grid of divs, not a table: each row is its own layout box (CSS containment), and rows
    // off screen are not rendered at all (content-visibility). The grid scrolls sideways on
    // narrow screens; its one tab stop is the active cell (there is always one: the computed rows).
    return html`<div class="grid-wrap" part="table">
      <div
        role="grid"
        class="grid"
        aria-label=${msg('Cash flow by month')}
        aria-colcount=${columns}
        @keydown=${this.onGridKeydown}
        @focusin=${this.onGridFocusIn}
        @focusout=${this.onGridFocusOut}
        @paste=${this.onGridPaste}
      >
        <div role="rowgroup">
          <div role="row" class="grid-row head-row">
            <div role="columnheader" class="label-cell">${msg('Item')}</div>
            <div role="columnheader" class="figure">${msg('Before opening')}</div>
            ${months.map((_, i) => html`<div role="columnheader" class="figure">${this.monthName(i, plan, 'short')}</div>`)}
            <div role="columnheader" class="figure">${msg('Total')}</div>
          </div>
        </div>
        <div role="rowgroup">
          ${section(msg('Money coming in'))}
          ${repeat(ins, (l) => l.id, (l, i) => line(l, i))}
          ${figureRow('totalIn', msg('Total money in'), (p) => p.totalIn, projection.totals.in)}
          ${section(msg('Money going out'))}
          ${repeat(outs, (l) => l.id, (l, i) => line(l, insCount + i))}
          ${figureRow('totalOut', msg('Total money out'), (p) => p.totalOut, projection.totals.out)}
          ${figureRow('net', msg('Net cash flow'), (p) => p.net, projection.totals.net, true)}
          ${figureRow('opening', msg('Opening balance'), (p) => p.opening)}
          ${figureRow('closing', msg('Closing balance'), (p) => p.closing, undefined, true)}
        </div>
      </div>
    </div>`;
  }

  private renderNotices(): TemplateResult {
    const notices: TemplateResult[] = [];
    if (this.saveProblem) {
      notices.push(html`<p class="notice error" part="notice" role="alert">
        <span>${this.saveProblem === 'full'
          ? msg('This device is out of space, so your latest changes are not saved. Download a copy of your projection now to keep it.')
          : msg('This device does not let the page save your work. Download a copy of your projection to keep it.')}</span>
        <button class="button" type="button" @click=${this.exportJson}>${msg('Download a copy')}</button>
      </p>`);
    }
    if (this.storageNotice) {
      notices.push(html`<p class="notice" part="notice" role="status">${this.storageNotice}</p>`);
    }
    if (this.importNotice) {
      notices.push(html`<p class="notice ${this.importNotice.ok ? '' : 'error'}" part="notice" role="status">
        ${this.importNotice.text}
      </p>`);
    }
    const replaced = this.undo && 'lineId' in this.undo.by ? this.undo.by : undefined;
    if (replaced) {
      notices.push(html`<p class="notice" part="notice" role="status">
        <span>${msg(str`The amounts of "${replaced.label}" were replaced.`)}</span>
        <button id="undo-row" class="button secondary" type="button" @click=${this.undoLast}>${msg('Undo')}</button>
      </p>`);
    }
    if (this.removed) {
      notices.push(html`<p class="notice" part="notice" role="status">
        <span>${msg(str`"${this.removed.line.label}" was removed.`)}</span>
        <button id="undo" class="button secondary" type="button" @click=${this.undoRemove}>${msg('Undo')}</button>
      </p>`);
    }
    return html`${notices}`;
  }

  override render() {
    const { state } = this.feedController;
    const draft = this.activeDraft;
    let content: TemplateResult;
    if (draft && this.projection) {
      const plan = draft.plan;
      content = html`
        ${state.status === 'ready' ? renderOffline(state.snapshot, this.locale, () => this.feedController.retry()) : nothing}
        ${this.renderPublisherProblem()}
        ${state.status === 'error' ? renderError(state.error, () => this.feedController.retry()) : nothing}
        ${this.renderHeader(draft)} ${this.renderNotices()} ${this.renderSummary(this.projection, plan)}
        ${this.renderShortfallHelp(this.projection)}
        ${this.renderChart(this.projection)} ${this.renderScenario()} ${this.renderTable(this.projection, plan)}
        <div class="actions no-print">
          <button class="button secondary" type="button" @click=${() => this.addLine('in')}>${msg('+ Money in')}</button>
          <button class="button secondary" type="button" @click=${() => this.addLine('out')}>${msg('+ Money out')}</button>
          <button class="button secondary" type="button" @click=${() => this.addLine('out', 'wages')}>${msg('+ Wages')}</button>
          <button class="button secondary" type="button" @click=${() => this.addLine('out', 'drawings')}>${msg("+ Owner's drawings")}</button>
        </div>
        ${this.renderHelpers(plan)}
        <div class="actions no-print" part="actions">
          ${this.partButton('csv', msg('Download for Excel (CSV)'), () => this.exportCsv())}
          <button class="button secondary" type="button" @click=${this.exportJson}>${msg('Download a copy (file)')}</button>
          <label class="button secondary">
            ${this.parts.busy('import') ? preparingText() : msg('Open a copy (file)')}
            <input class="file-input" type="file" accept=".json,application/json" aria-busy=${this.parts.busy('import') ? 'true' : nothing} @change=${this.onImport} />
          </label>
          ${this.partButton('print', msg('Print'), () => this.print(), { secondary: true })}
        </div>
        ${this.partProblem('csv', 'import', 'print')}`;
    } else if (state.status === 'error') {
      content = renderError(state.error, () => this.feedController.retry());
    } else {
      content = renderLoading(2);
    }
    return html`<div class="base" part="base">${content}</div>`;
  }
}

