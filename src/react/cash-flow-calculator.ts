/**
 * `<CashFlowCalculator>`: the React component of `<mipyme-cash-flow-calculator>`.
 * Importing it registers the element (guarded).
 */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { MipymeCashFlowCalculator } from '../cash-flow-calculator/cash-flow-calculator.js';
import { cashFlowChangeEvent, feedEvents, helpOpenEvent } from './events.js';

/**
 * The month-by-month cash-flow projection, `<mipyme-cash-flow-calculator>`, as a React component.
 *
 * Props are the element's properties (`feed`, `country`, `theme`, `data`, `template`), set on
 * the element as properties; other props (`id`, `className`, `style`, `aria-*`…) go to the
 * element as usual. The `ref` is the element (e.g. for `save()`, `exportCsv()`, `print()`).
 *
 * Events: `onCashFlowChange` (`mipyme-cash-flow-change`, a `MipymeCashFlowChangeEvent`: summary
 * figures only), `onFeedLoad` (`mipyme-feed-load`), `onFeedError` (`mipyme-feed-error`).
 *
 * @example
 * <CashFlowCalculator country="SV" template="shop" onCashFlowChange={(e) => setNeed(e.detail.fundingNeeded)} />
 */
export const CashFlowCalculator = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'mipyme-cash-flow-calculator',
  elementClass: MipymeCashFlowCalculator,
  displayName: 'CashFlowCalculator',
  events: { ...feedEvents, ...cashFlowChangeEvent, ...helpOpenEvent },
});

/** The props of `<CashFlowCalculator>` (element properties, event handlers, and the usual HTML props). */
export type CashFlowCalculatorProps = React.ComponentProps<typeof CashFlowCalculator>;
