import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import { MipymeElement } from '../shared/element.js';
import { base, tokens } from '../styles/tokens.js';
import { forms } from '../styles/shared.js';
import { renderError, renderLoading, renderOffline, viewStyles } from '../shared/views.js';
import { formatDate, formatNumber, formatTime } from '../shared/format.js';
import { MipymePlanChangeEvent, MipymeToolOpenEvent } from '../shared/events.js';
import { AutosaveController } from '../shared/autosave.js';
import { PartsController, partFailedText, preparingText, type LazyPart } from '../shared/parts.js';
import { helpAction } from '../shared/journey.js';
import { pickText } from '../feed/text.js';
import type { PlanOutline, PlanSection, Tool } from '../feed/schema.js';
import { loadDrafts, type Draft } from '../cash-flow-calculator/drafts.js';
import { onStoredChange } from '../shared/storage.js';
import {
  answerKey,
  flattenSections,
  markExported,
  newPlan,
  planProgress,
  setAnswer,
  updatePlanDetails,
  type CashFlowExtract,
  type ExportOptions,
  type FlatSection,
  type PlanDocument,
  type PlanProgress,
} from './plan-core.js';
import {
  duplicatePlan,
  jsonToPlan,
  loadPlans,
  mergePlans,
  newPlanId,
  planToJson,
  removePlan,
  renamePlan,
  savePlans,
  upsertPlan,
  type PlanStore,
} from './plan-store.js';
import { markdown, printable } from './parts.js';
import { cashFlowExtract } from './cash-flow-extract.js';
import { isBrowseKey } from '../shared/browse-keys.js';
import { styles } from './business-plan-outline.styles.js';

const SAVE_DELAY = 500;
const EXPORT_REMINDER_DAYS = 7;

/**
 * @tagname mipyme-business-plan-outline
 * @summary Write a business plan section by section, guided by the outline's questions, hints,
 * examples and linked tools; saved on the device as you type; printed or downloaded for a lender.
 *
 * @event mipyme-plan-change - The owner changed the plan. `detail`: `{ planId, outlineId, answered, total,
 * percent, sectionId }` — progress only, never what the owner wrote (see `exportMarkdown()`).
 * @event mipyme-tool-open - The owner opened a tool linked from a section. `detail`: `{ id, url, country, widget }`.
 * @event mipyme-help-open - A person asked "who can help" (a plan section; a projection that needs money). `detail`: `{ widget, action: 'help', itemId, country, serviceIds, target }`.
 * @event mipyme-feed-load - The feed is ready.
 * @event mipyme-feed-error - The feed could not be loaded.
 *
 * @csspart base - The widget's frame.
 * @csspart header - Plan picker, business name and save status.
 * @csspart progress - The overall progress.
 * @csspart nav - The section navigator.
 * @csspart section - The current section.
 * @csspart question - One question with its answer.
 * @csspart actions - Print, download and import buttons.
 * @csspart notice - Messages about saving, exporting or importing.
 * @csspart help - "Who can help with this": the link or button to the provider finder.
 * @csspart loading - The loading view.
 * @csspart error - The error view.
 * @csspart offline - The note shown when working from the saved copy of the feed.
 * @csspart publisher-problem - The note shown when `publisher` names partners the feed does not declare.
 *
 * @cssproperty --mipyme-business-plan-outline-nav-width - Width of the section navigator on wide layouts (default 16em).
 */
@localized()
export class MipymeBusinessPlanOutline extends MipymeElement {
  static override styles = [tokens, base, viewStyles, forms, styles];

  /** Id of the plan outline of the feed to use (default: the first one for the country). */
  @property() outline?: string;

  @state() private store: PlanStore = { plans: [], activeId: undefined };
  @state() private sectionId?: string;
  @state() private includeEmpty = false;
  @state() private lastSaved?: number;
  @state() private saveProblem?: 'full' | 'unavailable';
  @state() private storageNotice?: string;
  /** The outcome of the owner's last action on the plans (import, copy, delete, print), said once. */
  @state() private notice?: { ok: boolean; text: string };
  @state() private renaming = false;
  @state() private renameError?: string;

  /** Where the focus goes after the next render (the control that opened what just closed…). */
  private focusAfterRender?: string;
  /** The control that had the focus before the render (to notice one the render took away). */
  private focusedBeforeRender?: Element | null;

  /** The actions that wait for a lazy part (parts.ts): busy while it loads, a message if it cannot. */
  private readonly parts = new PartsController(this);

  private readonly autosave = new AutosaveController(this, {
    name: 'business-plan.plans',
    delay: SAVE_DELAY,
    save: () => this.writeNow(),
    onExternalChange: () => (this.store = mergePlans(this.store, loadPlans().store)),
  });

  private flat: FlatSection[] = [];
  private flatFor?: PlanOutline;
  private progress?: PlanProgress;
  private progressFor?: PlanDocument;

  /** The plan's progress, computed once per plan version (the change event and the render share it). */
  private progressOf(outline: PlanOutline, plan: PlanDocument): PlanProgress {
    if (plan !== this.progressFor || !this.progress) {
      this.progressFor = plan;
      this.progress = planProgress(outline, plan.answers);
    }
    return this.progress;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const loaded = loadPlans();
    this.store = loaded.store;
    this.stopProjectionWatch = onStoredChange('cash-flow.drafts', () => {
      this.savedProjectionsCache = undefined;
      this.requestUpdate();
    });
    if (loaded.problem === 'unavailable') {
      this.storageNotice = msg('This device does not let the page save your work. Download a copy to keep it.');
    } else if (loaded.problem === 'unreadable') {
      this.storageNotice = msg(
        'A saved plan could not be read. It was kept aside on this device, not deleted; ask your advisor or the site for help to recover it.',
      );
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const outline = this.currentOutline;
    if (!outline) return;
    if (!this.activePlan || this.activePlan.outlineId !== outline.id) this.startPlan(outline);
    if (outline !== this.flatFor) {
      this.flatFor = outline;
      this.flat = flattenSections(outline);
    }
    if (!this.sectionId || !this.flat.some((f) => f.section.id === this.sectionId)) {
      this.sectionId = this.flat[0]?.section.id;
    }
    const plan = this.activePlan;
    if (plan) this.progress = this.progressOf(outline, plan);
  }

  protected override update(changed: PropertyValues): void {
    this.focusedBeforeRender = this.shadowRoot?.activeElement;
    super.update(changed);
  }

  /**
   * Keep the focus where a keyboard or screen-reader user expects it: on the control a handler
   * named (`focusAfterRender`), else — when the render removed the focused control (a form
   * closed, a view replaced) — on the section's heading or the widget's frame, never on <body>.
   */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const root = this.shadowRoot;
    if (!root) return;
    const wanted = this.focusAfterRender;
    const before = this.focusedBeforeRender;
    this.focusAfterRender = this.focusedBeforeRender = undefined;
    if (wanted) {
      root.querySelector<HTMLElement>(wanted)?.focus();
    } else if (before && !before.isConnected && !root.activeElement) {
      (root.querySelector<HTMLElement>('#section-title') ?? root.querySelector<HTMLElement>('.base'))?.focus();
    }
  }

  // ------------------------------------------------------------------ data

  private get outlines(): PlanOutline[] {
    const feed = this.shownFeed;
    if (!feed) return [];
    const code = this.countryCode;
    return feed.planOutlines.filter((o) => !code || !o.countries || o.countries.includes(code));
  }

  /** The outline of the active plan when the feed has it, else the one asked for, else the first. */
  private get currentOutline(): PlanOutline | undefined {
    const outlines = this.outlines;
    const active = this.store.plans.find((p) => p.id === this.store.activeId);
    return (
      (active && outlines.find((o) => o.id === active.outlineId)) ??
      outlines.find((o) => o.id === this.outline) ??
      outlines[0]
    );
  }

  private get activePlan(): PlanDocument | undefined {
    const outline = this.currentOutline;
    const active = this.store.plans.find((p) => p.id === this.store.activeId);
    if (active && (!outline || active.outlineId === outline.id)) return active;
    return outline ? this.store.plans.find((p) => p.outlineId === outline.id) : undefined;
  }

  private startPlan(outline: PlanOutline): void {
    const existing = this.store.plans.find((p) => p.outlineId === outline.id);
    if (existing) {
      this.store = { ...this.store, activeId: existing.id };
      return;
    }
    const plan = newPlan({ id: newPlanId(), outlineId: outline.id, name: pickText(outline.name, this.uiLanguage).slice(0, 120), now: Date.now() });
    this.store = upsertPlan(this.store, plan);
  }

  private commitPlan(plan: PlanDocument): void {
    this.store = upsertPlan(this.store, plan);
    this.autosave.schedule();
    const outline = this.currentOutline;
    if (!outline) return;
    const progress = this.progressOf(outline, plan);
    this.dispatchEvent(
      new MipymePlanChangeEvent({
        widget: this.localName,
        action: 'change',
        itemId: plan.outlineId,
        country: this.countryCode,
        planId: plan.id,
        outlineId: plan.outlineId,
        answered: progress.answered,
        total: progress.total,
        percent: progress.percent,
        sectionId: this.sectionId ?? '',
      }),
    );
  }

  /** Write now, merged answer by answer with what another tab stored (the newer text wins). */
  private writeNow(): void {
    const merged = mergePlans(this.store, loadPlans().store);
    const result = savePlans(merged);
    if (result.ok) {
      this.lastSaved = Date.now();
      this.saveProblem = undefined;
    } else {
      this.saveProblem = result.reason;
    }
    this.store = merged;
  }

  /** Save right away (edits are saved on their own within half a second). */
  save(): void {
    this.autosave.flush(true);
  }

  private updatePlans(next: PlanStore): void {
    this.store = next;
    this.sectionId = undefined;
    this.autosave.schedule();
  }

  // ------------------------------------------------------------------ editing

  private onAnswer(event: Event, sectionId: string, questionId: string): void {
    const plan = this.activePlan;
    if (!plan) return;
    this.commitPlan(setAnswer(plan, sectionId, questionId, (event.target as HTMLTextAreaElement).value, Date.now()));
  }

  private onBusinessName(event: Event): void {
    const plan = this.activePlan;
    const businessName = (event.target as HTMLInputElement).value.slice(0, 160);
    if (plan) this.commitPlan(updatePlanDetails(plan, { businessName }, Date.now()));
  }

  private goTo(sectionId: string, focusTitle = true): void {
    this.sectionId = sectionId;
    this.savedProjectionsCache = undefined; // a projection may have been saved meanwhile (same tab)
    if (focusTitle) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#section-title')?.focus());
  }

  private openTool(event: MouseEvent, tool: Tool): void {
    if (event.type === 'auxclick' && event.button !== 1) return;
    this.dispatchEvent(new MipymeToolOpenEvent({ widget: this.localName, action: 'open', itemId: tool.id, country: this.countryCode, id: tool.id, url: tool.url }));
  }

  // ------------------------------------------------------------------ plans

  /** Arrows on the closed "New plan" list browse it (see isBrowseKey); Enter starts the plan shown. */
  private browsingOutlines = false;

  private onNewPlanKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      const select = event.target as HTMLSelectElement;
      if (select.value) {
        event.preventDefault();
        this.newPlanFrom(select);
      }
    } else if (isBrowseKey(event)) {
      this.browsingOutlines = true;
    }
  }

  /** Start a plan on the outline chosen in `select`; the list goes back to "Choose an outline…". */
  private newPlanFrom(select: HTMLSelectElement): void {
    this.browsingOutlines = false;
    if (select.value) this.newPlanFor(select.value);
    select.value = '';
  }

  private newPlanFor(outlineId: string): void {
    const outline = this.outlines.find((o) => o.id === outlineId);
    if (!outline) return;
    this.autosave.flush();
    const plan = newPlan({ id: newPlanId(), outlineId, name: pickText(outline.name, this.uiLanguage).slice(0, 120), now: Date.now() });
    this.updatePlans(upsertPlan(this.store, plan));
  }

  private duplicate(): void {
    const plan = this.activePlan;
    if (!plan) return;
    const name = msg(str`${plan.name} (copy)`).slice(0, 120);
    this.updatePlans(duplicatePlan(this.store, plan.id, newPlanId(), name, Date.now()));
    this.notice = { ok: true, text: msg(str`"${name}" was added to your plans and is now open.`) };
  }

  private startRenaming(): void {
    this.renaming = true;
    this.renameError = undefined;
    this.focusAfterRender = '#plan-name';
  }

  /** Close the name form, the focus back on "Rename". */
  private stopRenaming(): void {
    this.renaming = false;
    this.renameError = undefined;
    this.focusAfterRender = '#rename';
  }

  private rename(event: Event): void {
    event.preventDefault();
    const plan = this.activePlan;
    const name = this.renderRoot.querySelector<HTMLInputElement>('#plan-name')?.value.trim().slice(0, 120);
    if (!name) {
      this.renameError = msg('Enter a name for the plan.');
      this.focusAfterRender = '#plan-name';
      return;
    }
    this.stopRenaming();
    if (plan) this.updatePlans(renamePlan(this.store, plan.id, name, Date.now()));
  }

  private onRenameKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.stopRenaming();
  }

  private deletePlan(): void {
    const plan = this.activePlan;
    if (!plan) return;
    const ok = window.confirm(msg(str`Delete the plan "${plan.name}" from this device? Download a copy first if you may need it again.`));
    if (!ok) return;
    this.updatePlans(removePlan(this.store, plan.id));
    this.notice = { ok: true, text: msg(str`"${plan.name}" was deleted from this device.`) };
  }

  // ------------------------------------------------------------------ exports

  private savedProjectionsCache?: readonly Draft[];
  private stopProjectionWatch?: () => void;
  private extractCache?: { readonly draft: Draft; readonly locale: string; readonly extract: CashFlowExtract };

  /**
   * The projections the cash-flow calculator saved on this device: read once, and again
   * only when another tab changes them or the owner opens another section — not at
   * every keystroke.
   */
  private get savedProjections(): readonly Draft[] {
    this.savedProjectionsCache ??= loadDrafts().store.drafts;
    return this.savedProjectionsCache;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopProjectionWatch?.();
  }

  /** The cash-flow projection chosen for the plan, as text for the exports. */
  private cashFlowExtract(plan: PlanDocument): CashFlowExtract | undefined {
    if (!plan.cashFlowId) return undefined;
    const draft = this.savedProjections.find((d) => d.id === plan.cashFlowId);
    if (!draft) return undefined;
    if (this.extractCache?.draft === draft && this.extractCache.locale === this.locale) return this.extractCache.extract;
    const extract = this.makeExtract(draft);
    this.extractCache = { draft, locale: this.locale, extract };
    return extract;
  }

  private makeExtract(draft: Draft): CashFlowExtract {
    return cashFlowExtract(draft, this.locale);
  }

  /** Remember the export (not an edit: no change event, `updatedAt` kept). */
  private markExported(plan: PlanDocument): void {
    this.store = upsertPlan(this.store, markExported(plan, Date.now()));
    this.autosave.schedule();
  }

  /**
   * The section that carries the numbers: the cash-flow section if the outline has one,
   * else its financial plan (matched on the ids, which do not change with the language).
   */
  private get cashFlowSectionId(): string | undefined {
    const ids = this.flat.map((f) => f.section.id);
    return (
      ids.find((id) => /flujo|cash-?flow/i.test(id)) ??
      ids.find((id) => /plan-financ|financial-plan|finanzas/i.test(id)) ??
      ids.find((id) => /financ/i.test(id))
    );
  }

  private exportOptions(plan: PlanDocument): ExportOptions {
    return {
      lang: this.uiLanguage,
      includeEmpty: this.includeEmpty,
      labels: {
        contents: msg('Contents'),
        preparedOn: msg(str`Prepared on ${formatDate(Date.now(), this.locale, 'long')}`),
        notAnswered: msg('Not answered yet'),
        cashFlowTitle: msg('Cash-flow projection'),
      },
      cashFlow: this.cashFlowExtract(plan),
      cashFlowAfter: this.cashFlowSectionId,
    };
  }

  /**
   * The plan as Markdown — the one documented way for a page to get what the owner
   * wrote (events never carry it). Resolves to '' before the feed is loaded, and when
   * the code of the export could not be loaded (it loads on first use; the widget says so).
   */
  async exportMarkdown(): Promise<string> {
    return (await this.exported('markdown', markdown, (part) => part.planToMarkdown)) ?? '';
  }

  /**
   * The plan as a standalone web page (what "Download (web page)" saves; the print
   * window shows the same document). Resolves to '' before the feed is loaded, and when
   * the code of the page could not be loaded (it loads on first use; the widget says so).
   */
  async exportHtml(): Promise<string> {
    return (await this.exported('html', printable, (part) => part.planToHtml)) ?? '';
  }

  /**
   * The plan exported by the function `pick` takes from a lazy part, for the action `action` (the
   * part loads the first time; the widget shows that it is busy, or that it failed), or undefined.
   */
  private async exported<P>(
    action: string,
    part: LazyPart<P>,
    pick: (part: P) => (outline: PlanOutline, plan: PlanDocument, options: ExportOptions) => string,
  ): Promise<string | undefined> {
    if (!this.currentOutline || !this.activePlan) return undefined;
    return this.parts.run(action, part, (loaded) => {
      const outline = this.currentOutline;
      const plan = this.activePlan;
      return outline && plan ? pick(loaded)(outline, plan, this.exportOptions(plan)) : undefined;
    });
  }

  private download(text: string, extension: string, type: string): void {
    const plan = this.activePlan;
    if (!plan) return;
    const slug = (plan.businessName || plan.name).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'plan';
    const date = new Date().toISOString().slice(0, 10);
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${this.uiLanguage === 'en' ? 'business-plan' : 'plan-de-negocios'}-${slug}-${date}.${extension}`;
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.markExported(plan);
  }

  private async downloadHtml(): Promise<void> {
    const page = await this.exported('download-html', printable, (part) => part.planToHtml);
    if (page) this.download(page, 'html', 'text/html');
  }

  private async downloadMarkdown(): Promise<void> {
    const text = await this.exported('download-markdown', markdown, (part) => part.planToMarkdown);
    if (text) this.download(text, 'md', 'text/markdown');
  }

  private downloadJson(): void {
    const plan = this.activePlan;
    if (plan) this.download(planToJson(plan, new Date()), 'json', 'application/json');
  }

  /**
   * Open the printable document (cover, contents, sections) and the print dialog. The window
   * opens at once (a pop-up opened later than the click may be blocked) and is filled once the
   * print code is loaded (the first time); if it cannot be loaded, the window closes and the
   * owner is told.
   */
  async print(): Promise<void> {
    const outline = this.currentOutline;
    const plan = this.activePlan;
    if (!outline || !plan) return;
    const win = window.open('', '_blank');
    if (!win) {
      this.notice = { ok: false, text: msg('The browser blocked the print window. Allow pop-ups for this site, or use "Download (web page)" and print that file.') };
      return;
    }
    if (!printable.loaded) win.document.body?.replaceChildren(preparingText());
    const printed = await this.parts.run('print', printable, (part) => {
      part.printPlan(win, outline, plan, this.exportOptions(plan));
      return true;
    });
    if (printed) this.markExported(plan);
    else win.close();
  }

  private async onImport(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > 5_000_000) {
      this.notice = { ok: false, text: msg('This file is too large to be a business plan.') };
      return;
    }
    const result = jsonToPlan(await file.text());
    if (!result.ok) {
      this.notice = {
        ok: false,
        text:
          result.error === 'newer-version'
            ? msg('This file was made with a newer version of the widget. Nothing was changed.')
            : msg('This file is not a business plan saved by this widget. Nothing was changed.'),
      };
      return;
    }
    if (!this.outlines.some((o) => o.id === result.plan.outlineId)) {
      this.notice = { ok: false, text: msg('This plan uses an outline this site does not offer. Nothing was changed.') };
      return;
    }
    // An import never replaces a plan: it is added with a new id.
    const plan = { ...result.plan, id: newPlanId() };
    this.updatePlans(upsertPlan(this.store, plan));
    this.notice = { ok: true, text: msg(str`"${plan.name}" was added to your plans.`) };
  }

  // ------------------------------------------------------------------ render

  /** A button whose action needs a lazy part: "Preparing…" and `aria-busy` while the part loads. */
  private partButton(action: string, label: string, onClick: () => unknown, secondary = false): TemplateResult {
    const busy = this.parts.busy(action);
    return html`<button class="button ${secondary ? 'secondary' : ''}" type="button" aria-busy=${busy ? 'true' : nothing}
      aria-disabled=${busy ? 'true' : nothing} @click=${() => void onClick()}>${busy ? preparingText() : label}</button>`;
  }

  private renderHeader(plan: PlanDocument): TemplateResult {
    // Days since the last copy left the device (or since the plan was started, before any).
    const days = (Date.now() - (plan.exportedAt ?? plan.createdAt)) / 86_400_000;
    return html`<div class="header" part="header">
      <div class="row">
        ${this.renaming
          ? html`<form class="row" novalidate @submit=${this.rename} @keydown=${this.onRenameKey}>
              <div class="field">
                <label class="field-label" for="plan-name">${msg('Name of the plan')}</label>
                ${this.renameError ? html`<p class="field-error" id="plan-name-error">${this.renameError}</p>` : nothing}
                <input id="plan-name" .value=${plan.name} maxlength="120" aria-invalid=${this.renameError ? 'true' : nothing}
                  aria-describedby=${this.renameError ? 'plan-name-error' : nothing} />
              </div>
              <button class="button" type="submit">${msg('Save name')}</button>
              <button class="button secondary" type="button" @click=${this.stopRenaming}>${msg('Cancel')}</button>
            </form>`
          : html`<div class="field">
                <label class="field-label" for="plan">${msg('Plan')}</label>
                <select id="plan" @change=${(e: Event) => {
                  this.autosave.flush();
                  this.updatePlans({ ...this.store, activeId: (e.target as HTMLSelectElement).value });
                }}>
                  ${repeat(this.store.plans.filter((p) => this.outlines.some((o) => o.id === p.outlineId)), (p) => p.id, (p) => html`<option value=${p.id} ?selected=${p.id === plan.id}>${p.name}</option>`)}
                </select>
              </div>
              <button class="button secondary" id="rename" type="button" @click=${this.startRenaming}>${msg('Rename')}</button>
              <button class="button secondary" type="button" @click=${this.duplicate}>${msg('Duplicate')}</button>
              <button class="button secondary" type="button" @click=${this.deletePlan}>${msg('Delete')}</button>
              <div class="field">
                <label class="field-label" for="new-plan">${msg('New plan')}</label>
                <select id="new-plan" @keydown=${this.onNewPlanKeydown} @pointerdown=${() => (this.browsingOutlines = false)}
                  @change=${(e: Event) => {
                    // A pick with the mouse or a screen reader's list starts the plan at once; arrows on
                    // the closed list only browse (Enter or Create starts it).
                    if (!this.browsingOutlines) this.newPlanFrom(e.target as HTMLSelectElement);
                  }}>
                  <option value="">${msg('Choose an outline…')}</option>
                  ${this.outlines.map((o) => html`<option value=${o.id}>${pickText(o.name, this.uiLanguage)}</option>`)}
                </select>
              </div>
              <button id="new-plan-create" class="button secondary" type="button" @click=${() => {
                const select = this.renderRoot.querySelector<HTMLSelectElement>('#new-plan');
                if (select?.value) this.newPlanFrom(select);
                else select?.focus();
              }}>${msg('Create')}</button>`}
      </div>
      <div class="field">
        <label class="field-label" for="business">${msg('Name of the business')}</label>
        <input id="business" .value=${plan.businessName} maxlength="160" autocomplete="organization" @change=${this.onBusinessName} />
      </div>
      <p class="saved" role="status">
        ${this.lastSaved
          ? msg(str`Saved on this device at ${formatTime(this.lastSaved, this.locale)}`)
          : msg('Your answers are saved on this device as you type.')}
        ${plan.exportedAt ? msg(str`Last downloaded or printed: ${formatDate(plan.exportedAt, this.locale)}.`) : ''}
        ${days > EXPORT_REMINDER_DAYS
          ? msg('Download a copy now and then: some browsers delete a site\'s saved data after 7 days without a visit.')
          : ''}
      </p>
    </div>`;
  }

  private renderNav(outline: PlanOutline, progress: PlanProgress): TemplateResult {
    const counts = new Map(progress.sections.map((s) => [s.sectionId, s]));
    const first = this.flat[0]?.section;
    const summaryFirst = first && /resumen|summary/i.test(`${first.id} ${pickText(first.title, this.uiLanguage)}`);
    return html`<nav part="nav" aria-label=${msg('Sections of the plan')}>
      <ol>
        ${this.flat.map(({ section, number, depth }) => {
          const count = counts.get(section.id);
          const done = count && count.total > 0 && count.answered === count.total;
          return html`<li class=${done ? 'done' : ''}>
            <button
              type="button"
              class="depth-${depth}"
              aria-current=${section.id === this.sectionId ? 'step' : 'false'}
              @click=${() => this.goTo(section.id)}
            >
              <span>${number}. ${pickText(section.title, this.uiLanguage)}</span>
              ${count && count.total > 0
                ? html`<span class="count" aria-hidden="true">${count.answered}/${count.total}</span
                    ><span class="visually-hidden">${msg(str`${count.answered} of ${count.total} answered`)}</span>`
                : nothing}
            </button>
          </li>`;
        })}
      </ol>
      ${summaryFirst ? html`<p class="tip">${msg('Tip: write the summary last, when the rest of the plan is done.')}</p>` : nothing}
      <p class="tip">${pickText(outline.description, this.uiLanguage)}</p>
    </nav>`;
  }

  /**
   * "Who can help with this section": to the provider finder filtered by the section's services (on
   * this page, or the partner's page for it); nothing when there is no finder or no provider for them.
   */
  private renderHelp(section: PlanSection): TemplateResult | typeof nothing {
    const action = helpAction(this, {
      feed: this.shownFeed,
      services: section.serviceIds,
      country: this.countryCode,
      itemId: section.id,
      label: msg('Who can help with this section'),
    });
    return action === nothing ? nothing : html`<p class="help">${action}</p>`;
  }

  private renderSection(plan: PlanDocument): TemplateResult {
    const index = this.flat.findIndex((f) => f.section.id === this.sectionId);
    const current = this.flat[index];
    if (!current) return html``;
    const { section, number } = current;
    const lang = this.uiLanguage;
    const feed = this.feedController.snapshot?.feed;
    const tools = section.toolIds
      .map((id) => feed?.tools.find((t) => t.id === id))
      .filter((t): t is Tool => t !== undefined);
    const previous = this.flat[index - 1];
    const next = this.flat[index + 1];
    const financial = section.id === this.cashFlowSectionId;
    const drafts = financial ? this.savedProjections : [];
    return html`<section class="section" part="section" aria-labelledby="section-title">
      <h2 id="section-title" tabindex="-1">${number}. ${pickText(section.title, lang)}</h2>
      ${section.guidance ? html`<p class="guidance">${pickText(section.guidance, lang)}</p>` : nothing}
      ${repeat(
        section.questions,
        (q) => q.id,
        (q) => {
          const key = answerKey(section.id, q.id);
          const id = `q-${section.id}-${q.id}`;
          const hint = pickText(q.hint, lang);
          return html`<div class="question" part="question">
            <label for=${id}>${pickText(q.text, lang)}</label>
            ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
            <textarea
              id=${id}
              rows="4"
              maxlength="20000"
              aria-describedby=${hint ? `${id}-hint` : nothing}
              .value=${plan.answers[key]?.text ?? ''}
              @input=${(e: Event) => this.onAnswer(e, section.id, q.id)}
            ></textarea>
            ${q.example
              ? html`<details>
                  <summary>${msg('See an example')}</summary>
                  <p class="example">${pickText(q.example, lang)}</p>
                </details>`
              : nothing}
          </div>`;
        },
      )}
      ${financial
        ? html`<div class="field">
            <label class="field-label" for="cash-flow">${msg('Include a cash-flow projection saved on this device')}</label>
            <select id="cash-flow" @change=${(e: Event) => {
              const value = (e.target as HTMLSelectElement).value || undefined;
              this.commitPlan(updatePlanDetails(plan, { cashFlowId: value }, Date.now()));
            }}>
              <option value="" ?selected=${!plan.cashFlowId}>${drafts.length ? msg('None') : msg('None saved yet: use the cash-flow calculator')}</option>
              ${drafts.map((d) => html`<option value=${d.id} ?selected=${d.id === plan.cashFlowId}>${d.name}</option>`)}
            </select>
            ${plan.cashFlowId ? html`<p class="hint" role="status">${this.cashFlowExtract(plan)?.headline ?? msg('That projection is no longer saved on this device.')}</p>` : nothing}
          </div>`
        : nothing}
      ${tools.length > 0
        ? html`<div class="tools">
            <h3>${msg('Tools that help with this section')}</h3>
            <ul>
              ${tools.map(
                (tool) => html`<li>
                  <a href=${tool.url} target="_blank" rel="noopener noreferrer"
                    @click=${(e: MouseEvent) => this.openTool(e, tool)} @auxclick=${(e: MouseEvent) => this.openTool(e, tool)}
                    >${pickText(tool.title, lang)}<span class="visually-hidden"> ${msg('(opens in a new tab)')}</span></a>
                </li>`,
              )}
            </ul>
          </div>`
        : nothing}
      ${this.renderHelp(section)}
      <div class="pager">
        ${previous
          ? html`<button class="button secondary" type="button" @click=${() => this.goTo(previous.section.id)}>
              ${msg(str`← ${pickText(previous.section.title, lang)}`)}
            </button>`
          : html`<span></span>`}
        ${next
          ? html`<button class="button" type="button" @click=${() => this.goTo(next.section.id)}>
              ${msg(str`${pickText(next.section.title, lang)} →`)}
            </button>`
          : nothing}
      </div>
    </section>`;
  }

  /**
   * The messages above the plan. The outcome of an action is written into live regions that are
   * always there (a region added together with its text is often not read out).
   */
  private renderNotices(): TemplateResult {
    const notice = this.notice;
    return html`<div class="notices">${this.saveProblem
      ? html`<p class="notice error" part="notice" role="alert">
          <span>${this.saveProblem === 'full'
            ? msg('This device is out of space, so your latest answers are not saved. Download a copy now to keep them.')
            : msg('This device does not let the page save your work. Download a copy to keep it.')}</span>
          <button class="button" type="button" @click=${this.downloadJson}>${msg('Download a copy')}</button>
        </p>`
      : nothing}
    ${this.storageNotice ? html`<p class="notice" part="notice" role="status">${this.storageNotice}</p>` : nothing}
    <div role="status">${notice?.ok ? html`<p class="notice" part="notice">${notice.text}</p>` : nothing}</div>
    <div role="alert">${notice && !notice.ok ? html`<p class="notice error" part="notice">${notice.text}</p>` : nothing}</div></div>`;
  }

  override render() {
    const { state } = this.feedController;
    const outline = this.currentOutline;
    const plan = this.activePlan;
    let content: TemplateResult;
    if (state.status === 'error') {
      content = renderError(state.error, () => this.feedController.retry());
    } else if (state.status !== 'ready') {
      content = renderLoading(2);
    } else if (!outline || !plan || !this.progress) {
      content = html`${this.renderPublisherProblem()}<p class="notice" part="notice">${msg('This site offers no business-plan outline for your country yet.')}</p>`;
    } else {
      const progress = this.progress;
      content = html`${renderOffline(state.snapshot, this.locale, () => this.feedController.retry())} ${this.renderPublisherProblem()}
        ${this.renderHeader(plan)} ${this.renderNotices()}
        <div class="progress" part="progress">
          <label for="progress">${msg(str`${formatNumber(progress.answered, this.locale)} of ${formatNumber(progress.total, this.locale)} questions answered (${progress.percent} %)`)}</label>
          <progress id="progress" max=${progress.total || 1} .value=${progress.answered}></progress>
        </div>
        <div class="layout">${this.renderNav(outline, progress)} ${this.renderSection(plan)}</div>
        <div class="actions" part="actions">
          ${this.partButton('print', msg('Print'), () => this.print())}
          ${this.partButton('download-html', msg('Download (web page)'), () => this.downloadHtml(), true)}
          ${this.partButton('download-markdown', msg('Download (text)'), () => this.downloadMarkdown(), true)}
          <button class="button secondary" type="button" @click=${this.downloadJson}>${msg('Download a copy (file)')}</button>
          <label class="button secondary">
            ${msg('Open a copy (file)')}
            <input class="file-input" type="file" accept=".json,application/json" @change=${this.onImport} />
          </label>
          <label class="option-inline">
            <input type="checkbox" .checked=${this.includeEmpty} @change=${(e: Event) => (this.includeEmpty = (e.target as HTMLInputElement).checked)} />
            ${msg('Include unanswered questions')}
          </label>
        </div>
        ${this.parts.failed ? html`<p class="notice error" part="notice" role="alert">${partFailedText()}</p>` : nothing}`;
    }
    return html`<div class="base" part="base" tabindex="-1">${content}</div>`;
  }
}
