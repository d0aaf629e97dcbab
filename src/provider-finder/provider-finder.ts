/**
 * Registers `<mipyme-provider-finder>` (guarded). Entry of `cdn/provider-finder.js`
 * for pages that need only this widget.
 */
import { defineElement } from '../shared/define.js';
import { MipymeProviderFinder } from './provider-finder.element.js';

export { MipymeProviderFinder };

defineElement('mipyme-provider-finder', MipymeProviderFinder);

declare global {
  interface HTMLElementTagNameMap {
    'mipyme-provider-finder': MipymeProviderFinder;
  }
}
