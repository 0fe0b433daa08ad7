// The login page, found the way a user finds it: by its labels, in either language.
import type { Locator, Page } from '@playwright/test';
import { paths, PARAMS } from '../../src/config/paths';

export class LoginPage {
  readonly userName: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  /** The device's refusal or the network failure, in words. */
  readonly failure: Locator;
  /** "Your session has expired" after a -141. */
  readonly expiredNotice: Locator;
  readonly languages: Locator;

  constructor(readonly page: Page) {
    this.userName = page.getByLabel(/user name|用户名/i);
    this.password = page.getByLabel(/password|密码/i);
    this.submit = page.getByRole('button', { name: /log in|登录/i });
    this.failure = page.getByRole('alert');
    this.expiredNotice = page.getByRole('status').filter({ hasText: /expired|过期/i });
    this.languages = page.getByRole('group', { name: /language|语言/i });
  }

  async goto(next?: string): Promise<void> {
    await this.page.goto(next ? `${paths.login}?${PARAMS.login.next}=${encodeURIComponent(next)}` : paths.login);
  }

  /** Fills the form and submits it with Enter, as most people do. */
  async logIn(user: string, password: string): Promise<void> {
    await this.userName.fill(user);
    await this.password.fill(password);
    await this.password.press('Enter');
  }

  async chooseLanguage(name: '中文' | 'English'): Promise<void> {
    await this.languages.getByRole('button', { name }).click();
  }
}
