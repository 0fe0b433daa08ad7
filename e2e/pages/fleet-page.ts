// The fleet's pages (issue 17), found by labels and roles in either language:
// the fleet sign-in with its refusals, the overview's node cards, the node picker.
import type { Locator, Page } from '@playwright/test';

export class FleetPage {
  readonly userName: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  /** The nodes that refused the fleet's credentials, each with its own sign-in. */
  readonly refusals: Locator;
  readonly goOn: Locator;
  readonly picker: Locator;
  /** The picker as shown: the node's name (antd draws it beside its input). */
  readonly pickerShows: Locator;

  constructor(readonly page: Page) {
    this.userName = page.getByLabel(/user name|用户名/i).first();
    this.password = page.getByLabel(/password|密码/i).first();
    this.submit = page.getByRole('button', { name: /^(log in|登录)$/i });
    this.refusals = page.getByRole('region', { name: /not signed in|未登录|no node|没有节点/i });
    this.goOn = page.getByRole('button', { name: /go to the console|进入控制台/i });
    this.picker = page.getByRole('combobox', { name: /^(node|节点)$/i });
    this.pickerShows = page.locator('.shell__node-picker');
  }

  async logIn(user: string, password: string): Promise<void> {
    await this.userName.fill(user);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** One node's card on the overview. */
  card(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** A figure of a node's card, by its label. */
  field(name: string, label: RegExp): Locator {
    return this.card(name).locator('dt', { hasText: label }).locator('xpath=following-sibling::dd');
  }

  /** The header's picker: the same section on another node. */
  async pick(nodeName: string): Promise<void> {
    await this.picker.click();
    await this.page.getByRole('option', { name: nodeName, exact: true }).click();
  }
}
