/**
 * Work for later: once the page has loaded and the browser is idle (so it never competes with the
 * widgets' first content), and never when the visitor asked to save data.
 */

/** The visitor's browser asks to save data (Chromium's Save-Data / Lite mode). */
export function savesData(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    Boolean((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData)
  );
}

/** Runs `task` after the page's load event, when the browser is idle (at the latest 10 s later). */
export function whenPageIdle(task: () => void): void {
  if (typeof window === 'undefined') return;
  const idle = () => {
    const request = (window as Window & { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => void })
      .requestIdleCallback;
    if (request) request(task, { timeout: 10000 });
    else setTimeout(task, 2000);
  };
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}
