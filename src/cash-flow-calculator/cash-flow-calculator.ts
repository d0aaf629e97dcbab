/**
 * Registers `<mipyme-cash-flow-calculator>` (guarded). Entry of
 * `cdn/cash-flow-calculator.js` for pages that need only this widget.
 */
import { defineElement } from '../shared/define.js';
import { MipymeCashFlowCalculator } from './cash-flow-calculator.element.js';

export { MipymeCashFlowCalculator };

defineElement('mipyme-cash-flow-calculator', MipymeCashFlowCalculator);

declare global {
  interface HTMLElementTagNameMap {
    'mipyme-cash-flow-calculator': MipymeCashFlowCalculator;
  }
}
