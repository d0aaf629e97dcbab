/**
 * `<BusinessPlanOutline>`: the React component of `<mipyme-business-plan-outline>`.
 * Importing it registers the element (guarded).
 */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { MipymeBusinessPlanOutline } from '../business-plan-outline/business-plan-outline.js';
import { feedEvents, planChangeEvent, toolOpenEvent, helpOpenEvent } from './events.js';

/**
 * The business-plan writer, `<mipyme-business-plan-outline>`, as a React component.
 *
 * Props are the element's properties (`feed`, `country`, `theme`, `data`, `outline`), set on
 * the element as properties; other props (`id`, `className`, `style`, `aria-*`…) go to the
 * element as usual. The `ref` is the element (e.g. for `save()`, `exportMarkdown()`, `print()`).
 *
 * Events: `onPlanChange` (`mipyme-plan-change`, a `MipymePlanChangeEvent`: progress figures
 * only), `onToolOpen` (`mipyme-tool-open`, a tool linked from a section), `onFeedLoad`
 * (`mipyme-feed-load`), `onFeedError` (`mipyme-feed-error`).
 *
 * @example
 * <BusinessPlanOutline country="HN" onPlanChange={(e) => setProgress(e.detail.percent)} />
 */
export const BusinessPlanOutline = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'mipyme-business-plan-outline',
  elementClass: MipymeBusinessPlanOutline,
  displayName: 'BusinessPlanOutline',
  events: { ...feedEvents, ...planChangeEvent, ...toolOpenEvent, ...helpOpenEvent },
});

/** The props of `<BusinessPlanOutline>` (element properties, event handlers, and the usual HTML props). */
export type BusinessPlanOutlineProps = React.ComponentProps<typeof BusinessPlanOutline>;
