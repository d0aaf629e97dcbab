/**
 * Gives a widget its feed as `loading | ready | error`, following the
 * element's `feed` and `data` properties and the page-wide defaults, and
 * fires `mipyme-feed-load` / `mipyme-feed-error` when a load finishes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pageConfig } from '../shared/config.js';
import { MipymeFeedErrorEvent, MipymeFeedLoadEvent } from '../shared/events.js';
import {
  FeedLoadError,
  reloadFeed,
  snapshotFromData,
  watchFeed,
  type FeedSnapshot,
  type FeedState,
} from './load.js';
import { countryCodeOf } from './split.js';

/** What a widget needs to expose for the controller. */
export interface FeedHost extends ReactiveControllerHost, EventTarget {
  /** The feed's address (the `feed` attribute). */
  feed?: string | undefined | null;
  /** A feed object given directly; wins over `feed`. */
  data?: unknown;
  /**
   * The widget's country (the `country` attribute; falls back to the page-wide
   * default): a feed split by country loads only the shared part and this country's.
   */
  country?: string | undefined | null;
}

export interface FeedControllerOptions {
  /** Milliseconds before a request is given up (15 000 by default). */
  timeout?: number;
}

export class FeedController implements ReactiveController {
  /** The current state; the host re-renders whenever it changes. */
  state: FeedState | { readonly status: 'idle' } = { status: 'idle' };

  private source: { url: string; country: string | undefined } | { data: unknown } | undefined;
  private stop: (() => void) | undefined;
  private lastSnapshot: FeedSnapshot | undefined;
  private lastError: FeedLoadError | undefined;

  constructor(
    private readonly host: FeedHost,
    private readonly options: FeedControllerOptions = {},
  ) {
    host.addController(this);
  }

  /** The feed when ready, else undefined. */
  get snapshot(): FeedSnapshot | undefined {
    return this.state.status === 'ready' ? this.state.snapshot : undefined;
  }

  /**
   * Start at the host's next update, not here: a framework (React, Vue) or a
   * script connects the element first and sets `feed` / `data` right after, and
   * loading now would fire a needless "no feed" error or fetch the page's feed.
   */
  hostConnected(): void {
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    this.sync();
  }

  /**
   * Follow the host's `feed` / `data` now. Lit calls `hostUpdate()` after the host's
   * `willUpdate()`, so a host that derives from the feed there calls this first.
   */
  refresh(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = undefined;
    this.source = undefined;
  }

  /** Ask the network again (the retry button of the error and offline views). */
  retry(): void {
    if (this.source && 'url' in this.source) {
      reloadFeed(this.source.url, { ...this.options, country: this.source.country });
    }
  }

  private sync(): void {
    const { data } = this.host;
    const next =
      data !== undefined && data !== null
        ? { data }
        : {
            url: (this.host.feed ?? '').trim() || pageConfig('feed') || '',
            country: countryCodeOf(this.host.country ?? pageConfig('country')),
          };
    // The country matters only to a feed split by country: a whole feed on screen stays as it is.
    const wholeFeed = this.state.status === 'ready' && this.state.snapshot.parts === undefined;
    const same =
      this.source &&
      ('data' in next
        ? 'data' in this.source && this.source.data === next.data
        : 'url' in this.source &&
          this.source.url === next.url &&
          (this.source.country === next.country || wholeFeed));
    if (same) return;
    this.stop?.();
    this.stop = undefined;
    this.source = next;
    if ('data' in next) {
      const result = snapshotFromData(next.data);
      this.set(result instanceof FeedLoadError ? { status: 'error', error: result } : { status: 'ready', snapshot: result });
      return;
    }
    this.stop = watchFeed(next.url, (state) => this.set(state), { ...this.options, country: next.country });
  }

  private set(state: FeedState): void {
    this.state = state;
    this.host.requestUpdate();
    if (state.status === 'ready' && state.snapshot !== this.lastSnapshot) {
      this.lastSnapshot = state.snapshot;
      this.lastError = undefined;
      const { url, source, offline, fetchedAt, issues } = state.snapshot;
      this.host.dispatchEvent(
        new MipymeFeedLoadEvent({ ...this.eventBase('load'), url, source, offline, fetchedAt, issueCount: issues.length }),
      );
    } else if (state.status === 'error' && state.error !== this.lastError) {
      this.lastError = state.error;
      this.lastSnapshot = undefined;
      const { url, code, message, status } = state.error;
      this.host.dispatchEvent(new MipymeFeedErrorEvent({ ...this.eventBase('error'), url, code, message, status }));
    }
  }

  /** The fields every widget event carries, in their order: the host's tag, the action, its country. */
  private eventBase<A extends string>(action: A): { widget: string; action: A; country?: string } {
    const code = (this.host.country ?? pageConfig('country') ?? '').trim().toUpperCase();
    const widget = this.host instanceof Element ? this.host.localName : '';
    return /^[A-Z]{2}$/.test(code) ? { widget, action, country: code } : { widget, action };
  }
}
