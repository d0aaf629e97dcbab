/**
 * Type-level checks of the React wrappers (`tsc --noEmit -p .`, part of `npm test`; never
 * run in the browser). A line marked `@ts-expect-error` fails the type-check when it compiles.
 */
import * as React from 'react';
import {
  BusinessPlanOutline,
  CashFlowCalculator,
  ProviderFinder,
  ToolboxBrowser,
  type CashFlowChangeDetail,
  type FeedErrorDetail,
  type FeedLoadDetail,
  type PlanChangeDetail,
  type ProviderFinderProps,
  type ProviderOpenDetail,
  type ToolOpenDetail,
  type ToolboxBrowserProps,
} from '../../src/react/index.js';
import type { MipymeToolboxBrowser } from '../../src/toolbox-browser/toolbox-browser.element.js';
import type { MipymeCashFlowCalculator } from '../../src/cash-flow-calculator/cash-flow-calculator.element.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

/** The event each handler receives, by component and prop. */
type Handled<P, K extends keyof P> = NonNullable<P[K]> extends (event: infer E) => void ? E : never;

export const eventTypes = [
  assertType<Equal<Handled<ToolboxBrowserProps, 'onToolOpen'>['detail'], ToolOpenDetail>>(),
  assertType<Equal<Handled<ToolboxBrowserProps, 'onFeedLoad'>['detail'], FeedLoadDetail>>(),
  assertType<Equal<Handled<ToolboxBrowserProps, 'onFeedError'>['detail'], FeedErrorDetail>>(),
  assertType<Equal<Handled<React.ComponentProps<typeof CashFlowCalculator>, 'onCashFlowChange'>['detail'], CashFlowChangeDetail>>(),
  assertType<Equal<Handled<React.ComponentProps<typeof BusinessPlanOutline>, 'onPlanChange'>['detail'], PlanChangeDetail>>(),
  assertType<Equal<Handled<React.ComponentProps<typeof BusinessPlanOutline>, 'onToolOpen'>['detail'], ToolOpenDetail>>(),
  assertType<Equal<Handled<ProviderFinderProps, 'onProviderOpen'>['detail'], ProviderOpenDetail>>(),
  assertType<Equal<NonNullable<ToolboxBrowserProps['theme']>, 'light' | 'dark' | 'auto'>>(),
];

export function usage(feed: object): React.ReactElement[] {
  const toolbox = React.createRef<MipymeToolboxBrowser>();
  return [
    React.createElement(ToolboxBrowser, {
      ref: toolbox,
      country: 'GT',
      theme: 'dark',
      data: feed,
      pageSize: 6,
      withoutFilters: true,
      className: 'catalogue',
      id: 'tools',
      onToolOpen: (event) => console.log(event.detail.id, event.detail.url),
      onFeedLoad: (event) => console.log(event.detail.source, event.detail.issueCount),
      onFeedError: (event) => console.log(event.detail.code),
    }),
    React.createElement(CashFlowCalculator, {
      ref: React.createRef<MipymeCashFlowCalculator>(),
      feed: '/feed.json',
      template: 'shop',
      onCashFlowChange: (event) => console.log(event.detail.fundingNeeded),
    }),
    React.createElement(BusinessPlanOutline, {
      outline: 'short',
      onPlanChange: (event) => console.log(event.detail.percent),
      onToolOpen: (event) => console.log(event.detail.widget),
    }),
    React.createElement(ProviderFinder, {
      region: 'SV-SS',
      withoutLocation: true,
      onProviderOpen: (event) => console.log(event.detail.action),
    }),
  ];
}

export function mistakes(): React.ReactElement[] {
  return [
    // @ts-expect-error the toolbox has no plan events
    React.createElement(ToolboxBrowser, { onPlanChange: () => {} }),
    // @ts-expect-error a theme the widgets do not have
    React.createElement(ToolboxBrowser, { theme: 'blue' }),
    // @ts-expect-error pageSize is a number
    React.createElement(ProviderFinder, { pageSize: '10' }),
    // @ts-expect-error the handler receives a MipymeToolOpenEvent, whose detail has no `serviceIds`
    React.createElement(ToolboxBrowser, { onToolOpen: (event) => event.detail.serviceIds }),
    // @ts-expect-error the provider finder fires no tool events
    React.createElement(ProviderFinder, { onToolOpen: () => {} }),
    // @ts-expect-error the calculator fires no tool events
    React.createElement(CashFlowCalculator, { onToolOpen: () => {} }),
  ];
}
