import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import { MipymeElement, splitList } from '../shared/element.js';
import { base, tokens } from '../styles/tokens.js';
import { forms, lists } from '../styles/shared.js';
import { renderError, renderLoading, renderOffline, renderTrust, viewStyles } from '../shared/views.js';
import { formatDate, formatNumber } from '../shared/format.js';
import { audienceLabel, languageLabel, levelLabel, toolFormatLabel, toolTypeLabel } from '../shared/labels.js';
import { MipymeToolOpenEvent } from '../shared/events.js';
import { pickText } from '../feed/text.js';
import { helpAction } from '../shared/journey.js';
import type { Audience, Feed, Level, Tool, ToolFormat, ToolType } from '../feed/schema.js';
import {
  EMPTY_QUERY,
  FACET_NAMES,
  buildCatalogue,
  queryCatalogue,
  type Catalogue,
  type FacetName,
  type QueryResult,
  type SortOrder,
  type ToolQuery,
} from './catalogue.js';
import { hashToQuery, queryToHash } from './url-state.js';
import { loadStarred, saveStarred, watchStarred } from './starred.js';
import { styles } from './toolbox-browser.styles.js';
import { checkedLongAgo } from '../shared/trust.js';

const SORTS: readonly SortOrder[] = ['relevance', 'newest', 'title'];

/**
 * @tagname mipyme-toolbox-browser
 * @summary The catalogue of management tools (guides, templates, courses, checklists…):
 * search as you type, filter by topic, type, audience, level, format and language, save favourites.
 *
 * @event mipyme-tool-open - A person opened a tool's link. `detail`: `{ widget, action: 'open', itemId, country, id, url }`.
 * @event mipyme-help-open - A person asked "who can help with this" for a tool. `detail`: `{ widget, action: 'help', itemId, country, serviceIds, target }`.
 * @event mipyme-feed-load - The feed is ready (network, cache or `data`).
 * @event mipyme-feed-error - The feed could not be loaded; an error view with a retry button is shown.
 *
 * @csspart base - The widget's frame.
 * @csspart header - Search, sort and toggles.
 * @csspart search-input - The search field.
 * @csspart sort - The sort select.
 * @csspart filter-toggle - The button that shows the filters on narrow widths.
 * @csspart saved-toggle - The button that shows only saved tools.
 * @csspart chips - The list of applied filters.
 * @csspart chip - One applied filter (a button that removes it).
 * @csspart filters - The filter panel.
 * @csspart filter - One facet's fieldset.
 * @csspart count - The result count.
 * @csspart list - The result list.
 * @csspart item - One result.
 * @csspart star - The save button of a result.
 * @csspart more - The "show more" button.
 * @csspart empty - The no-results view.
 * @csspart help - "Who can help with this": the link or button to the provider finder.
 * @csspart loading - The loading view.
 * @csspart error - The error view.
 * @csspart offline - The note shown when working from the saved copy.
 * @csspart publisher-problem - The note shown when `publisher` names partners the feed does not declare.
 * @csspart trust - Who published the record and when the network last checked it.
 * @csspart stale - The mark on a tool checked by the network over a year ago.
 *
 * @cssproperty --mipyme-toolbox-browser-filters-width - Width of the filter column on wide layouts (default 16em).
 */
@localized()
export class MipymeToolboxBrowser extends MipymeElement {
  static override styles = [tokens, base, viewStyles, forms, lists, styles];

  @query('#search') private searchInput?: HTMLInputElement;

  @state() private query: ToolQuery = EMPTY_QUERY;
  @state() private savedOnly = false;
  @state() private starred: ReadonlySet<string> = new Set();
  @state() private shown = 0;
  @state() private filtersOpen = false;

  /** Initial topic filter: a topic id, or several separated by commas. */
  @property() topic?: string;
  /** Initial type filter (`guide`, `template`, `course`…), comma-separated for several. */
  @property() type?: string;
  /** Initial audience filter: `entrepreneur` or `advisor`. */
  @property() audience?: string;
  /** Results shown at first and added by each "show more" (default 12). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 12;
  /** Hide the search field. */
  @property({ attribute: 'without-search', type: Boolean }) withoutSearch = false;
  /** Hide the filters (initial filters still apply). */
  @property({ attribute: 'without-filters', type: Boolean }) withoutFilters = false;
  /** Keep the search and filters in the page's URL hash (shareable; the back button works). */
  @property({ attribute: 'sync-url', type: Boolean }) syncUrl = false;

  private catalogue?: Catalogue;
  private catalogueKey?: string;
  private catalogueFeed?: Feed;
  private result?: QueryResult;
  private providerNames = new Map<string, Tool['title']>();
  private stopStarred?: () => void;
  private focusIndexAfterUpdate?: number;

  override connectedCallback(): void {
    super.connectedCallback();
    this.starred = loadStarred();
    this.stopStarred = watchStarred((ids) => (this.starred = ids));
    if (this.syncUrl) {
      this.readHash();
      // Back/forward between our own history entries fires popstate (and hashchange in some browsers).
      window.addEventListener('hashchange', this.onHashChange);
      window.addEventListener('popstate', this.onHashChange);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopStarred?.();
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('popstate', this.onHashChange);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('topic') || changed.has('type') || changed.has('audience')) {
      // Attributes set the initial filters (and replace them when a page changes them).
      this.query = {
        ...this.query,
        filters: {
          ...this.query.filters,
          topic: splitList(this.topic),
          type: splitList(this.type),
          audience: splitList(this.audience),
        },
      };
    }
    if (changed.has('pageSize') || this.shown === 0) this.shown = this.effectivePageSize;

    const feed = this.shownFeed;
    if (!feed) {
      this.catalogue = undefined;
      this.result = undefined;
      return;
    }
    const key = `${this.uiLanguage}|${this.countryCode ?? ''}`;
    if (feed !== this.catalogueFeed || key !== this.catalogueKey) {
      this.catalogueFeed = feed;
      this.catalogueKey = key;
      this.catalogue = buildCatalogue(feed, { lang: this.uiLanguage, country: this.countryCode });
      // Names from the whole feed: a partner's tool may name a provider another partner publishes.
      this.providerNames = new Map((this.feedController.snapshot?.feed ?? feed).providers.map((p) => [p.id, p.name]));
      this.result = undefined;
    }
    if (!this.result || changed.has('query') || changed.has('savedOnly') || (this.savedOnly && changed.has('starred'))) {
      this.result = queryCatalogue(this.catalogue!, {
        ...this.query,
        only: this.savedOnly ? this.starred : undefined,
      });
    }
  }

  protected override updated(): void {
    if (this.focusIndexAfterUpdate !== undefined) {
      const index = this.focusIndexAfterUpdate;
      this.focusIndexAfterUpdate = undefined;
      this.renderRoot.querySelectorAll<HTMLAnchorElement>('.item h3 a')[index]?.focus();
    }
  }

  /**
   * A suggestion of the no-results view did its job (the view is gone): to the first result, or
   * the search. The last saved tool taken off the "saved" list: to "Show all tools".
   */
  protected override focusAfterLoss(lost: Element): HTMLElement | null | undefined {
    const root = this.renderRoot;
    if (lost.matches('.empty-action')) return root.querySelector<HTMLElement>('.item h3 a, .empty-action') ?? this.searchInput;
    if (lost.matches('.star') && !root.querySelector('.item')) return root.querySelector<HTMLElement>('.show-all');
    return undefined;
  }

  private get effectivePageSize(): number {
    return Number.isFinite(this.pageSize) && this.pageSize >= 1 ? Math.floor(this.pageSize) : 12;
  }

  // ------------------------------------------------------------------ handlers

  private onHashChange = () => this.readHash();

  private readHash(): void {
    const { query, savedOnly } = hashToQuery(location.hash);
    this.query = query;
    this.savedOnly = savedOnly;
    this.shown = this.effectivePageSize;
  }

  /** Apply a change the person made, and mirror it in the URL when asked to. */
  private setQuery(query: ToolQuery, savedOnly = this.savedOnly, typing = false): void {
    this.query = query;
    this.savedOnly = savedOnly;
    this.shown = this.effectivePageSize;
    if (this.syncUrl) {
      const hash = queryToHash(query, savedOnly, location.hash);
      const url = `${location.pathname}${location.search}${hash ? `#${hash.replace(/^#/, '')}` : ''}`;
      if (typing) history.replaceState(history.state, '', url);
      else history.pushState(history.state, '', url);
    }
  }

  private onSearchInput(event: Event): void {
    this.setQuery({ ...this.query, text: (event.target as HTMLInputElement).value }, this.savedOnly, true);
  }

  private onSearchKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.setQuery({ ...this.query, text: (event.target as HTMLInputElement).value });
    }
  }

  private onSort(event: Event): void {
    const value = (event.target as HTMLSelectElement).value as SortOrder;
    if (SORTS.includes(value)) this.setQuery({ ...this.query, sort: value });
  }

  private toggleFilter(facet: FacetName, value: string, on: boolean): void {
    const current = this.query.filters[facet];
    const next = on ? [...current, value] : current.filter((v) => v !== value);
    this.setQuery({ ...this.query, filters: { ...this.query.filters, [facet]: next } });
  }

  private clearFilters(): void {
    this.setQuery({ ...this.query, text: '', filters: EMPTY_QUERY.filters }, false);
    this.searchInput?.focus();
  }

  private removeChip(facet: FacetName, value: string, index: number): void {
    this.toggleFilter(facet, value, false);
    // Keep focus in the chip row: on the next chip, else the search field.
    void this.updateComplete.then(() => {
      const chips = this.renderRoot.querySelectorAll<HTMLButtonElement>('.chips button');
      (chips[Math.min(index, chips.length - 1)] ?? this.searchInput)?.focus();
    });
  }

  private toggleStar(tool: Tool): void {
    const next = new Set(this.starred);
    if (next.has(tool.id)) next.delete(tool.id);
    else next.add(tool.id);
    this.starred = next;
    saveStarred(next);
  }

  private showMore(): void {
    this.focusIndexAfterUpdate = this.shown;
    this.shown += this.effectivePageSize;
  }

  private onOpen(event: MouseEvent, tool: Tool): void {
    if (event.type === 'auxclick' && event.button !== 1) return;
    this.dispatchEvent(
      new MipymeToolOpenEvent({ widget: this.localName, action: 'open', itemId: tool.id, country: this.countryCode, id: tool.id, url: tool.url }),
    );
  }

  /** Show everything again: no search text, no filters, all tools (not only saved ones). */
  reset(): void {
    this.setQuery({ ...EMPTY_QUERY, sort: this.query.sort }, false);
  }

  // ------------------------------------------------------------------ labels

  private facetTitle(facet: FacetName): string {
    switch (facet) {
      case 'topic':
        return msg('Topic');
      case 'type':
        return msg('Type');
      case 'audience':
        return msg('For whom');
      case 'level':
        return msg('Level');
      case 'format':
        return msg('Format');
      case 'language':
        return msg('Language');
    }
  }

  private valueLabel(facet: FacetName, value: string): string {
    switch (facet) {
      case 'topic': {
        const topic = this.feedController.snapshot?.feed.topics.find((t) => t.id === value);
        return topic ? pickText(topic.name, this.uiLanguage) : value;
      }
      case 'type':
        return toolTypeLabel(value as ToolType);
      case 'audience':
        return audienceLabel(value as Audience);
      case 'level':
        return levelLabel(value as Level);
      case 'format':
        return toolFormatLabel(value as ToolFormat);
      case 'language':
        return languageLabel(value, this.uiLanguage);
    }
  }

  private countText(total: number): string {
    const n = formatNumber(total, this.locale);
    if (this.savedOnly) {
      return total === 1 ? msg('1 saved tool') : msg(str`${n} saved tools`);
    }
    return total === 1 ? msg('1 tool') : msg(str`${n} tools`);
  }

  private countriesText(tool: Tool): string {
    const feed = this.feedController.snapshot?.feed;
    if (!tool.countries || !feed) return msg('All countries');
    return tool.countries
      .map((code) => {
        const country = feed.countries.find((c) => c.code === code);
        return country ? pickText(country.name, this.uiLanguage) : code;
      })
      .join(', ');
  }

  // ------------------------------------------------------------------ render

  private renderHeader(): TemplateResult {
    const activeFilters = FACET_NAMES.reduce((sum, facet) => sum + this.query.filters[facet].length, 0);
    return html`<div class="header" part="header">
      ${this.withoutSearch
        ? nothing
        : html`<div class="search">
            <label class="field-label" for="search">${msg('Search tools')}</label>
            <input
              id="search"
              part="search-input"
              type="search"
              enterkeyhint="search"
              autocomplete="off"
              spellcheck="false"
              placeholder=${msg('For example: price, credit, business plan')}
              .value=${this.query.text}
              @input=${this.onSearchInput}
              @keydown=${this.onSearchKeydown}
            />
          </div>`}
      <div class="sort">
        <label class="field-label" for="sort">${msg('Sort by')}</label>
        <select id="sort" part="sort" @change=${this.onSort}>
          <option value="relevance" ?selected=${this.query.sort === 'relevance'}>${msg('Relevance')}</option>
          <option value="newest" ?selected=${this.query.sort === 'newest'}>${msg('Newest')}</option>
          <option value="title" ?selected=${this.query.sort === 'title'}>${msg('Title (A–Z)')}</option>
        </select>
      </div>
      <div class="toggles">
        ${this.withoutFilters
          ? nothing
          : html`<button
              class="button secondary filters-toggle"
              part="filter-toggle"
              type="button"
              aria-expanded=${this.filtersOpen ? 'true' : 'false'}
              aria-controls="filters"
              @click=${() => (this.filtersOpen = !this.filtersOpen)}
            >
              ${activeFilters > 0 ? msg(str`Filters (${activeFilters})`) : msg('Filters')}
            </button>`}
        <button
          class="button secondary"
          part="saved-toggle"
          type="button"
          aria-pressed=${this.savedOnly ? 'true' : 'false'}
          @click=${() => this.setQuery(this.query, !this.savedOnly)}
        >
          ${msg(str`Saved (${formatNumber(this.starred.size, this.locale)})`)}
        </button>
      </div>
    </div>`;
  }

  private renderChips(): TemplateResult | typeof nothing {
    const chips = FACET_NAMES.flatMap((facet) => this.query.filters[facet].map((value) => ({ facet, value })));
    if (chips.length === 0 && !this.query.text) return nothing;
    return html`<ul class="chips" part="chips" aria-label=${msg('Applied filters')}>
      ${chips.map(({ facet, value }, index) => {
        const label = this.valueLabel(facet, value);
        return html`<li>
          <button
            class="chip"
            part="chip"
            type="button"
            aria-label=${msg(str`Remove filter ${this.facetTitle(facet)}: ${label}`)}
            @click=${() => this.removeChip(facet, value, index)}
          >
            <span>${label}</span><span class="x" aria-hidden="true">×</span>
          </button>
        </li>`;
      })}
      <li>
        <button class="button secondary clear-all" type="button" @click=${this.clearFilters}>
          ${msg('Clear all')}
        </button>
      </li>
    </ul>`;
  }

  private renderFilters(result: QueryResult): TemplateResult | typeof nothing {
    if (this.withoutFilters) return nothing;
    return html`<div id="filters" class="filters ${this.filtersOpen ? '' : 'closed'}" part="filters">
      ${FACET_NAMES.map((facet) => {
        const values = result.facets[facet];
        if (values.length === 0) return nothing;
        return html`<fieldset part="filter">
          <legend>${this.facetTitle(facet)}</legend>
          ${repeat(
            values,
            (v) => v.value,
            (v) => html`<label class="option">
              <input
                type="checkbox"
                .checked=${v.selected}
                @change=${(e: Event) => this.toggleFilter(facet, v.value, (e.target as HTMLInputElement).checked)}
              />
              <span class="name">${this.valueLabel(facet, v.value)}</span>
              <span class="count">${formatNumber(v.count, this.locale)}</span>
            </label>`,
          )}
        </fieldset>`;
      })}
    </div>`;
  }

  private renderTool(tool: Tool): TemplateResult {
    const lang = this.uiLanguage;
    const title = pickText(tool.title, lang);
    const summary = pickText(tool.summary, lang);
    const provider = tool.providerId ? pickText(this.providerNames.get(tool.providerId), lang) : '';
    const updated = formatDate(tool.updated, this.locale);
    const saved = this.starred.has(tool.id);
    const meta = [
      provider,
      this.countriesText(tool),
      updated ? msg(str`Updated ${updated}`) : '',
    ].filter(Boolean);
    return html`<li class="item" part="item">
      <h3>
        <a
          href=${tool.url}
          target="_blank"
          rel="noopener noreferrer"
          @click=${(e: MouseEvent) => this.onOpen(e, tool)}
          @auxclick=${(e: MouseEvent) => this.onOpen(e, tool)}
          ><span class="title">${title}</span><span class="visually-hidden"> ${msg('(opens in a new tab)')}</span></a
        >
      </h3>
      <button
        class="star"
        part="star"
        type="button"
        aria-pressed=${saved ? 'true' : 'false'}
        aria-label=${msg(str`Save ${title}`)}
        @click=${() => this.toggleStar(tool)}
      >
        <span aria-hidden="true">${saved ? '★' : '☆'}</span>
      </button>
      ${summary ? html`<p class="summary">${summary}</p>` : nothing}
      <ul class="badges" aria-label=${msg('Details')}>
        <li class="badge">${toolTypeLabel(tool.type)}</li>
        ${tool.format ? html`<li class="badge">${toolFormatLabel(tool.format)}</li>` : nothing}
        ${tool.level ? html`<li class="badge">${levelLabel(tool.level)}</li>` : nothing}
        ${checkedLongAgo(tool.verified, Date.now())
          ? html`<li class="badge stale" part="stale">${msg('Checked over a year ago')}</li>`
          : nothing}
      </ul>
      <p class="meta">${meta.join(' · ')}</p>
      ${renderTrust(this.feedController.snapshot?.feed, tool, this.uiLanguage, this.locale)}
      ${this.renderHelp(tool, title)}
    </li>`;
  }

  /**
   * "Who can help with this": to the provider finder filtered by the tool's services (on this page,
   * or the partner's page for it); nothing when there is no finder or no provider for them.
   */
  private renderHelp(tool: Tool, title: string): TemplateResult | typeof nothing {
    return helpAction(this, {
      feed: this.shownFeed,
      services: tool.serviceIds,
      country: this.countryCode,
      itemId: tool.id,
      label: msg('Who can help with this'),
      name: msg(str`Who can help with this: ${title}`),
    });
  }

  private renderEmpty(result: QueryResult): TemplateResult {
    const hasFilters = FACET_NAMES.some((facet) => this.query.filters[facet].length > 0);
    const suggestions: TemplateResult[] = [];
    if (result.didYouMean) {
      const text = result.didYouMean;
      suggestions.push(
        html`<li>
          <button class="button secondary empty-action" type="button" @click=${() => this.setQuery({ ...this.query, text })}>
            ${msg(str`Search "${text}" instead`)}
          </button>
        </li>`,
      );
    }
    for (const { facet, value, count } of result.relaxations.filter((r) => r.count > 0).slice(0, 3)) {
      const label = this.valueLabel(facet, value);
      suggestions.push(
        html`<li>
          <button class="button secondary empty-action" type="button" @click=${() => this.toggleFilter(facet, value, false)}>
            ${msg(str`Remove "${label}" (${formatNumber(count, this.locale)})`)}
          </button>
        </li>`,
      );
    }
    let message: string;
    if (this.savedOnly && this.starred.size === 0) {
      message = msg('You have not saved any tools yet. Use the star next to a tool to keep it here.');
    } else if (this.query.text) {
      message = msg(str`No tools found for "${this.query.text}".`);
    } else {
      message = msg('No tools match these filters.');
    }
    return html`<div class="empty" part="empty">
      <p><strong>${message}</strong></p>
      ${this.query.text && !result.didYouMean
        ? html`<p>${msg('Check the spelling, or try a shorter or more general word.')}</p>`
        : nothing}
      ${suggestions.length > 0 ? html`<ul class="suggestions">${suggestions}</ul>` : nothing}
      ${hasFilters || this.query.text || this.savedOnly
        ? html`<button class="button empty-action show-all" type="button" @click=${() => this.reset()}>
            ${msg('Show all tools')}
          </button>`
        : nothing}
    </div>`;
  }

  private renderResults(result: QueryResult): TemplateResult {
    const total = result.tools.length;
    const visible = result.tools.slice(0, this.shown);
    const remaining = total - visible.length;
    return html`<div class="results">
      <p class="status" part="count" role="status" aria-live="polite">${this.countText(total)}</p>
      ${total === 0
        ? this.renderEmpty(result)
        : html`<ul class="list" part="list">
              ${repeat(visible, (tool) => tool.id, (tool) => this.renderTool(tool))}
            </ul>
            ${remaining > 0
              ? html`<button class="button secondary more" part="more" type="button" @click=${this.showMore}>
                  ${msg(str`Show more (${formatNumber(remaining, this.locale)} left)`)}
                </button>`
              : nothing}`}
    </div>`;
  }

  override render() {
    const { state } = this.feedController;
    let content: TemplateResult;
    if (state.status === 'error') {
      content = renderError(state.error, () => this.feedController.retry());
    } else if (state.status !== 'ready' || !this.result) {
      content = renderLoading();
    } else {
      content = html`${renderOffline(state.snapshot, this.locale, () => this.feedController.retry())} ${this.renderPublisherProblem()}
        ${this.renderHeader()} ${this.renderChips()}
        <div class="layout">${this.renderFilters(this.result)} ${this.renderResults(this.result)}</div>`;
    }
    return html`<div class="base" part="base">${content}</div>`;
  }
}
