/**
 * Entry of `cdn/business-plan-outline.js`, for pages that need only `<mipyme-business-plan-outline>`: page setup, then the
 * widget's code, loaded as soon as its tag is on the page (shared/autoload.ts). A page that
 * carries the script in every template but shows the widget on one page downloads this small file
 * only, until it is idle.
 */
import '../shared/page-setup.js';
import { initLocalization } from '../shared/locale.js';
import { loadWhenPresent } from '../shared/autoload.js';
import { prefetchFeeds } from '../shared/prefetch-feeds.js';

loadWhenPresent({ 'mipyme-business-plan-outline': () => import('../business-plan-outline/business-plan-outline.js') });
// Its feed, while its code downloads.
prefetchFeeds(['mipyme-business-plan-outline']);

void initLocalization();
