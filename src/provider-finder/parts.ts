/**
 * The provider finder's lazy parts (see shared/parts.ts): code needed only after a click, loaded
 * then rather than with the widget.
 *
 * - `details`: a provider's details dialog and its vCard ("Add to contacts") — when someone first
 *   opens a provider's details.
 * - `share`: "Send my plan" (share-dialog.ts), with the saved plans and projections and the
 *   printable plan — when the owner first opens it from a provider's card.
 */
import { lazyPart } from '../shared/parts.js';

export const details = lazyPart(() => import('./details.js'));
export const share = lazyPart(() => import('./share-dialog.js'));
