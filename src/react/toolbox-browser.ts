/**
 * `<ToolboxBrowser>`: the React component of `<mipyme-toolbox-browser>`.
 * Importing it registers the element (guarded).
 */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { MipymeToolboxBrowser } from '../toolbox-browser/toolbox-browser.js';
import { feedEvents, toolOpenEvent, helpOpenEvent } from './events.js';

/**
 * The catalogue of management tools, `<mipyme-toolbox-browser>`, as a React component.
 *
 * Props are the element's properties (`feed`, `country`, `theme`, `data`, `topic`, `type`,
 * `audience`, `pageSize`, `withoutSearch`, `withoutFilters`, `syncUrl`), set on the element
 * as properties; other props (`id`, `className`, `style`, `aria-*`…) go to the element as usual.
 * The `ref` is the element (e.g. for `reset()`).
 *
 * Events: `onToolOpen` (`mipyme-tool-open`, a `MipymeToolOpenEvent`), `onFeedLoad`
 * (`mipyme-feed-load`), `onFeedError` (`mipyme-feed-error`).
 *
 * @example
 * <ToolboxBrowser country="GT" feed="/feed.json" onToolOpen={(e) => track(e.detail.id)} />
 */
export const ToolboxBrowser = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'mipyme-toolbox-browser',
  elementClass: MipymeToolboxBrowser,
  displayName: 'ToolboxBrowser',
  events: { ...feedEvents, ...toolOpenEvent, ...helpOpenEvent },
});

/** The props of `<ToolboxBrowser>` (element properties, event handlers, and the usual HTML props). */
export type ToolboxBrowserProps = React.ComponentProps<typeof ToolboxBrowser>;
