/** Entry of `cdn/cash-flow-calculator.js`: page setup, then `<mipyme-cash-flow-calculator>` only. */
import '../shared/page-setup.js';
import '../cash-flow-calculator/cash-flow-calculator.js';
import { initLocalization } from '../shared/locale.js';

void initLocalization();
