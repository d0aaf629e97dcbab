/**
 * What every widget shares: the common attributes (`feed`, `country`, `theme`,
 * the `data` property), the feed controller, the page's UI language and the
 * country's formatting locale.
 */
import { LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { FeedController } from '../feed/controller.js';
import { FocusKeeper } from './focus-keeper.js';
import type { Country, Feed } from '../feed/schema.js';
import { publisherIds, restrictToPublishers, unknownPublishers } from '../feed/publishers.js';
import { renderUnknownPublisher } from './views.js';
import { pageConfig } from './config.js';
import { formatLocale } from './format.js';
import { initLocalization, localizationReady, pageLanguage, type UiLanguage } from './locale.js';

export type Theme = 'light' | 'dark' | 'auto';

/** An attribute holding a list: `"a, b,c"` → `['a', 'b', 'c']`. */
export function splitList(value: string | undefined | null): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];

export abstract class MipymeElement extends LitElement {
  /** The feed's address; falls back to `data-mipyme-feed` on the script tag, then `configure({ feed })`. */
  @property() feed?: string;

  /** ISO 3166-1 alpha-2 country (e.g. `GT`); falls back to the page-wide default. */
  @property() country?: string;

  /** `light` (default), `dark` or `auto` (follows the device); falls back to the page-wide default. */
  @property({ reflect: true }) theme?: Theme;

  /**
   * Show only these partners' records: ids from the feed's `publishers`, separated by spaces or
   * commas (`publisher="fusades"`); falls back to `data-mipyme-publisher` / `configure({ publisher })`.
   */
  @property() publisher?: string;

  /** A feed object given directly (wins over `feed`). */
  @property({ attribute: false }) data?: unknown;

  protected readonly feedController = new FeedController(this);

  /** Keeps the focus in the widget when the focused control disappears in a re-render. */
  protected readonly focusKeeper = new FocusKeeper(this, (lost) => this.focusAfterLoss(lost));

  /**
   * Where the focus goes when the focused control `lost` vanished in an update; undefined for the
   * next control still there (else the previous one). Widgets override it for their own places.
   */
  protected focusAfterLoss(_lost: Element): HTMLElement | null | undefined {
    return undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void initLocalization();
    if (!this.theme || !THEMES.includes(this.theme)) {
      const fromPage = pageConfig('theme') as Theme | undefined;
      this.theme = fromPage && THEMES.includes(fromPage) ? fromPage : 'light';
    }
  }

  /**
   * The first render waits for the page language's strings (loaded on demand: see shared/locale.ts),
   * so a Spanish page never shows English first; later updates are not held.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await localizationReady();
    super.scheduleUpdate();
  }

  /** Subclasses call `super.willUpdate(changed)` first: the feed state is then current. */
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.feedController.refresh();
  }

  /** The partners whose records this widget shows (attribute, then page-wide); empty for all. */
  protected get publisherIds(): string[] {
    return publisherIds(this.publisher ?? pageConfig('publisher'));
  }

  /** The loaded feed as this widget shows it (restricted to its partners' records), else undefined. */
  protected get shownFeed(): Feed | undefined {
    const feed = this.feedController.snapshot?.feed;
    return feed && restrictToPublishers(feed, this.publisherIds);
  }

  private warnedPublishers = '';

  /** A plain note when `publisher` names partners the feed does not declare (and a console warning, once). */
  protected renderPublisherProblem(): TemplateResult | typeof nothing {
    const feed = this.feedController.snapshot?.feed;
    if (!feed) return nothing;
    const unknown = unknownPublishers(feed, this.publisherIds);
    if (unknown.length === 0) return nothing;
    const key = unknown.join(' ');
    if (key !== this.warnedPublishers) {
      this.warnedPublishers = key;
      const declared = feed.publishers.map((p) => p.id).join(', ') || '(none)';
      console.warn(
        `infomipyme-widgets: <${this.localName} publisher="${key}">: the feed's "publishers" does not declare ${unknown.length === 1 ? 'it' : 'them'}, so nothing of theirs can be shown. The feed declares: ${declared}.`,
      );
    }
    return renderUnknownPublisher(unknown);
  }

  /** The page's UI language. */
  protected get uiLanguage(): UiLanguage {
    return pageLanguage();
  }

  /** The country asked for (attribute, then page-wide), upper-cased; undefined for none. */
  protected get countryCode(): string | undefined {
    const code = (this.country ?? pageConfig('country') ?? '').trim().toUpperCase();
    return /^[A-Z]{2}$/.test(code) ? code : undefined;
  }

  /** The feed's record of the country asked for, when the feed declares it. */
  protected get countryRecord(): Country | undefined {
    const code = this.countryCode;
    return code ? this.feedController.snapshot?.feed.countries.find((c) => c.code === code) : undefined;
  }

  /** The locale to format numbers and dates with (`es-GT`, `es-419`, `en-GT`…). */
  protected get locale(): string {
    return formatLocale(this.uiLanguage, this.countryRecord);
  }
}
