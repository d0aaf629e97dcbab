/**
 * The React prop → DOM event mappings shared by the wrappers. Each name comes
 * from its event class, so a renamed event cannot leave a wrapper behind.
 */
import type { EventName } from '@lit/react';
import {
  MipymeCashFlowChangeEvent,
  MipymeFeedErrorEvent,
  MipymeFeedLoadEvent,
  MipymeHelpOpenEvent,
  MipymePlanChangeEvent,
  MipymeProviderOpenEvent,
  MipymeToolOpenEvent,
} from '../shared/events.js';

/** Fired by every widget: `onFeedLoad` (`mipyme-feed-load`), `onFeedError` (`mipyme-feed-error`). */
export const feedEvents = {
  onFeedLoad: MipymeFeedLoadEvent.eventName as EventName<MipymeFeedLoadEvent>,
  onFeedError: MipymeFeedErrorEvent.eventName as EventName<MipymeFeedErrorEvent>,
} as const;

/** `onToolOpen` → `mipyme-tool-open`. */
export const toolOpenEvent = {
  onToolOpen: MipymeToolOpenEvent.eventName as EventName<MipymeToolOpenEvent>,
} as const;

/** `onCashFlowChange` → `mipyme-cash-flow-change`. */
export const cashFlowChangeEvent = {
  onCashFlowChange: MipymeCashFlowChangeEvent.eventName as EventName<MipymeCashFlowChangeEvent>,
} as const;

/** `onPlanChange` → `mipyme-plan-change`. */
export const planChangeEvent = {
  onPlanChange: MipymePlanChangeEvent.eventName as EventName<MipymePlanChangeEvent>,
} as const;

/** `onHelpOpen` → `mipyme-help-open` ("who can help with this", #12). */
export const helpOpenEvent = {
  onHelpOpen: MipymeHelpOpenEvent.eventName as EventName<MipymeHelpOpenEvent>,
} as const;

/** `onProviderOpen` → `mipyme-provider-open`. */
export const providerOpenEvent = {
  onProviderOpen: MipymeProviderOpenEvent.eventName as EventName<MipymeProviderOpenEvent>,
} as const;
