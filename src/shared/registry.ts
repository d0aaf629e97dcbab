/**
 * The library's one page-wide global: a versioned registry behind
 * `Symbol.for`, shared by every copy of the library on the page (two bundles,
 * two versions, the npm build next to the CDN one).
 *
 * Its shape is a protocol: a field added here must stay readable by older
 * copies, and a breaking change takes a new symbol (`…registry.v2`).
 */

/** One network request for a feed URL, shared by every widget of every copy. */
export interface SharedFeedRequest {
  /** Resolves with the body and the time it arrived; rejects with the failure. */
  readonly promise: Promise<{ readonly text: string; readonly fetchedAt: number }>;
  /** True once the promise has settled. */
  settled: boolean;
  /** True once a copy on the page has stored this response in the offline cache. */
  cached: boolean;
}

/** Pages of the partner's site where a widget lives, to link to it from the others (absolute http(s) addresses). */
export interface PartnerPages {
  /** The page with `<mipyme-provider-finder>`. */
  providers?: string | undefined;
  toolbox?: string | undefined;
  calculator?: string | undefined;
  plan?: string | undefined;
}

export interface PageConfig {
  feed?: string | undefined;
  lang?: string | undefined;
  country?: string | undefined;
  theme?: string | undefined;
  /** Show only these partners' records (ids in the feed's `publishers`, separated by spaces or commas) (#12). */
  publisher?: string | undefined;
  /** Where the other widgets are, on other pages of the site (#12). */
  pages?: PartnerPages | undefined;
}

export interface Registry {
  readonly protocol: 1;
  /** Feed requests by absolute URL. */
  readonly feeds: Map<string, SharedFeedRequest>;
  /** Tag name → version of the library that defined it. */
  readonly tags: Map<string, string>;
  /**
   * Tag name → version of the library that will define it: the all-widgets CDN file loads a
   * widget's code only when its tag is used, and claims the tag first, so the first copy on the
   * page still wins. Added in 0.2.0: absent in a registry made by 0.1.0 (see `claims()`).
   */
  claims?: Map<string, string>;
  /** Defaults read from the library's `<script>` tag (`data-mipyme-*`). */
  readonly script: PageConfig;
  /** Defaults set with `configure()`. */
  readonly api: PageConfig;
}

const KEY = Symbol.for('infomipyme-widgets.registry.v1');

type GlobalWithRegistry = typeof globalThis & { [KEY]?: Registry };

export function registry(): Registry {
  const global = globalThis as GlobalWithRegistry;
  let value = global[KEY];
  if (!value) {
    value = { protocol: 1, feeds: new Map(), tags: new Map(), script: {}, api: {} };
    Object.defineProperty(global, KEY, { value, configurable: true, enumerable: false, writable: false });
  }
  return value;
}

/** The registry's claims (created on first use: a 0.1.0 copy makes a registry without them). */
export function claims(): Map<string, string> {
  const value = registry();
  return (value.claims ??= new Map());
}
