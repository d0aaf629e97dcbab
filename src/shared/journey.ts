/**
 * One journey across the widgets (#12): from a tool, a plan section or a cash-flow shortfall to
 * "who can help with this" — the provider finder, filtered by the matching services and the
 * owner's country.
 *
 * Where the finder is:
 * - **on the same page** (a `<mipyme-provider-finder>` beside the widget in the same shadow root of
 *   the page's own components, else anywhere in the document): it is used — its service
 *   filter is set, it is scrolled into view and the focus goes to its result count;
 * - **on another page the partner configured**: `data-mipyme-pages="providers=/servicios.html"` on
 *   the library's script tag, or `configure({ pages: { providers: '/servicios.html' } })`; the
 *   action is a link to it with `?mipyme-service=…&mipyme-country=…`, which the finder there reads;
 * - **nowhere**: the action is not shown (never a broken link or a button that does nothing).
 *
 * The action is also hidden when no provider of the feed offers one of the services in the
 * country: the finder would only say "no provider".
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Feed } from '../feed/schema.js';
import { ID_RE } from '../feed/validate-rules.js';
import { pageConfig } from './config.js';
import { MipymeHelpOpenEvent } from './events.js';

/** URL parameters a widget reads when a link from another widget's page brings the owner. */
export const SERVICE_PARAM = 'mipyme-service';
export const COUNTRY_PARAM = 'mipyme-country';

const FINDER_TAG = 'mipyme-provider-finder';

/** Per feed, per country (`''` = any): the services some provider offers. Built once, not per item and render. */
const offered = new WeakMap<Feed, Map<string, Set<string>>>();

/** Whether some provider of the feed offers one of `serviceIds` in `country` (any country when undefined). */
export function someoneHelps(feed: Feed, serviceIds: readonly string[], country: string | undefined): boolean {
  if (serviceIds.length === 0) return false;
  let byCountry = offered.get(feed);
  if (!byCountry) offered.set(feed, (byCountry = new Map()));
  const key = country ?? '';
  let services = byCountry.get(key);
  if (!services) {
    services = new Set();
    for (const provider of feed.providers) {
      if (country === undefined || provider.countries.includes(country)) for (const service of provider.services) services.add(service);
    }
    byCountry.set(key, services);
  }
  return serviceIds.some((service) => services.has(service));
}

/** Where "who can help" goes from here, if anywhere. */
export type HelpTarget =
  | { readonly kind: 'same-page'; readonly finder: HTMLElement }
  | { readonly kind: 'link'; readonly href: string };

/** The finder on this page: beside `from` (in the shadow root of a page component that holds both), else in the document. */
function finderNear(from: Node | undefined): HTMLElement | null {
  if (typeof document === 'undefined') return null;
  const root = from?.getRootNode();
  const near = root instanceof ShadowRoot ? root.querySelector<HTMLElement>(FINDER_TAG) : null;
  return near ?? document.querySelector<HTMLElement>(FINDER_TAG);
}

/**
 * The provider finder to send the owner to for `serviceIds` in `country`: the one on this page
 * (beside `from`, the asking widget, first), else the partner's configured page; undefined when
 * there is none, or when no provider of `feed` offers those services there.
 */
export function helpTarget(
  feed: Feed | undefined,
  serviceIds: readonly string[] | undefined,
  country: string | undefined,
  from?: Node,
): HelpTarget | undefined {
  if (!feed || !serviceIds || !someoneHelps(feed, serviceIds, country)) return undefined;
  const finder = finderNear(from);
  if (finder) return { kind: 'same-page', finder };
  const page = pageConfig('pages')?.providers;
  if (!page) return undefined;
  const url = new URL(page);
  url.searchParams.set(SERVICE_PARAM, serviceIds.join(','));
  if (country) url.searchParams.set(COUNTRY_PARAM, country);
  return { kind: 'link', href: url.href };
}

/** The part of a finder this module drives (see `MipymeProviderFinder.showService`). */
interface FinderLike extends HTMLElement {
  country?: string | undefined;
  showService?: (serviceIds: readonly string[]) => Promise<void>;
}

/** Use the finder on this page: the providers of `serviceIds` (in `country` when it has none set), in view, focused. */
export function showHelp(finder: HTMLElement, serviceIds: readonly string[], country: string | undefined): void {
  const target = finder as FinderLike;
  if (country && !target.country) target.country = country;
  if (typeof target.showService === 'function') void target.showService(serviceIds);
  else target.scrollIntoView({ block: 'start' });
}

/** The services and country a link from another widget's page asks for (`?mipyme-service=…&mipyme-country=…`). */
export function requestedHelp(search: string): { service?: string; country?: string } {
  const params = new URLSearchParams(search);
  const services = (params.get(SERVICE_PARAM) ?? '').split(',').map((s) => s.trim()).filter((s) => ID_RE.test(s));
  const country = params.get(COUNTRY_PARAM)?.trim().toUpperCase();
  return {
    ...(services.length > 0 ? { service: services.slice(0, 10).join(',') } : {}),
    ...(country && /^[A-Z]{2}$/.test(country) ? { country } : {}),
  };
}

/**
 * The "who can help" action of a widget (`host`): a link to the partner's finder page, or a button
 * that uses the finder on this page; nothing when there is neither. A click fires
 * `mipyme-help-open` on `host` (the item, the services, where it led).
 */
export function helpAction(
  host: HTMLElement,
  o: {
    readonly feed: Feed | undefined;
    readonly services: readonly string[] | undefined;
    readonly country: string | undefined;
    /** What help is asked for: a tool's id, a plan section's id, `shortfall`. */
    readonly itemId: string;
    readonly label: string;
    /** The accessible name, when the label alone is not enough (a list of tools). */
    readonly name?: string;
  },
): TemplateResult | typeof nothing {
  const { services, country } = o;
  const target = helpTarget(o.feed, services, country, host);
  if (!target || !services) return nothing;
  const announce = () =>
    host.dispatchEvent(
      new MipymeHelpOpenEvent({ widget: host.localName, action: 'help', itemId: o.itemId, country, serviceIds: [...services], target: target.kind }),
    );
  return target.kind === 'link'
    ? html`<a class="help-link" part="help" href=${target.href} aria-label=${o.name ?? nothing} @click=${announce}>${o.label}</a>`
    : html`<button class="help-link" part="help" type="button" aria-label=${o.name ?? nothing}
        @click=${() => {
          announce();
          showHelp(target.finder, services, country);
        }}>${o.label}</button>`;
}
