// The cameras page (list, computing power, add / edit drawer, relays), found
// by roles and labels in either language. Locators and actions only.
import type { Locator, Page } from '@playwright/test';
import { hrefs } from '../../src/config/paths';

export type KindLabel = 'RTSP video' | 'ONVIF video' | 'GB28181 video' | 'Capture camera';

export class CamerasPage {
  readonly heading: Locator;
  readonly addButton: Locator;
  /** "Computing power: 8 of 16 used" (its accessible name). */
  readonly gauge: Locator;
  readonly costs: Locator;
  readonly form: Locator;
  readonly drawer: Locator;
  readonly camerasTab: Locator;
  readonly relaysTab: Locator;
  readonly confirmDialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /^(Cameras|相机)$/ });
    this.addButton = page.getByRole('button', { name: /^(plus )?(Add camera|添加相机)$/ });
    this.gauge = page.getByRole('group', { name: /^(Computing power|算力使用情况)/ });
    this.costs = page.getByRole('list', { name: /One more camera costs|再添加一台的开销/ });
    this.form = page.getByRole('form', { name: /Camera settings|相机设置/ });
    this.drawer = page.getByRole('dialog').filter({ has: this.form });
    this.camerasTab = page.getByRole('tab', { name: /^(Cameras|相机)$/ });
    this.relaysTab = page.getByRole('tab', { name: /^(Relays|继电器)$/ });
    this.confirmDialog = page
      .getByRole('dialog')
      .filter({ has: page.getByRole('button', { name: /^(Delete|删除|Unbind|解除绑定|Discard changes|放弃修改)$/ }) });
  }

  async goto(search = ''): Promise<void> {
    await this.page.goto(`${hrefs.cameras()}${search}`);
  }

  /** The table row of a camera, by its name (below xl its cell also holds kind and position). */
  row(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('cell').getByText(name, { exact: true }) });
  }

  /** The row of a channel, by its number in the first cell. */
  channelRow(channel: number): Locator {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: String(channel), exact: true }) })
      .first();
  }

  field(label: string | RegExp): Locator {
    return this.form.getByLabel(label, { exact: typeof label === 'string' });
  }

  async chooseKind(kind: KindLabel): Promise<void> {
    // The radio input itself is hidden under its button-like label: click the label's text.
    await this.form
      .getByRole('radiogroup', { name: /Kind of camera|相机类型/ })
      .getByText(kind)
      .click();
  }

  async fill(fields: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(fields)) await this.field(label).fill(value);
  }

  submitButton(): Locator {
    // While sending, the name also holds the spinner's label.
    return this.form.getByRole('button', { name: /(^|\s)(Add|Save|添加|保存)$/ });
  }

  async openAdd(): Promise<void> {
    await this.addButton.click();
  }

  /** Picks in a select field by typing, then Enter (antd's visible options are not the accessible ones). */
  async pick(label: string, search: string): Promise<void> {
    const field = this.field(label);
    await field.click();
    await field.fill(search);
    await field.press('Enter');
  }

  async deleteCamera(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Delete camera “${name}”` }).click();
    await this.confirmDialog.getByRole('button', { name: /^(Delete|删除)$/ }).click();
  }
}
