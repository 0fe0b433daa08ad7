// The relays tab of the cameras page: bindings, the bind form, unbinding.
import type { Locator, Page } from '@playwright/test';

export class CamerasRelays {
  readonly bindButton: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.bindButton = page.getByRole('button', { name: /Bind a relay|绑定继电器/ });
    this.form = page.getByRole('form', { name: /Bind a relay|绑定继电器/ });
  }

  row(relayName: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('cell', { name: relayName, exact: true }) });
  }

  /** Types into the camera picker and takes the first match, as a keyboard user does. */
  async chooseCamera(search: string): Promise<void> {
    const picker = this.form.getByLabel(/^(Camera|相机)$/);
    await picker.click();
    await picker.fill(search);
    await picker.press('Enter');
  }

  async fill(fields: { ip?: string; port?: string; name?: string }): Promise<void> {
    if (fields.ip !== undefined) await this.form.getByLabel(/Relay IP|继电器 IP/).fill(fields.ip);
    if (fields.port !== undefined) await this.form.getByLabel(/Relay port|继电器端口/).fill(fields.port);
    if (fields.name !== undefined) await this.form.getByLabel(/Relay name|继电器名称/).fill(fields.name);
  }

  submitButton(): Locator {
    return this.page
      .getByRole('dialog')
      .filter({ has: this.form })
      .getByRole('button', { name: /^(Bind|绑定)$/ });
  }

  async unbind(relayName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Unbind relay “${relayName}”` }).click();
    await this.page
      .getByRole('dialog')
      .getByRole('button', { name: /^(Unbind|解除绑定)$/ })
      .click();
  }
}
