// Keyboard-only actions for the library specs: every control is reached by
// focus and worked with the keys a keyboard user has (Enter, Space, arrows).
import type { Locator } from '@playwright/test';

/** A button or link: focus, Enter. */
export async function press(target: Locator): Promise<void> {
  await target.focus();
  await target.press('Enter');
}

/** A checkbox or radio: focus, Space. */
export async function toggle(target: Locator): Promise<void> {
  await target.focus();
  await target.press('Space');
}

/** A text field: focus, empty it, type. */
export async function typeInto(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.fill('');
  if (text) await field.pressSequentially(text);
}

/**
 * An antd Select: focus its combobox, open it with ArrowDown, then ArrowDown
 * until the active option (aria-activedescendant) is the wanted one, Enter.
 */
export async function choose(combobox: Locator, option: string): Promise<void> {
  await combobox.focus();
  await combobox.press('ArrowDown');
  const page = combobox.page();
  for (let i = 0; i < 12; i++) {
    const id = await combobox.getAttribute('aria-activedescendant');
    if (id) {
      const active = page.locator(`[id="${id}"]`);
      const label = (await active.getAttribute('aria-label')) ?? (await active.textContent()) ?? '';
      if (label.trim() === option) {
        await combobox.press('Enter');
        return;
      }
    }
    await combobox.press('ArrowDown');
  }
  throw new Error(`option ${option} not found`);
}
