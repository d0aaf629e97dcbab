/**
 * Saving what the owner types, for the widgets that keep drafts: a short delay
 * after each change, at once when the page is hidden or closed (a phone locked,
 * a tab switched), and when the element leaves the page; the browser is asked
 * once for persistent storage; changes another tab stores are followed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onStoredChange } from './storage.js';

export interface AutosaveOptions {
  /** The storage name (under `infomipyme-widgets.`) whose changes in other tabs to follow. */
  readonly name: string;
  /** Milliseconds between the last change and the save. */
  readonly delay: number;
  /** Write now (called only when a change is pending). */
  readonly save: () => void;
  /** Another tab stored new data under `name`. */
  readonly onExternalChange: () => void;
}

export class AutosaveController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending = false;
  private persistAsked = false;
  private stopWatching: (() => void) | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: AutosaveOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stopWatching = onStoredChange(this.options.name, this.options.onExternalChange);
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('pagehide', this.flush);
  }

  hostDisconnected(): void {
    this.flush();
    this.stopWatching?.();
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('pagehide', this.flush);
  }

  /** A change was made: save it soon. */
  schedule(): void {
    this.pending = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(this.flush, this.options.delay);
    if (!this.persistAsked) {
      this.persistAsked = true;
      void navigator.storage?.persist?.().catch(() => false);
    }
  }

  /** Save now if a change is pending (`force`: even if none is). */
  flush = (force: unknown = false): void => {
    if (!this.pending && force !== true) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = false;
    this.options.save();
  };

  private onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.flush();
  };
}
