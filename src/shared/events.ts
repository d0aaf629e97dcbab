/**
 * The events every widget fires. Each is an `Event` subclass with a typed
 * `detail`; all bubble and cross shadow roots (`composed`), so a partner can
 * listen once on `document`.
 */
import type { FeedErrorCode, FeedSnapshot } from '../feed/load.js';

export interface FeedLoadDetail {
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

export interface FeedErrorDetail {
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

export interface ToolOpenDetail {
  /** The tool's id in the feed. */
  readonly id: string;
  /** The address that was opened. */
  readonly url: string;
  /** The widget's country (ISO code), when it has one. */
  readonly country?: string | undefined;
  /** The tag of the widget the tool was opened from. */
  readonly widget: string;
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

export interface CashFlowChangeDetail {
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

export interface PlanChangeDetail {
  readonly planId: string;
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

export interface ProviderOpenDetail {
  /** The provider's id in the feed. */
  readonly id: string;
  /** What the person did: opened the details, or one of the contact actions. */
  readonly action: 'details' | 'call' | 'whatsapp' | 'email' | 'website' | 'directions' | 'vcard';
  readonly country?: string | undefined;
  readonly widget: string;
}

/** A person opened a provider's details or contacted it (so partners can count referrals). */
export class MipymeProviderOpenEvent extends Event {
  static readonly eventName = 'mipyme-provider-open';
  constructor(readonly detail: ProviderOpenDetail) {
    super(MipymeProviderOpenEvent.eventName, { bubbles: true, composed: true });
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
  }
}
