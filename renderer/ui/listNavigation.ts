import type { KeyboardEvent } from 'react';

/**
 * Arrow keys, Home and End move focus between the items of a list (elements carrying
 * `data-nav-item`), so a list can be walked without the mouse. Returns true when it moved.
 */
export function moveFocusInList(event: KeyboardEvent<HTMLElement>): boolean {
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-nav-item]')];
  if (items.length === 0) return false;
  const index = items.findIndex((item) => item === document.activeElement);
  let next: number;
  switch (event.key) {
    case 'ArrowDown':
      next = index < 0 ? 0 : Math.min(items.length - 1, index + 1);
      break;
    case 'ArrowUp':
      next = index < 0 ? 0 : Math.max(0, index - 1);
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = items.length - 1;
      break;
    default:
      return false;
  }
  event.preventDefault();
  items[next]?.focus();
  return true;
}

export function focusFirstItem(container: HTMLElement | null): void {
  const preferred =
    container?.querySelector<HTMLElement>('[data-nav-item][aria-current="true"]') ??
    container?.querySelector<HTMLElement>('[data-nav-item]');
  preferred?.focus();
}
