// The dialog that asks for the password over the page after the device ended
// the session. Locators and actions only.
import type { Locator, Page } from '@playwright/test';
import { createClient } from '../../src/api/client';
import { logout } from '../../src/api/protocol';

export class ReauthDialog {
  readonly dialog: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly otherUser: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /Log in again to continue|请重新登录以继续/ });
    this.password = this.dialog.getByLabel(/^(Password|密码)$/);
    this.submit = this.dialog.getByRole('button', { name: /^(Log in and continue|登录并继续)$/ });
    this.otherUser = this.dialog.getByRole('button', { name: /another user|其他用户/ });
  }

  async logIn(password: string): Promise<void> {
    await this.password.fill(password);
    await this.submit.click();
  }
}

/** Ends the browser's session from outside, as 30 idle minutes or a restart would (this session only). */
export async function endBrowserSession(page: Page, deviceUrl: string): Promise<void> {
  const sessionId = await page.evaluate(
    () => (JSON.parse(sessionStorage.getItem('nebula.session') ?? '{}') as { state?: { sessionId?: string } }).state?.sessionId ?? null,
  );
  if (!sessionId) throw new Error('the page has no session to end');
  await createClient({ baseUrl: deviceUrl, getSession: () => sessionId })(logout, {});
}
