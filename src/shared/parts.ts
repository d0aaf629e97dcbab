/**
 * Lazy parts: code a widget needs only after a click (exports, printing, a panel that opens),
 * loaded by a plain `import('./x.js')` the first time it is needed, so it is not in the bytes
 * that stand between the page and the widget's first content.
 *
 * In cdn/ each part is a file of its own, checked against the sha384 its entry carries and
 * fetched ahead at idle time for offline use (scripts/rollup-parts.mjs); in dist/ (npm) the
 * native `import()` loads the module. Either way a load can fail — offline before the part was
 * ever fetched, or an integrity mismatch — so:
 *
 * - `lazyPart(() => import('./x.js'))` loads once and remembers the module; a failed load is
 *   forgotten, so the next use tries again. Once loaded, `part.loaded` gives the module at once,
 *   and the code that uses it runs synchronously, as before the split.
 * - `PartsController` is what an element uses around a click that needs a part: while the part
 *   loads, the action is busy (the element shows its button as `aria-busy`, with "Preparing…");
 *   when it fails, the element shows `partFailedText()`. Nothing the owner typed depends on a
 *   part: it stays on screen and in storage; the next click retries.
 *
 * Write the specifier as a literal (`import('./export.js')`), in the widget's own folder: the
 * build follows literal specifiers only.
 */
import type { ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';

export interface LazyPart<T> {
  /** The module once loaded, else undefined. */
  readonly loaded: T | undefined;
  /** Load the module (once; a failure is forgotten, so the next call retries). */
  load(): Promise<T>;
  /**
   * Test seam: load through `importer` from now on (e.g. one that fails), as if never loaded.
   * Returns the function that puts the real importer back (also as if never loaded).
   */
  useImporter(importer: () => Promise<T>): () => void;
}

/** A part loaded by `importer` (`() => import('./x.js')`) on first use. */
export function lazyPart<T>(importer: () => Promise<T>): LazyPart<T> {
  const original = importer;
  let current = importer;
  let pending: Promise<T> | undefined;
  let loaded: T | undefined;
  const forget = () => {
    pending = undefined;
    loaded = undefined;
  };
  return {
    get loaded() {
      return loaded;
    },
    load() {
      if (!pending) {
        const attempt = current().then(
          (module) => {
            // A reset while loading (useImporter) leaves this attempt unremembered.
            if (pending === attempt) loaded = module;
            return module;
          },
          (error: unknown) => {
            if (pending === attempt) pending = undefined;
            throw error;
          },
        );
        pending = attempt;
      }
      return pending;
    },
    useImporter(replacement) {
      current = replacement;
      forget();
      return () => {
        current = original;
        forget();
      };
    },
  };
}

/** The text an action's button shows while its part loads. */
export function preparingText(): string {
  return msg('Preparing…');
}

/** The message shown when a part could not be loaded. */
export function partFailedText(): string {
  return msg('This part of the tool could not be loaded. Check your connection and try again: nothing you typed was lost.');
}

/**
 * The state of the actions of one element that wait for a part: which are busy, and which one
 * failed last. The host re-renders on each change.
 */
export class PartsController {
  private readonly waiting = new Set<string>();
  private failedAction: string | undefined;

  constructor(private readonly host: Pick<ReactiveControllerHost, 'requestUpdate'>) {}

  /** Whether `action` waits for its part now. */
  busy(action: string): boolean {
    return this.waiting.has(action);
  }

  /** The action whose part failed to load last (cleared by the next attempt of any action). */
  get failed(): string | undefined {
    return this.failedAction;
  }

  /** Forget the failure message (e.g. when the owner closes it). */
  dismiss(): void {
    if (this.failedAction === undefined) return;
    this.failedAction = undefined;
    this.host.requestUpdate();
  }

  /**
   * Run `then` with the part's module: at once when it is loaded, else after loading it, the
   * action shown busy meanwhile. Resolves to what `then` returned, or undefined when the part
   * could not be loaded (the failure is shown) or the action was already waiting.
   */
  async run<T, R>(action: string, part: LazyPart<T>, then: (module: T) => R): Promise<R | undefined> {
    const ready = part.loaded;
    if (ready !== undefined) {
      if (this.failedAction !== undefined) this.dismiss();
      return then(ready);
    }
    if (this.waiting.has(action)) return undefined;
    this.waiting.add(action);
    this.failedAction = undefined;
    this.host.requestUpdate();
    let module: T;
    try {
      module = await part.load();
    } catch (error) {
      this.waiting.delete(action);
      this.failedAction = action;
      this.host.requestUpdate();
      console.warn('infomipyme-widgets: a part of the widget could not be loaded.', error);
      return undefined;
    }
    this.waiting.delete(action);
    this.host.requestUpdate();
    return then(module);
  }
}
