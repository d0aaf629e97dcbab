import { checkedLongAgo } from '../shared/trust.js';
import { publisherOf } from '../feed/publishers.js';
import { requestedHelp } from '../shared/journey.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import { MipymeElement, splitList } from '../shared/element.js';
import { base, tokens } from '../styles/tokens.js';
import { forms, lists } from '../styles/shared.js';
import { renderError, renderLoading, renderOffline, renderTrust, viewStyles } from '../shared/views.js';
import { formatNumber } from '../shared/format.js';
import { costLabel, providerKindLabel } from '../shared/labels.js';
import { MipymeProviderOpenEvent, type ProviderOpenDetail } from '../shared/events.js';
import { PartsController, partFailedText, preparingText } from '../shared/parts.js';
import { pickText } from '../feed/text.js';
import type { Cost, Feed, Provider, ProviderKind } from '../feed/schema.js';
import {
  EMPTY_PROVIDER_QUERY,
  PROVIDER_FACETS,
  buildDirectory,
  emptyProviderFilters,
  hasProviderFilters,
  queryDirectory,
  type Directory,
  type DirectoryResult,
  type GeoPoint,
  type ProviderFacet,
  type ProviderQuery,
  type ProviderResult,
} from './directory.js';
import { CALLING_CODES, contactLinks, type ContactLink } from './contact-links.js';
import { details, share } from './parts.js';
import type { SavedWork } from './share-dialog.js';
import type { SharePackage } from './advisor-share.js';
import { hasStored, onStoredChange } from '../shared/storage.js';
import { DRAFTS_STORAGE_NAME, PLANS_STORAGE_NAME } from '../shared/storage-names.js';
import { styles } from './provider-finder.styles.js';

/** What Tab stops at in the details dialog. */
const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, iframe, [tabindex]:not([tabindex="-1"])';

type LocationState =
  | { readonly status: 'off' }
  | { readonly status: 'asking' }
  | { readonly status: 'on'; readonly point: GeoPoint }
  | { readonly status: 'denied' | 'unavailable' };

/**
 * @tagname mipyme-provider-finder
 * @summary Who can help, near you: business-development service providers of the feed, filtered by
 * region, service, sector, kind and cost, sorted by distance, with one-tap call, WhatsApp, e-mail,
 * website and directions.
 *
 * @event mipyme-provider-open - A person opened a provider's details, used a contact action, or sent her plan.
 * `detail`: `{ widget, action, itemId, country, id, channel? }` with action `details | call | whatsapp | email | website | directions | vcard | share`;
 * for `share`, `channel` is `download | whatsapp | email | share` (never the plan's content).
 * @event mipyme-feed-load - The feed is ready.
 * @event mipyme-feed-error - The feed could not be loaded.
 *
 * @csspart base - The widget's frame.
 * @csspart header - Search, region and "near me".
 * @csspart search-input - The search field.
 * @csspart filter-toggle - The button that shows the filters on narrow widths.
 * @csspart filters - The filter panel.
 * @csspart filter - One facet's fieldset.
 * @csspart clear-filters - The button that clears every filter (shown while one is selected).
 * @csspart count - The result count.
 * @csspart list - The result list.
 * @csspart item - One provider.
 * @csspart contact - A contact action (call, WhatsApp, e-mail, website, directions).
 * @csspart details - The provider's details dialog.
 * @csspart more - The "show more" button.
 * @csspart empty - The no-results view.
 * @csspart stale - The mark on a provider checked by the network over a year ago.
 * @csspart loading - The loading view.
 * @csspart error - The error view.
 * @csspart offline - The note shown when working from the saved copy.
 * @csspart publisher-problem - The note shown when `publisher` names partners the feed does not declare.
 * @csspart trust - Who published the record and when the network last checked it.
 * @csspart share-button - "Send them my plan" on a card (only when a plan or projection is saved on the device).
 * @csspart share - The "Send my plan" dialog: what is shared, the message, the file's preview, the ways to send it.
 * @csspart share-preview - In that dialog, the list of what is shared, the message and the file's preview.
 * @csspart share-message - The message sent by WhatsApp or e-mail, word for word.
 * @csspart share-actions - The ways to send it: download, share sheet, WhatsApp, e-mail.
 * @csspart share-empty - What the dialog says when nothing is saved or chosen.
 *
 * @cssproperty --mipyme-provider-finder-filters-width - Width of the filter column on wide layouts (default 15em).
 */
@localized()
export class MipymeProviderFinder extends MipymeElement {
  static override styles = [tokens, base, viewStyles, forms, lists, styles];

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('[part="filter-toggle"]') private filterToggle?: HTMLButtonElement;
  @query('[part="count"]') private countRegion?: HTMLElement;

  /** Initial region (ISO 3166-2, e.g. `HN-CR`); providers are sorted by distance from its centre. */
  @property() region?: string;
  /** Initial service filter: a service id of the feed, or several separated by commas. */
  @property() service?: string;
  /** Initial kind filter (`public`, `private`, `ngo`, `chamber`, `training`, `finance`…), comma-separated for several. */
  @property() kind?: string;
  /** Hide the "near me" button (no request for the device's location). */
  @property({ attribute: 'without-location', type: Boolean }) withoutLocation = false;

  /** Whether to leave out "Send my plan" on the cards (shown when the owner has a plan or projection saved on the device). */
  @property({ attribute: 'without-share', type: Boolean }) withoutShare = false;
  /** Providers shown at first and added by each "show more" (default 10). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 10;

  @state() private query: ProviderQuery = EMPTY_PROVIDER_QUERY;
  @state() private location: LocationState = { status: 'off' };
  @state() private shown = 0;
  @state() private filtersOpen = false;
  @state() private selected?: ProviderResult;
  /** What the dialog shows for `selected`: its details, or "Send my plan" (with the owner's choice). */
  @state() private sharing?: { readonly saved: SavedWork; readonly planId: string; readonly draftId: string };
  /** Whether the plan or calculator widget saved anything on this device (then cards offer "Send my plan"). */
  @state() private hasSavedWork = false;

  /** The actions that wait for a lazy part (parts.ts): busy while it loads, a message if it cannot. */
  private readonly parts = new PartsController(this);

  private directory?: Directory;
  private directoryFeed?: Feed;
  private directoryKey?: string;
  private result?: DirectoryResult;
  /** The control that opened the details dialog, and its provider (to find it again after a re-render). */
  private opener?: { readonly element: HTMLElement; readonly id: string };

  private stopSavedWatch?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    // Work saved by the plan or calculator widget: in another tab (a storage event), or on this page
    // (their change events, which bubble to the document; each is saved right after it).
    const check = () => (this.hasSavedWork = hasStored(PLANS_STORAGE_NAME) || hasStored(DRAFTS_STORAGE_NAME));
    check();
    const onPageChange = () => (this.hasSavedWork = true);
    const pageEvents = ['mipyme-plan-change', 'mipyme-cash-flow-change'] as const;
    for (const name of pageEvents) document.addEventListener(name, onPageChange);
    const stops = [
      onStoredChange(PLANS_STORAGE_NAME, check),
      onStoredChange(DRAFTS_STORAGE_NAME, check),
      () => pageEvents.forEach((name) => document.removeEventListener(name, onPageChange)),
    ];
    this.stopSavedWatch = () => stops.forEach((stop) => stop());
    // Brought here by "who can help" from another widget's page (`?mipyme-service=…&mipyme-country=…`):
    // what the link asks for, unless the page set it on the tag.
    const asked = requestedHelp(location.search);
    if (this.service === undefined && asked.service) this.service = asked.service;
    if (this.country === undefined && asked.country) this.country = asked.country;
  }

  /**
   * "Who can help with this", from another widget on the page: the providers offering one of
   * `serviceIds` (the other filters and the search words cleared; the department kept), in view,
   * with the focus on their count.
   */
  async showService(serviceIds: readonly string[]): Promise<void> {
    this.query = {
      ...EMPTY_PROVIDER_QUERY,
      ...(this.query.region !== undefined ? { region: this.query.region } : {}),
      filters: { ...EMPTY_PROVIDER_QUERY.filters, service: [...serviceIds] },
    };
    this.shown = this.effectivePageSize;
    await this.showResults();
  }

  /** Bring the results into view and put the focus on their count (it says how many providers match). */
  async showResults(): Promise<void> {
    await this.updateComplete;
    this.filtersOpen = false;
    await this.updateComplete;
    const count = this.countRegion;
    if (count) {
      count.scrollIntoView({ block: 'start' });
      count.focus({ preventScroll: true });
    } else {
      this.scrollIntoView({ block: 'start' });
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('service') || changed.has('kind') || changed.has('region')) {
      this.query = {
        ...this.query,
        region: this.region?.trim().toUpperCase() || undefined,
        filters: { ...this.query.filters, service: splitList(this.service), kind: splitList(this.kind) },
      };
    }
    if (changed.has('pageSize') || this.shown === 0) this.shown = this.effectivePageSize;
    const feed = this.shownFeed;
    if (!feed) {
      this.result = undefined;
      return;
    }
    const key = `${this.uiLanguage}|${this.countryCode ?? ''}`;
    if (feed !== this.directoryFeed || key !== this.directoryKey) {
      this.directoryFeed = feed;
      this.directoryKey = key;
      this.directory = buildDirectory(feed, { lang: this.uiLanguage, country: this.countryCode });
      this.result = undefined;
    }
    if (!this.result || changed.has('query') || changed.has('location')) {
      this.result = queryDirectory(this.directory!, { ...this.query, origin: this.origin });
    }
  }

  /**
   * A choice of the no-result view ("Show all providers", a widening) goes with the view: the focus
   * goes to the new result count, which says what the choice found, just before the list.
   */
  protected override focusAfterLoss(lost: Element): HTMLElement | null | undefined {
    if (lost.closest('[part="empty"]')) return this.countRegion;
    // "Clear filters" goes once nothing is selected: the focus stays in the filters, on the first.
    if (lost.classList.contains('clear-filters')) return this.renderRoot.querySelector<HTMLElement>('#filters input');
    return undefined;
  }

  private get effectivePageSize(): number {
    return Number.isFinite(this.pageSize) && this.pageSize >= 1 ? Math.floor(this.pageSize) : 10;
  }

  /** Where distances are measured from: the device when allowed, else the chosen region's centre. */
  private get origin(): GeoPoint | undefined {
    if (this.location.status === 'on') return this.location.point;
    const region = this.regions.find((r) => r.code === this.query.region);
    return region?.centre;
  }

  private get regions() {
    return this.countryRecord?.regions ?? [];
  }

  // ------------------------------------------------------------------ handlers

  private setQuery(query: ProviderQuery): void {
    this.query = query;
    this.shown = this.effectivePageSize;
  }

  private toggleFilter(facet: ProviderFacet, value: string, on: boolean): void {
    const current = this.query.filters[facet];
    this.setQuery({
      ...this.query,
      filters: { ...this.query.filters, [facet]: on ? [...current, value] : current.filter((v) => v !== value) },
    });
  }

  /** Escape in the filters, when they are a disclosure (narrow widths) and open: close them, focus on their toggle. */
  private onFiltersKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.filtersOpen) return;
    const toggle = this.filterToggle;
    if (!toggle?.checkVisibility()) return;
    event.preventDefault();
    this.filtersOpen = false;
    toggle.focus();
  }

  private askLocation(): void {
    if (!('geolocation' in navigator)) {
      this.location = { status: 'unavailable' };
      return;
    }
    this.location = { status: 'asking' };
    navigator.geolocation.getCurrentPosition(
      (position) => (this.location = { status: 'on', point: { lat: position.coords.latitude, lng: position.coords.longitude } }),
      (error) => (this.location = { status: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    );
  }

  private emit(provider: Provider, action: ProviderOpenDetail['action']): void {
    this.dispatchEvent(new MipymeProviderOpenEvent({ widget: this.localName, action, itemId: provider.id, country: this.countryCode, id: provider.id }));
  }

  /** Open a provider's details (the dialog's code loads the first time). */
  private async openDetails(result: ProviderResult, event: Event): Promise<void> {
    const element = event.currentTarget as HTMLElement;
    await this.parts.run(`details:${result.provider.id}`, details, () => {
      this.opener = { element, id: result.provider.id };
      this.selected = result;
      this.emit(result.provider, 'details');
      // The widget may have left the page while the part loaded.
      void this.updateComplete.then(() => {
        const dialog = this.dialog;
        if (!dialog?.isConnected || dialog.open) return;
        dialog.showModal();
        // The title first (APG): the first control would be the call link, one Enter from a call.
        dialog.querySelector<HTMLElement>('#details-title')?.focus();
      });
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopSavedWatch?.();
  }

  /**
   * "Send my plan" for a provider: the dialog shows what is saved on this device, what would be
   * shared and the ways to send it (its code and the saved work load on the first click).
   */
  private async openShare(result: ProviderResult, event: Event): Promise<void> {
    const element = event.currentTarget as HTMLElement;
    const feed = this.feedController.snapshot?.feed;
    if (!feed) return;
    await this.parts.run(`share:${result.provider.id}`, share, (part) => {
      const saved = part.loadSavedWork(feed);
      this.opener = { element, id: result.provider.id };
      this.selected = result;
      this.sharing = { saved, planId: saved.planId, draftId: saved.draftId };
      void this.updateComplete.then(() => {
        const dialog = this.dialog;
        if (!dialog?.isConnected || dialog.open) return;
        dialog.showModal();
        dialog.querySelector<HTMLElement>('#share-title')?.focus();
      });
    });
  }

  /** The owner asked to send her plan one way: save the file, or open the device's share sheet (links open themselves). */
  private sendShare(provider: Provider, channel: NonNullable<ProviderOpenDetail['channel']>, pkg: SharePackage): void {
    const part = share.loaded;
    if (!part) return;
    if (channel === 'download') {
      const url = URL.createObjectURL(part.shareFile(pkg));
      const link = document.createElement('a');
      link.href = url;
      link.download = pkg.fileName;
      link.hidden = true;
      this.renderRoot.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } else if (channel === 'share') {
      // The owner may cancel the share sheet: nothing to say then.
      navigator.share({ files: [part.shareFile(pkg)], title: pkg.subject, text: pkg.summary }).catch(() => undefined);
    }
    this.dispatchEvent(
      new MipymeProviderOpenEvent({ widget: this.localName, action: 'share', itemId: provider.id, country: this.countryCode, id: provider.id, channel }),
    );
  }

  /** Whether this browser can hand a file to another app (WhatsApp on a phone); asked once. */
  private get canShareFiles(): boolean {
    if (this.canShareFilesCache === undefined) {
      try {
        this.canShareFilesCache =
          typeof navigator.canShare === 'function' && navigator.canShare({ files: [new File([''], 'plan.html', { type: 'text/html' })] });
      } catch {
        this.canShareFilesCache = false;
      }
    }
    return this.canShareFilesCache;
  }

  private canShareFilesCache?: boolean;

  private closeDetails(): void {
    this.dialog?.close();
  }

  /**
   * Back to the control that opened the dialog; if the list was drawn again meanwhile, to the same
   * provider's name; if that provider is no longer shown, to the result count (never the page's body).
   */
  private onDialogClose(): void {
    const opener = this.opener;
    this.opener = undefined;
    this.selected = undefined;
    this.sharing = undefined;
    if (!opener) return;
    const again = opener.element.isConnected
      ? opener.element
      : Array.from(this.renderRoot.querySelectorAll<HTMLElement>('.name-button')).find((b) => b.dataset['provider'] === opener.id);
    if (again) again.focus();
    else this.countRegion?.focus();
  }

  /**
   * Tab and Shift+Tab go round the dialog's controls (APG modal dialog): the browser would let them
   * leave the page for its own toolbar.
   */
  private onDialogKeydown(event: KeyboardEvent): void {
    const dialog = this.dialog;
    if (event.key !== 'Tab' || !dialog?.open) return;
    const stops = Array.from(dialog.querySelectorAll<HTMLElement>(TABBABLE)).filter((node) => node.checkVisibility());
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (!first || !last) return;
    const active = this.shadowRoot?.activeElement;
    const current = active instanceof HTMLElement ? stops.indexOf(active) : -1;
    const next = event.shiftKey ? (current <= 0 ? last : undefined) : current === stops.length - 1 ? first : undefined;
    if (!next) return;
    event.preventDefault();
    next.focus();
  }

  private downloadVCard(provider: Provider): void {
    const part = details.loaded;
    if (!part) return;
    const url = URL.createObjectURL(part.vcardFile(provider, this.uiLanguage));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${provider.id}.vcf`;
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.emit(provider, 'vcard');
  }

  /** Show every provider of the country again. */
  reset(): void {
    this.location = this.location.status === 'on' ? this.location : { status: 'off' };
    this.setQuery(EMPTY_PROVIDER_QUERY);
  }

  // ------------------------------------------------------------------ labels

  private facetTitle(facet: ProviderFacet): string {
    switch (facet) {
      case 'service':
        return msg('Service');
      case 'sector':
        return msg('Sector');
      case 'kind':
        return msg('Kind of provider');
      case 'cost':
        return msg('Cost');
    }
  }

  private valueLabel(facet: ProviderFacet, value: string): string {
    switch (facet) {
      case 'service': {
        const service = this.feedController.snapshot?.feed.services.find((s) => s.id === value);
        return service ? pickText(service.name, this.uiLanguage) : value;
      }
      case 'sector':
        return value;
      case 'kind':
        return providerKindLabel(value as ProviderKind);
      case 'cost':
        return costLabel(value as Cost);
    }
  }

  /** A region's name: the country's own first, else another country's (a regional provider's office abroad). */
  private regionName(code: string | undefined): string {
    if (!code) return '';
    const prefix = code.slice(0, 2);
    const region =
      this.regions.find((r) => r.code === code) ??
      this.feedController.snapshot?.feed.countries.find((c) => c.code === prefix)?.regions.find((r) => r.code === code);
    return region ? pickText(region.name, this.uiLanguage) : code;
  }

  private contactText(link: ContactLink): string {
    switch (link.action) {
      case 'call':
        return msg(str`Call ${link.label}`);
      case 'whatsapp':
        return msg('WhatsApp');
      case 'email':
        return msg('E-mail');
      case 'website':
        return msg('Website');
      case 'directions':
        return msg('Directions');
    }
  }

  private links(result: ProviderResult): ContactLink[] {
    const code = this.countryCode ?? result.provider.countries[0] ?? '';
    const country = this.feedController.snapshot?.feed.countries.find((c) => c.code === code);
    return contactLinks(result.provider, {
      callingCode: CALLING_CODES[code],
      countryName: country ? pickText(country.name, this.uiLanguage) : undefined,
      location: result.nearest ?? result.provider.locations[0],
    });
  }

  // ------------------------------------------------------------------ render

  private renderHeader(): TemplateResult {
    const activeFilters = PROVIDER_FACETS.reduce((sum, facet) => sum + this.query.filters[facet].length, 0);
    const note =
      this.location.status === 'asking'
        ? msg('Finding your location…')
        : this.location.status === 'on'
          ? msg('Sorted by distance from where you are.')
          : this.location.status === 'denied'
            ? msg('Your location was not shared. Choose your department or province to see the nearest providers first.')
            : this.location.status === 'unavailable'
              ? msg('Your location could not be found. Choose your department or province to see the nearest providers first.')
              : this.query.region
                ? msg(str`Sorted by distance from the centre of ${this.regionName(this.query.region)}.`)
                : '';
    return html`<div class="header" part="header">
        <div class="field search">
          <label class="field-label" for="search">${msg('What do you need?')}</label>
          <input
            id="search"
            part="search-input"
            type="search"
            enterkeyhint="search"
            autocomplete="off"
            placeholder=${msg('For example: training, credit, export')}
            .value=${this.query.text}
            @input=${(e: Event) => this.setQuery({ ...this.query, text: (e.target as HTMLInputElement).value })}
          />
        </div>
        ${this.regions.length > 0
          ? html`<div class="field">
              <label class="field-label" for="region">${msg('Department or province')}</label>
              <select id="region" @change=${(e: Event) => this.setQuery({ ...this.query, region: (e.target as HTMLSelectElement).value || undefined })}>
                <option value="" ?selected=${!this.query.region}>${msg('The whole country')}</option>
                ${this.regions.map((r) => html`<option value=${r.code} ?selected=${r.code === this.query.region}>${pickText(r.name, this.uiLanguage)}</option>`)}
              </select>
            </div>`
          : nothing}
        ${this.withoutLocation
          ? nothing
          : html`<button class="button secondary" type="button" ?disabled=${this.location.status === 'asking'} @click=${this.askLocation}>
              ${msg('Near me')}
            </button>`}
        <button
          class="button secondary filters-toggle"
          part="filter-toggle"
          type="button"
          aria-expanded=${this.filtersOpen ? 'true' : 'false'}
          aria-controls="filters"
          @click=${() => (this.filtersOpen = !this.filtersOpen)}
        >
          ${activeFilters > 0 ? msg(str`Filters (${activeFilters})`) : msg('Filters')}
        </button>
      </div>
      ${note ? html`<p class="location-note" role="status">${note}</p>` : nothing}`;
  }

  private renderFilters(result: DirectoryResult): TemplateResult {
    // Keyed by facet, so a facet that empties does not make the next ones draw anew (the focus would go).
    const facets = PROVIDER_FACETS.filter((facet) => result.facets[facet].length > 0);
    return html`<div id="filters" class="filters ${this.filtersOpen ? '' : 'closed'}" part="filters" @keydown=${this.onFiltersKeydown}>
      ${repeat(facets, (facet) => facet, (facet) => {
        const values = result.facets[facet];
        return html`<fieldset part="filter">
          <legend>${this.facetTitle(facet)}</legend>
          ${repeat(
            values,
            (v) => v.value,
            (v) => html`<label class="option">
              <input type="checkbox" .checked=${v.selected}
                @change=${(e: Event) => this.toggleFilter(facet, v.value, (e.target as HTMLInputElement).checked)} />
              <span class="name">${this.valueLabel(facet, v.value)}</span>
              <span class="count">${formatNumber(v.count, this.locale)}</span>
            </label>`,
          )}
        </fieldset>`;
      })}
      ${hasProviderFilters(this.query)
        ? html`<button class="button secondary clear-filters" type="button" part="clear-filters"
            @click=${() => this.setQuery({ ...this.query, filters: emptyProviderFilters() })}>${msg('Clear filters')}</button>`
        : nothing}
    </div>`;
  }

  private renderContacts(result: ProviderResult): TemplateResult {
    return html`<ul class="contacts" aria-label=${msg('Contact')}>
      ${this.links(result).map(
        (link, i) => html`<li>
          <a class="contact ${i === 0 ? 'primary' : ''}" part="contact" href=${link.href}
            target=${link.action === 'website' || link.action === 'directions' || link.action === 'whatsapp' ? '_blank' : nothing}
            rel="noopener noreferrer"
            @click=${() => this.emit(result.provider, link.action)}>${this.contactText(link)}</a>
        </li>`,
      )}
    </ul>`;
  }

  private placeText(result: ProviderResult): string {
    const address = (result.nearest ?? result.provider.locations[0])?.address;
    const parts = [address?.city, address?.region ? this.regionName(address.region) : ''].filter(Boolean);
    const place = parts.join(', ');
    if (result.distanceKm === undefined) return place;
    const km = formatNumber(result.distanceKm, this.locale);
    return place ? msg(str`${place} · ${km} km away`) : msg(str`${km} km away`);
  }

  private renderResult(result: ProviderResult): TemplateResult {
    const { provider } = result;
    const lang = this.uiLanguage;
    const busy = this.parts.busy(`details:${provider.id}`);
    const services = provider.services
      .map((id) => this.valueLabel('service', id))
      .join(', ');
    return html`<li class="item" part="item">
      <h3>
        <button class="name-button" type="button" data-provider=${provider.id} aria-busy=${busy ? 'true' : nothing} aria-disabled=${busy ? 'true' : nothing}
          @click=${(e: Event) => void this.openDetails(result, e)}>${pickText(provider.name, lang)}${busy ? html` <span class="preparing">${preparingText()}</span>` : nothing}</button>
      </h3>
      ${this.parts.failed === `details:${provider.id}` ? html`<p class="notice error" part="notice" role="alert">${partFailedText()}</p>` : nothing}
      <ul class="badges" aria-label=${msg('Details')}>
        <li class="badge">${providerKindLabel(provider.kind)}</li>
        ${provider.cost ? html`<li class="badge">${costLabel(provider.cost)}</li>` : nothing}
        ${provider.example ? html`<li class="badge">${msg('Example')}</li>` : nothing}
        ${checkedLongAgo(provider.verified, Date.now())
          ? html`<li class="badge stale" part="stale">${msg('Checked over a year ago')}</li>`
          : nothing}
      </ul>
      ${services ? html`<p class="meta">${services}</p>` : nothing}
      ${this.placeText(result) ? html`<p class="meta">${this.placeText(result)}</p>` : nothing}
      ${provider.description ? html`<p class="description">${pickText(provider.description, lang).slice(0, 220)}${pickText(provider.description, lang).length > 220 ? '…' : ''}</p>` : nothing}
      ${renderTrust(this.feedController.snapshot?.feed, provider, this.uiLanguage, this.locale)}
      ${this.renderContacts(result)}
      ${this.renderShareButton(result)}
    </li>`;
  }

  /** "Send my plan": only when the owner saved a plan or a projection on this device (and the page allows it). */
  private renderShareButton(result: ProviderResult): TemplateResult | typeof nothing {
    if (this.withoutShare || !this.hasSavedWork) return nothing;
    const { provider } = result;
    const busy = this.parts.busy(`share:${provider.id}`);
    const name = pickText(provider.name, this.uiLanguage);
    return html`<p class="share">
        <button class="link-button" part="share-button" type="button" data-provider=${provider.id}
          aria-label=${msg(str`Send them my plan: ${name}`)} aria-busy=${busy ? 'true' : nothing} aria-disabled=${busy ? 'true' : nothing}
          @click=${(e: Event) => void this.openShare(result, e)}>${msg('Send them my plan')}${busy ? html` <span class="preparing">${preparingText()}</span>` : nothing}</button>
      </p>
      ${this.parts.failed === `share:${provider.id}` ? html`<p class="notice error" part="notice" role="alert">${partFailedText()}</p>` : nothing}`;
  }

  private renderEmpty(result: DirectoryResult): TemplateResult {
    const suggestions = result.widenings.slice(0, 4).map((w) => {
      const count = formatNumber(w.count, this.locale);
      let label: string;
      let apply: () => void;
      switch (w.kind) {
        case 'drop-filter':
          label = msg(str`Without "${this.valueLabel(w.facet, w.value)}" (${count})`);
          apply = () => this.toggleFilter(w.facet, w.value, false);
          break;
        case 'drop-text':
          label = msg(str`Without the search words (${count})`);
          apply = () => this.setQuery({ ...this.query, text: '' });
          break;
        case 'whole-country':
          label = msg(str`The whole country (${count})`);
          apply = () => this.setQuery({ ...this.query, region: undefined });
          break;
        case 'nearby-region':
          label = msg(str`Nearby: ${this.regionName(w.region)} (${count})`);
          apply = () => this.setQuery({ ...this.query, region: w.region });
          break;
      }
      return html`<li><button class="button secondary" type="button" @click=${apply}>${label}</button></li>`;
    });
    return html`<div class="empty" part="empty">
      <p><strong>${this.query.region
        ? msg(str`No provider here matches your search in ${this.regionName(this.query.region)}.`)
        : msg('No provider matches your search.')}</strong></p>
      ${suggestions.length > 0
        ? html`<p>${msg('You can widen it:')}</p><ul class="suggestions">${suggestions}</ul>`
        : html`<p>${msg('Try other words, or fewer filters.')}</p>`}
      <button class="button" type="button" @click=${() => this.reset()}>${msg('Show all providers')}</button>
    </div>`;
  }

  private renderDialog(): TemplateResult {
    const result = this.selected;
    const part = details.loaded;
    const sharing = this.sharing;
    const sharePart = share.loaded;
    if (result && sharing && sharePart) {
      const code = this.countryCode;
      return html`<dialog part="share" aria-labelledby="share-title" @close=${this.onDialogClose} @keydown=${this.onDialogKeydown}>
        ${sharePart.renderShare({
          provider: result.provider,
          lang: this.uiLanguage,
          locale: this.locale,
          callingCode: code ? CALLING_CODES[code] : undefined,
          saved: sharing.saved,
          planId: sharing.planId,
          draftId: sharing.draftId,
          choose: (which, id) => (this.sharing = which === 'plan' ? { ...sharing, planId: id } : { ...sharing, draftId: id }),
          send: (channel, pkg) => this.sendShare(result.provider, channel, pkg),
          canShareFiles: this.canShareFiles,
          close: () => this.closeDetails(),
        })}
      </dialog>`;
    }
    return html`<dialog part="details" aria-labelledby="details-title" @close=${this.onDialogClose} @keydown=${this.onDialogKeydown}>
      ${result && part
        ? part.renderDetails({
            result,
            lang: this.uiLanguage,
            locale: this.locale,
            serviceName: (id) => this.valueLabel('service', id),
            regionName: (code) => this.regionName(code),
            publisherName: pickText(publisherOf(this.feedController.snapshot?.feed ?? { publishers: [] }, result.provider.publisher)?.name, this.uiLanguage),
            contacts: this.renderContacts(result),
            addToContacts: () => this.downloadVCard(result.provider),
            close: () => this.closeDetails(),
          })
        : nothing}
    </dialog>`;
  }

  private renderResults(result: DirectoryResult): TemplateResult {
    const total = result.results.length;
    const visible = result.results.slice(0, this.shown);
    const remaining = total - visible.length;
    const count = formatNumber(total, this.locale);
    return html`<div class="results">
      <p class="status" part="count" role="status" aria-live="polite" tabindex="-1">
        ${total === 1 ? msg('1 provider') : msg(str`${count} providers`)}
      </p>
      ${total === 0
        ? this.renderEmpty(result)
        : html`<ul class="list" part="list">${repeat(visible, (r) => r.provider.id, (r) => this.renderResult(r))}</ul>
            ${remaining > 0
              ? html`<button class="button secondary more" part="more" type="button" @click=${() => (this.shown += this.effectivePageSize)}>
                  ${msg(str`Show more (${formatNumber(remaining, this.locale)} left)`)}
                </button>`
              : nothing}`}
    </div>`;
  }

  override render() {
    const { state } = this.feedController;
    let content: TemplateResult;
    if (state.status === 'error') content = renderError(state.error, () => this.feedController.retry());
    else if (state.status !== 'ready' || !this.result) content = renderLoading();
    else {
      content = html`${renderOffline(state.snapshot, this.locale, () => this.feedController.retry())} ${this.renderPublisherProblem()}
        ${this.renderHeader()}
        <div class="layout">${this.renderFilters(this.result)} ${this.renderResults(this.result)}</div>
        ${this.renderDialog()}`;
    }
    return html`<div class="base" part="base">${content}</div>`;
  }
}
