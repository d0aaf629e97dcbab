/**
 * The browser's storage failing as it does in the field: full (quota reached) or
 * blocked (private mode, cookies disabled, a sandboxed frame). Each returns a
 * function that puts things back.
 */
import { STORAGE_PREFIX } from '../../src/shared/storage.js';

/** Every write of the library's keys throws QuotaExceededError. */
export function fillStorage(): () => void {
  const original = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key: string, value: string) {
    if (key.startsWith(STORAGE_PREFIX)) throw new DOMException('full', 'QuotaExceededError');
    return original.call(this, key, value);
  };
  return () => {
    Storage.prototype.setItem = original;
  };
}

/** Reading `window.localStorage` itself throws SecurityError, as with cookies disabled. */
export function blockStorage(): () => void {
  const descriptor = Object.getOwnPropertyDescriptor(window, 'localStorage');
  if (!descriptor?.configurable) throw new Error('window.localStorage cannot be replaced here');
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
  return () => Object.defineProperty(window, 'localStorage', descriptor);
}
