/**
 * Entry of `cdn/infomipyme-widgets.js`, the file partners load with one tag:
 *
 *   <script type="module" src="…/cdn/infomipyme-widgets.js"
 *           data-mipyme-feed="https://…/feed.json"></script>
 *
 * Reads the page-wide defaults from its own script tag (`data-mipyme-feed`,
 * `data-mipyme-lang`, `data-mipyme-country`, `data-mipyme-theme`), then loads
 * the code of each widget whose tag is on the page (the others once the page
 * is idle: see shared/autoload.ts). The import order matters: setup first.
 * (`import './define.js'` — every widget at once — is the npm build's way.)
 */
import './shared/page-setup.js';
import { initLocalization } from './shared/locale.js';
import { loadWhenPresent } from './shared/autoload.js';
import { prefetchFeeds } from './shared/prefetch-feeds.js';

const widgets = {
  'mipyme-toolbox-browser': () => import('./toolbox-browser/toolbox-browser.js'),
  'mipyme-cash-flow-calculator': () => import('./cash-flow-calculator/cash-flow-calculator.js'),
  'mipyme-business-plan-outline': () => import('./business-plan-outline/business-plan-outline.js'),
  'mipyme-provider-finder': () => import('./provider-finder/provider-finder.js'),
};
loadWhenPresent(widgets);
// The feed of the widgets on the page, while their code downloads.
prefetchFeeds(Object.keys(widgets));

void initLocalization();
