/**
 * `<ProviderFinder>`: the React component of `<mipyme-provider-finder>`.
 * Importing it registers the element (guarded).
 */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { MipymeProviderFinder } from '../provider-finder/provider-finder.js';
import { feedEvents, providerOpenEvent } from './events.js';

/**
 * The directory of business-development services, `<mipyme-provider-finder>`, as a React component.
 *
 * Props are the element's properties (`feed`, `country`, `theme`, `data`, `region`, `service`,
 * `kind`, `withoutLocation`, `pageSize`), set on the element as properties; other props (`id`,
 * `className`, `style`, `aria-*`…) go to the element as usual. The `ref` is the element
 * (e.g. for `reset()`).
 *
 * Events: `onProviderOpen` (`mipyme-provider-open`, a `MipymeProviderOpenEvent`: details opened
 * or a contact action), `onFeedLoad` (`mipyme-feed-load`), `onFeedError` (`mipyme-feed-error`).
 *
 * @example
 * <ProviderFinder country="DO" service="finance" onProviderOpen={(e) => track(e.detail.id, e.detail.action)} />
 */
export const ProviderFinder = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'mipyme-provider-finder',
  elementClass: MipymeProviderFinder,
  displayName: 'ProviderFinder',
  events: { ...feedEvents, ...providerOpenEvent },
});

/** The props of `<ProviderFinder>` (element properties, event handlers, and the usual HTML props). */
export type ProviderFinderProps = React.ComponentProps<typeof ProviderFinder>;
