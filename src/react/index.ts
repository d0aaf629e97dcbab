/**
 * React entry (`infomipyme-widgets/react`): one React component per widget, made with
 * `@lit/react`. Importing a component registers its element (guarded), so
 * `import { ToolboxBrowser } from 'infomipyme-widgets/react'` is all a React app needs.
 *
 * Needs the optional peer dependencies `react` (17 or later) and `@lit/react`; the core
 * entry (`infomipyme-widgets`) never imports them. The components render in the browser
 * only: see docs/react.md for server rendering (Next.js `'use client'`).
 *
 * Each widget has its own module, so a bundler that honours `sideEffects` keeps only the
 * widgets whose component the app uses.
 */
export { ToolboxBrowser, type ToolboxBrowserProps } from './toolbox-browser.js';
export { CashFlowCalculator, type CashFlowCalculatorProps } from './cash-flow-calculator.js';
export { BusinessPlanOutline, type BusinessPlanOutlineProps } from './business-plan-outline.js';
export { ProviderFinder, type ProviderFinderProps } from './provider-finder.js';
export type {
  CashFlowChangeDetail,
  FeedErrorDetail,
  FeedLoadDetail,
  MipymeCashFlowChangeEvent,
  MipymeFeedErrorEvent,
  MipymeFeedLoadEvent,
  MipymePlanChangeEvent,
  MipymeProviderOpenEvent,
  MipymeToolOpenEvent,
  PlanChangeDetail,
  ProviderOpenDetail,
  ToolOpenDetail,
} from '../shared/events.js';
