/**
 * Registers `<mipyme-toolbox-browser>` (guarded). Entry of `cdn/toolbox-browser.js`
 * for pages that need only this widget.
 */
import { defineElement } from '../shared/define.js';
import { MipymeToolboxBrowser } from './toolbox-browser.element.js';

export { MipymeToolboxBrowser };

defineElement('mipyme-toolbox-browser', MipymeToolboxBrowser);

declare global {
  interface HTMLElementTagNameMap {
    'mipyme-toolbox-browser': MipymeToolboxBrowser;
  }
}
