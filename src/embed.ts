/**
 * Entry of `cdn/infomipyme-widgets.js`, the file partners load with one tag:
 *
 *   <script type="module" src="…/cdn/infomipyme-widgets.js"
 *           data-mipyme-feed="https://…/feed.json"></script>
 *
 * Reads the page-wide defaults from its own script tag (`data-mipyme-feed`,
 * `data-mipyme-lang`, `data-mipyme-country`, `data-mipyme-theme`), then
 * registers every widget. The import order matters: setup first.
 */
import './shared/page-setup.js';
import './define.js';
import { initLocalization } from './shared/locale.js';

void initLocalization();
