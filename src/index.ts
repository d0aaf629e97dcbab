/**
 * npm entry (`infomipyme-widgets`): classes, event classes, types and the feed
 * API. Registers nothing; import `infomipyme-widgets/define` for that.
 */
export * from './feed/index.js';
export { FeedController, type FeedHost, type FeedControllerOptions } from './feed/controller.js';
export * from './shared/events.js';
export { configure, type PageConfig, type PartnerPages } from './shared/config.js';
export { initLocalization as setLanguage, pageLanguage, type UiLanguage } from './shared/locale.js';
export { defineElement } from './shared/define.js';
export { VERSION } from './shared/version.js';
export { MipymeToolboxBrowser } from './toolbox-browser/toolbox-browser.element.js';
export * from './toolbox-browser/catalogue.js';
export { MipymeCashFlowCalculator } from './cash-flow-calculator/cash-flow-calculator.element.js';
export * from './cash-flow-calculator/projection.js';
export * from './cash-flow-calculator/line-helpers.js';
export * from './cash-flow-calculator/regional.js';
export { MipymeBusinessPlanOutline } from './business-plan-outline/business-plan-outline.element.js';
export {
  answerKey,
  flattenSections,
  planProgress,
  planToHtml,
  planToMarkdown,
  type Answer,
  type Answers,
  type PlanDocument,
  type PlanProgress,
} from './business-plan-outline/plan-model.js';
export { MipymeProviderFinder } from './provider-finder/provider-finder.element.js';
export {
  buildDirectory,
  queryDirectory,
  distanceKm,
  type Directory,
  type DirectoryResult,
  type ProviderQuery,
  type ProviderResult,
} from './provider-finder/directory.js';
export { contactLinks, providerToVCard, type ContactLink } from './provider-finder/contact.js';
