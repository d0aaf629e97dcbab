/**
 * Waits until `check` holds (polled every 10 ms, at most `tries` times), else fails
 * naming `what`. For states reached through the network or another frame, where no
 * event says "done"; never a timing assertion.
 */
export async function until(check: () => boolean | Promise<boolean>, what: string, tries = 600): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`gave up waiting for ${what}`);
}
