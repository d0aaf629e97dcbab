/**
 * The events every widget fires. Each is an `Event` subclass with a typed
 * `detail`; all bubble and cross shadow roots (`composed`), so a partner can
 * listen once on `document`.
 *
 * Every `detail` has the same four fields first ({@link WidgetEventDetail}: `widget`,
 * `action`, `itemId`, `country`), so one listener can count them all; none carries what the
 * owner typed (docs/analytics.md).
 */
import type { FeedErrorCode, FeedSnapshot } from '../feed/load.js';

/** What every widget event's `detail` carries, for the partner's statistics. */
export interface WidgetEventDetail {
  /** The tag of the widget that fired it (`mipyme-toolbox-browser`…). */
  readonly widget: string;
  /** What happened: `load`, `error`, `open`, `help`, `change`, `details`, `call`, `whatsapp`… */
  readonly action: string;
  /** The feed item it is about (a tool, provider, plan outline, plan section…), when there is one. */
  readonly itemId?: string | undefined;
  /** The widget's country (ISO code), when it has one. */
  readonly country?: string | undefined;
}

/** The names of every event the widgets fire (to listen to them all: docs/analytics.md). */
export const WIDGET_EVENTS = [
  'mipyme-feed-load',
  'mipyme-feed-error',
  'mipyme-tool-open',
  'mipyme-provider-open',
  'mipyme-help-open',
  'mipyme-cash-flow-change',
  'mipyme-plan-change',
] as const;

export interface FeedLoadDetail extends WidgetEventDetail {
  readonly action: 'load';
  /** The feed's absolute address (empty for the `data` property). */
  readonly url: string;
  /** `network`, `cache` (shown at once, or offline) or `data`. */
  readonly source: FeedSnapshot['source'];
  /** The network could not be reached; a cached copy is shown. */
  readonly offline: boolean;
  /** When the shown copy was fetched (ms since 1970). */
  readonly fetchedAt: number;
  /** Problems found in the feed (items dropped or read with a fallback). */
  readonly issueCount: number;
}

/** The widget's feed is ready to show (from the network, the cache, or `data`). */
export class MipymeFeedLoadEvent extends Event {
  static readonly eventName = 'mipyme-feed-load';
  constructor(readonly detail: FeedLoadDetail) {
    super(MipymeFeedLoadEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface FeedErrorDetail extends WidgetEventDetail {
  readonly action: 'error';
  readonly url: string;
  readonly code: FeedErrorCode;
  /** A sentence for the webmaster, in the page's language. */
  readonly message: string;
  /** The HTTP status, for `http` errors. */
  readonly status?: number | undefined;
}

/** The widget's feed cannot be shown; the widget shows an error view with a retry button. */
export class MipymeFeedErrorEvent extends Event {
  static readonly eventName = 'mipyme-feed-error';
  constructor(readonly detail: FeedErrorDetail) {
    super(MipymeFeedErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface ToolOpenDetail extends WidgetEventDetail {
  readonly action: 'open';
  /** The tool's id in the feed (also in `itemId`). */
  readonly id: string;
  readonly itemId: string;
  /** The address that was opened. */
  readonly url: string;
}

/**
 * A person opened a tool's link (so partners can count use per tool and month).
 * Fired on the user's click, never by code.
 */
export class MipymeToolOpenEvent extends Event {
  static readonly eventName = 'mipyme-tool-open';
  constructor(readonly detail: ToolOpenDetail) {
    super(MipymeToolOpenEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface CashFlowChangeDetail extends WidgetEventDetail {
  readonly action: 'change';
  /** The projection (draft) that changed. */
  readonly draftId: string;
  readonly currency: string;
  readonly startMonth: string;
  readonly months: number;
  /** Totals in minor units (cents), pre-start column included. */
  readonly totalIn: number;
  readonly totalOut: number;
  /** Lowest closing balance (minor units) and its month (`YYYY-MM`, or `pre` for before opening). */
  readonly lowestBalance: number;
  readonly lowestMonth: string;
  /** First month the balance goes below zero (`YYYY-MM` / `pre`), or null. */
  readonly firstNegativeMonth: string | null;
  /** Money needed so the balance never goes below the safety minimum (minor units). */
  readonly fundingNeeded: number;
  /** First month from which the business keeps adding cash, or null. */
  readonly breakEvenMonth: string | null;
}

/**
 * The owner changed the projection. Carries the summary figures only, never
 * the line names the owner typed.
 */
export class MipymeCashFlowChangeEvent extends Event {
  static readonly eventName = 'mipyme-cash-flow-change';
  constructor(readonly detail: CashFlowChangeDetail) {
    super(MipymeCashFlowChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface PlanChangeDetail extends WidgetEventDetail {
  readonly action: 'change';
  readonly planId: string;
  /** The plan's outline in the feed (also in `itemId`). */
  readonly outlineId: string;
  /** Questions answered, in all, and the share (0–100). Never the answers themselves. */
  readonly answered: number;
  readonly total: number;
  readonly percent: number;
  /** The section the owner is working on. */
  readonly sectionId: string;
}

/**
 * The owner changed the business plan. Progress figures only: what the owner wrote
 * is never sent; a page that needs it must call the documented `exportMarkdown()`.
 */
export class MipymePlanChangeEvent extends Event {
  static readonly eventName = 'mipyme-plan-change';
  constructor(readonly detail: PlanChangeDetail) {
    super(MipymePlanChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface ProviderOpenDetail extends WidgetEventDetail {
  /** The provider's id in the feed (also in `itemId`). */
  readonly id: string;
  readonly itemId: string;
  /**
   * What the person did: opened the details, one of the contact actions, or sent her plan to the
   * provider (`share`, with the `channel`; never what the plan says).
   */
  readonly action: 'details' | 'call' | 'whatsapp' | 'email' | 'website' | 'directions' | 'vcard' | 'share';
  /** For `share`: how she sent it — the file downloaded, WhatsApp, e-mail, or the device's share sheet. */
  readonly channel?: 'download' | 'whatsapp' | 'email' | 'share' | undefined;
}

/** A person opened a provider's details or contacted it (so partners can count referrals). */
export class MipymeProviderOpenEvent extends Event {
  static readonly eventName = 'mipyme-provider-open';
  constructor(readonly detail: ProviderOpenDetail) {
    super(MipymeProviderOpenEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface HelpOpenDetail extends WidgetEventDetail {
  readonly action: 'help';
  /** What the owner asked help for: a tool's id, a plan section's id, or `shortfall` (the calculator). */
  readonly itemId: string;
  /** The provider services asked for. */
  readonly serviceIds: readonly string[];
  /** Where it led: the finder on the same page, or a link to the partner's page for it. */
  readonly target: 'same-page' | 'link';
}

/** A person asked "who can help with this" (a tool, a plan section, a cash-flow shortfall). */
export class MipymeHelpOpenEvent extends Event {
  static readonly eventName = 'mipyme-help-open';
  constructor(readonly detail: HelpOpenDetail) {
    super(MipymeHelpOpenEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mipyme-provider-open': MipymeProviderOpenEvent;
    'mipyme-plan-change': MipymePlanChangeEvent;
    'mipyme-cash-flow-change': MipymeCashFlowChangeEvent;
    'mipyme-feed-load': MipymeFeedLoadEvent;
    'mipyme-feed-error': MipymeFeedErrorEvent;
    'mipyme-tool-open': MipymeToolOpenEvent;
    'mipyme-help-open': MipymeHelpOpenEvent;
  }
}
