/**
 * The names the widgets store their work under (see storage.ts), in a module of their own: a widget
 * that only asks whether another one saved something (the finder's "Send my plan") imports these,
 * not the stores' code.
 */

/** The business-plan widget's plans (plan-store.ts). */
export const PLANS_STORAGE_NAME = 'business-plan.plans';

/** The cash-flow calculator's projections (drafts.ts). */
export const DRAFTS_STORAGE_NAME = 'cash-flow.drafts';
