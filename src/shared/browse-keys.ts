/**
 * A closed <select> changes its value, and fires `change`, at every arrow key (Chrome, Edge and
 * Firefox on Windows and Linux). A list whose choice *starts* something (a new projection, a new
 * plan) must not start one per key: these keys only browse it, and Enter or the button next to
 * it starts the one shown (WCAG 3.2.2 On Input). A pick with the mouse, a tap or a screen reader's
 * list still starts at once.
 */
export function isBrowseKey(event: KeyboardEvent): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey) return false;
  const key = event.key;
  return key.startsWith('Arrow') || key.startsWith('Page') || key === 'Home' || key === 'End' || key.length === 1;
}
