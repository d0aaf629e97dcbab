/**
 * The demo pages' small helpers (not part of the library): a country switcher
 * that sets `country` on the widget it controls, and a log of the widgets'
 * events so partners can see what they can listen to.
 */
for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-controls]')) {
  const target = document.getElementById(select.dataset['controls'] ?? '');
  const attribute = select.dataset['attribute'] ?? 'country';
  select.addEventListener('change', () => {
    if (select.value) target?.setAttribute(attribute, select.value);
    else target?.removeAttribute(attribute);
  });
}

const log = document.getElementById('event-log');
if (log) {
  for (const name of ['mipyme-feed-load', 'mipyme-feed-error', 'mipyme-tool-open', 'mipyme-cash-flow-change', 'mipyme-plan-change', 'mipyme-provider-open'] as const) {
    document.addEventListener(name, (event) => {
      const item = document.createElement('li');
      item.textContent = `${name} ${JSON.stringify((event as CustomEvent).detail)}`;
      log.prepend(item);
      while (log.children.length > 8) log.lastElementChild?.remove();
    });
  }
}
