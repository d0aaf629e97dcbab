/** Entry of `cdn/toolbox-browser.js`: page setup, then `<mipyme-toolbox-browser>` only. */
import '../shared/page-setup.js';
import '../toolbox-browser/toolbox-browser.js';
import { initLocalization } from '../shared/locale.js';

void initLocalization();
