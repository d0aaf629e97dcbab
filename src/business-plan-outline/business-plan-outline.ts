/**
 * Registers `<mipyme-business-plan-outline>` (guarded). Entry of
 * `cdn/business-plan-outline.js` for pages that need only this widget.
 */
import { defineElement } from '../shared/define.js';
import { MipymeBusinessPlanOutline } from './business-plan-outline.element.js';

export { MipymeBusinessPlanOutline };

defineElement('mipyme-business-plan-outline', MipymeBusinessPlanOutline);

declare global {
  interface HTMLElementTagNameMap {
    'mipyme-business-plan-outline': MipymeBusinessPlanOutline;
  }
}
