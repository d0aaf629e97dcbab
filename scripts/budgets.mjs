// Size budgets of the cdn/ entry files, in gzip -9 bytes (issue #9), checked by `npm test`
// (tests/node/budget.test.mjs) and shown by scripts/sizes.mjs. What the budget measures is the
// file a partner pins with its integrity attribute; the parts it loads later are reported beside
// it (scripts/sizes.mjs, docs/performance.md). Raise a budget only with a reason in CHANGELOG.md.
export const KB = 1024;

/** cdn file → its budget (gzip bytes). */
export const BUDGETS = {
  'infomipyme-widgets.js': 40 * KB,
  'toolbox-browser.js': 28 * KB,
  'cash-flow-calculator.js': 28 * KB,
  'business-plan-outline.js': 28 * KB,
  'provider-finder.js': 28 * KB,
};
