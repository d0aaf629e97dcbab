/**
 * Entry of `cdn/provider-finder.js`, for pages that need only `<mipyme-provider-finder>`: page setup, then the
 * widget's code, loaded as soon as its tag is on the page (shared/autoload.ts). A page that
 * carries the script in every template but shows the widget on one page downloads this small file
 * only, until it is idle.
 */
import '../shared/page-setup.js';
import { initLocalization } from '../shared/locale.js';
import { loadWhenPresent } from '../shared/autoload.js';
import { prefetchFeeds } from '../shared/prefetch-feeds.js';

loadWhenPresent({ 'mipyme-provider-finder': () => import('../provider-finder/provider-finder.js') });
// Its feed, while its code downloads.
prefetchFeeds(['mipyme-provider-finder']);

void initLocalization();
