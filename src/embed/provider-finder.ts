/** Entry of `cdn/provider-finder.js`: page setup, then `<mipyme-provider-finder>` only. */
import '../shared/page-setup.js';
import '../provider-finder/provider-finder.js';
import { initLocalization } from '../shared/locale.js';

void initLocalization();
