/**
 * The provider finder's lazy parts (see shared/parts.ts): code needed only after a click, loaded
 * then rather than with the widget.
 *
 * - `details`: a provider's details dialog and its vCard ("Add to contacts") — when someone first
 *   opens a provider's details.
 */
import { lazyPart } from '../shared/parts.js';

export const details = lazyPart(() => import('./details.js'));
