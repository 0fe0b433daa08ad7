// Issue 14, "screens that cut off": every page at a landscape tablet, a tablet
// held upright and a phone, in both languages. On each page the controls a
// user needs (buttons, links, inputs, tabs, table action cells, the title)
// must lie inside the viewport and not be cut by a scrolling or clipping box,
// the page must not be wider than the screen, and titles, labels, buttons and
// placeholders must not be truncated or broken mid-word. At the phone size a
// table may scroll sideways (its rows are readable there) as long as its
// action column stays in view. VIEWPORT_SHOTS=<dir> keeps a screenshot of each
// page, for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { hrefs } from '../../src/config/paths';
import { listLibraries } from '../../src/api/protocol';
import { SYSTEM_TABS } from '../../src/features/system/system-tabs';
import { DEMO_PASSWORD, DEMO_USER, expect, test } from '../fixtures';
import { blankPhoto } from '../pages/libraries-data';
import { LoginPage } from '../pages/login-page';
import { WallDevice } from '../pages/alarm-wall-device';

interface Size {
  name: string;
  width: number;
  height: number;
  phone: boolean;
}
const SIZES: Size[] = [
  { name: 'tablet-landscape', width: 1024, height: 768, phone: false },
  { name: 'tablet-portrait', width: 768, height: 1024, phone: false },
  { name: 'phone', width: 390, height: 844, phone: true },
];
const LOCALES = ['en-US', 'zh-CN'] as const;

/** What the audit found wrong on one page, in words (empty: nothing). */
function audit(phone: boolean): string[] {
  const vw = document.documentElement.clientWidth;
  const problems: string[] = [];
  const name = (el: Element): string => {
    const label = el.getAttribute('aria-label') ?? el.getAttribute('placeholder') ?? (el.textContent ?? '').trim();
    const cls = typeof el.className === 'string' ? el.className.split(' ')[0] : '';
    return `<${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}> "${label.slice(0, 40)}"`;
  };
  const shown = (el: Element): boolean => {
    if (el.getClientRects().length === 0) return false;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return false;
    if (el.closest('[aria-hidden="true"], .visually-hidden, .ant-tabs-nav-operations, [hidden]')) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.opacity !== '0';
  };

  const docWidth = document.documentElement.scrollWidth;
  if (docWidth > vw + 1) problems.push(`page is ${docWidth}px wide in a ${vw}px viewport`);

  // Controls and titles: inside the viewport and not cut by a box that clips or scrolls.
  const controls = document.querySelectorAll(
    'h1, h2, button, a[href], input:not([type=hidden]):not([type=file]), textarea, [role=tab], [role=switch], .ant-select, .ant-table-tbody td:last-child',
  );
  for (const el of controls) {
    if (!shown(el)) continue;
    // antd's tab strip moves the tabs that do not fit into its "more" menu.
    if (el.closest('.ant-tabs-nav-wrap, .ant-table-placeholder')) continue;
    // A row-selection checkbox is drawn by its wrapper.
    if (el.matches('input') && getComputedStyle(el).opacity === '0') continue;
    const r = el.getBoundingClientRect();
    let left = Math.max(r.left, 0);
    let right = Math.min(r.right, vw);
    let clipper: Element | null = null;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const ox = getComputedStyle(a).overflowX;
      if (ox === 'visible') continue;
      // On a phone a table may scroll sideways, its action column fixed in view.
      if (phone && a.matches('.ant-table-content, .ant-table-body, .ant-table-header') && !el.matches('td:last-child, td:last-child *'))
        continue;
      const ar = a.getBoundingClientRect();
      const aLeft = ar.left + a.clientLeft;
      const aRight = aLeft + a.clientWidth;
      // A box of no width is a collapsed menu or panel: hidden on purpose, opened by its button.
      if (a.clientWidth === 0) {
        left = right = NaN;
        break;
      }
      if (aLeft > left || aRight < right) clipper = clipper ?? a;
      left = Math.max(left, aLeft);
      right = Math.min(right, aRight);
    }
    if (Number.isNaN(left)) continue;
    // Up and down a box may scroll; one that clips (a card of fixed height) must hold its controls whole.
    let top = r.top;
    let bottom = r.bottom;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const oy = getComputedStyle(a).overflowY;
      if (oy !== 'hidden' && oy !== 'clip') continue;
      if (a.clientHeight === 0) {
        top = bottom = NaN;
        break;
      }
      const ar = a.getBoundingClientRect();
      const aTop = ar.top + a.clientTop;
      top = Math.max(top, aTop);
      bottom = Math.min(bottom, aTop + a.clientHeight);
    }
    if (Number.isNaN(top)) continue;
    if (bottom - top < r.height - 2) {
      problems.push(
        `${name(el)} shows ${Math.max(0, Math.round(bottom - top))} of ${Math.round(r.height)}px in height (y ${Math.round(r.top)}..${Math.round(r.bottom)})`,
      );
    }
    if (right - left < r.width - 2) {
      problems.push(
        `${name(el)} shows ${Math.max(0, Math.round(right - left))} of ${Math.round(r.width)}px (x ${Math.round(r.left)}..${Math.round(r.right)}` +
          `${clipper ? `, cut by ${name(clipper).slice(0, 40)}` : ''})`,
      );
    }
  }

  // Text: no words cut by an ellipsis where the words are the meaning.
  const words =
    'h1, h2, h3, button, [role=tab], th, label, .ant-form-item-label, .ant-select-selection-placeholder, .ant-statistic-title, .device-summary *';
  for (const el of document.querySelectorAll(words)) {
    if (!shown(el) || el.closest('.ant-tabs-nav-wrap')) continue;
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
      problems.push(`${name(el)} is cut: ${el.scrollWidth}px of text in ${el.clientWidth}px`);
    }
  }
  // Elsewhere an ellipsis is fine when the whole text is a hover away.
  for (const el of document.querySelectorAll('*')) {
    if (el.children.length > 0 || !shown(el)) continue;
    const s = getComputedStyle(el);
    if (s.textOverflow !== 'ellipsis' || el.scrollWidth <= el.clientWidth + 1) continue;
    if (el.closest('[title], .ant-tabs-nav-wrap, .ant-select-selector')) continue;
    problems.push(`${name(el)} ends in an ellipsis with no title`);
  }

  // Words broken across lines ("Rec/ords") in titles, buttons and labels.
  for (const el of document.querySelectorAll('h1, h2, h3, button, th, label, [role=tab]')) {
    if (!shown(el)) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (const m of (n.textContent ?? '').matchAll(/[A-Za-z0-9][A-Za-z0-9'’-]{2,}/g)) {
        const range = document.createRange();
        range.setStart(n, m.index);
        range.setEnd(n, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map((x) => Math.round(x.top)));
        if (tops.size > 1) problems.push(`${name(el)} breaks the word "${m[0]}" across lines`);
      }
    }
  }

  // Placeholders longer than their input.
  const canvas = document.createElement('canvas').getContext('2d')!;
  for (const el of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
    if (!shown(el) || el.value || !el.placeholder) continue;
    const s = getComputedStyle(el);
    canvas.font = `${s.fontSize} ${s.fontFamily}`;
    const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    const need = canvas.measureText(el.placeholder).width;
    if (need > room + 1) problems.push(`placeholder "${el.placeholder}" needs ${Math.round(need)}px, has ${Math.round(room)}px`);
  }
  return [...new Set(problems)];
}

async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.ant-skeleton, .ant-spin-spinning, .ant-table-placeholder .ant-spin')).toHaveCount(0, { timeout: 30_000 });
  // Wait for fonts and the last layout pass (antd measures tabs and ellipses after paint).
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
}

for (const size of SIZES) {
  for (const locale of LOCALES) {
    test.describe(`${size.name} ${locale}`, () => {
      test.use({ viewport: { width: size.width, height: size.height }, hasTouch: true, locale });

      test(`every page fits ${size.width}×${size.height} in ${locale} @viewports`, async ({ page, device }) => {
        const shots = process.env.VIEWPORT_SHOTS;
        if (shots) fs.mkdirSync(shots, { recursive: true });
        const check = async (what: string) => {
          await settled(page);
          if (shots) await page.screenshot({ path: path.join(shots, `${size.name}-${locale}-${what}.png`) });
          expect.soft(await page.evaluate(audit, size.phone), what).toEqual([]);
          // Accessible names carry no icon's name ("pause-circle Pause", "sound Mute"): antd's
          // icons label themselves with it. antd's page-jump arrows ("double-left") aside: they are not buttons.
          const icons = await page.evaluate(() => [
            ...new Set(
              [...document.querySelectorAll('.anticon')].flatMap((i) =>
                [...i.classList].filter((c) => c.startsWith('anticon-')).map((c) => c.slice(8)),
              ),
            ),
          ]);
          const names = [
            ...(await page.locator('body').ariaSnapshot()).matchAll(/- (?:button|link|menuitem|tab|checkbox|switch) "([^"]*)"/g),
          ].map((m) => m[1]!);
          const iconNamed = names.filter((n) =>
            icons.some((i) => !['double-left', 'double-right'].includes(i) && (n === i || n.startsWith(`${i} `))),
          );
          expect.soft(iconNamed, `${what}: names with an icon's name`).toEqual([]);
        };
        // In-app navigation, as a user moves: no reload per page, and the wall keeps its alarms.
        const go = async (href: string) => {
          const h1 = page.getByRole('heading', { level: 1 }).first();
          const from = new URL(page.url()).pathname;
          const title = await h1.textContent();
          await page.evaluate((h) => {
            history.pushState(null, '', h);
            dispatchEvent(new PopStateEvent('popstate'));
          }, href);
          await expect(page).toHaveURL((u) => `${u.pathname}${u.search}` === href);
          // Another route is lazy: the last page stays until it has loaded (every route here has its own title).
          if (new URL(href, page.url()).pathname !== from && title) await expect(h1).not.toHaveText(title);
        };

        const login = new LoginPage(page);
        await login.goto();
        await check('login');
        await login.logIn(DEMO_USER, DEMO_PASSWORD);
        await expect(page.getByRole('status', { name: /^(live alarms|实时告警)/i })).toHaveAccessibleName(/(live|实时)$/i, {
          timeout: 30_000,
        });
        // Alarms for the wall and the kiosk: a blacklist person before camera 1.
        const wallDevice = new WallDevice(device.url, device.call);
        const suspect = await wallDevice.person(1);
        for (let i = 0; i < 6; i++) await wallDevice.capture(1, suspect.photo);

        const lib = (await device.call(listLibraries, {})).find((l) => l.picture_no > 0)!;
        const visits: [string, string][] = [
          ['overview', hrefs.overview()],
          ['libraries', hrefs.libraries()],
          ['gallery', hrefs.library(lib.lib_id)],
          ['cameras', hrefs.cameras()],
          ['relays', hrefs.cameras({ tab: 'relays' })],
          ['roi', hrefs.cameraRoi(1)],
          ['records-snapshots', hrefs.records()],
          ['records-alarms', hrefs.records({ tab: 'alarms' })],
          ['records-bodies', hrefs.records({ tab: 'bodies' })],
          ['face-search', hrefs.faceSearch()],
          ['alarm-wall', hrefs.alarmWall()],
          ...SYSTEM_TABS.map((tab): [string, string] => [`system-${tab}`, hrefs.system(tab)]),
        ];
        for (const [what, href] of visits) {
          await go(href);
          if (what.startsWith('records')) await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
          if (what === 'alarm-wall') await expect(page.locator('.wall-card').first()).toBeVisible();
          await check(what);
          // A tablet sees all of the cameras table that is left at its width, without scrolling.
          if (what === 'cameras' && !size.phone) {
            const box = page.locator('.ant-table-content, .ant-table-body').first();
            expect
              .soft(await box.evaluate((el) => el.scrollWidth - el.clientWidth), 'cameras table scrolls sideways by (px)')
              .toBeLessThanOrEqual(1);
          }
        }

        // The import preview, with the long names a real folder has.
        await go(hrefs.libraryImport(lib.lib_id));
        const photo = await blankPhoto();
        await page
          .getByTestId('import-files-input')
          .setInputFiles(
            [
              'Zhang Wei_imp-20260101-0001_110101199003077777_1_36_No. 18 Jianguo Road Chaoyang District.jpg',
              'Li Na_imp-20260101-0002_#_0_29_#.jpg',
            ].map((name) => ({ name, mimeType: 'image/jpeg', buffer: photo })),
          );
        await expect(page.getByRole('table').getByRole('row').nth(2)).toBeVisible();
        await check('import');

        // Kiosk: a wall PC at tablet size shows more than two alarms.
        await go(`${hrefs.alarmWall()}?kiosk=1`);
        await expect(page.locator('.wall-card').first()).toBeVisible();
        await check('kiosk');
        if (size.width === 1024)
          expect.soft(await page.locator('.wall-card').count(), 'alarm cards on a 1024×768 kiosk').toBeGreaterThan(2);
      });
    });
  }
}
