// The face libraries page, by roles and labels, in either language.
import { expect, type Locator, type Page } from '@playwright/test';
import { press, toggle, typeInto } from './libraries-keys';
import { hrefs } from '../../src/config/paths';

export class LibrariesListPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly createButton: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /face libraries|人像库/i });
    this.table = page.getByRole('table');
    this.createButton = page.getByRole('main').getByRole('button', { name: /new library|新建人像库/i });
    this.dialog = page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.page.goto(hrefs.libraries());
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /**
   * The form's dialog, once it has finished opening: the one before it gone and
   * its zoom-in over. Keys typed during the animation can land elsewhere (the
   * dialog moves focus as it settles), which no person typing would meet.
   */
  private async openedForm(): Promise<Locator> {
    await expect(this.dialog).toHaveCount(1);
    await expect(this.dialog).not.toHaveClass(/-(enter|appear)\b/);
    const name = this.dialog.getByLabel('Name');
    await expect(name).toBeFocused();
    return name;
  }

  /**
   * As a person does: wait for the last dialog to be gone before the next
   * button. While a closing modal hands focus back, an Enter can land in it.
   */
  private async noDialog(): Promise<void> {
    await expect(this.dialog).toHaveCount(0);
  }

  /** Opens the form, fills it and saves, all by keyboard. */
  async create(name: string, type: 'Blacklist' | 'Whitelist'): Promise<void> {
    await this.noDialog();
    await press(this.createButton);
    const field = await this.openedForm();
    await typeInto(field, name);
    await expect(field).toHaveValue(name);
    await toggle(this.dialog.getByRole('radio', { name: new RegExp(type) }));
    await press(this.dialog.getByRole('button', { name: 'New library' }));
  }

  async edit(name: string, newName: string, type: 'Blacklist' | 'Whitelist'): Promise<void> {
    await this.noDialog();
    await press(this.page.getByRole('button', { name: `Edit “${name}”` }));
    const field = await this.openedForm();
    await expect(field).toHaveValue(name);
    await typeInto(field, newName);
    await expect(field).toHaveValue(newName);
    await toggle(this.dialog.getByRole('radio', { name: new RegExp(type) }));
    await press(this.dialog.getByRole('button', { name: 'Save' }));
  }

  async askDelete(name: string): Promise<void> {
    await this.noDialog();
    await press(this.page.getByRole('button', { name: `Delete “${name}”` }));
  }

  async confirm(button: RegExp | string): Promise<void> {
    await press(this.page.getByRole('dialog').getByRole('button', { name: button }));
  }

  async openGallery(name: string): Promise<void> {
    await press(this.page.getByRole('link', { name, exact: true }));
  }
}
