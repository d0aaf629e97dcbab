/**
 * Side effect: registers every widget of the library (guarded, so loading it
 * twice or next to another version never throws).
 *
 * The UI language is set when the first widget connects (see shared/locale.ts),
 * so `configure({ lang })` or `<html lang>` set after this import still apply.
 */
import './toolbox-browser/toolbox-browser.js';
import './cash-flow-calculator/cash-flow-calculator.js';
import './business-plan-outline/business-plan-outline.js';
import './provider-finder/provider-finder.js';
