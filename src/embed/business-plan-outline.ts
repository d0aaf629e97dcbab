/** Entry of `cdn/business-plan-outline.js`: page setup, then `<mipyme-business-plan-outline>` only. */
import '../shared/page-setup.js';
import '../business-plan-outline/business-plan-outline.js';
import { initLocalization } from '../shared/locale.js';

void initLocalization();
