// Records searched across three nodes (issue 17, docs/fleet-console.md): the
// per-node totals are each node's own (asked of its API through the console's
// /node/<id>/api with the browser's session), the rows of all three come merged
// by device time across page boundaries (none lost, none repeated, previous
// gives the same page back), the export names each row's node, and a node that
// goes down says so while the others answer.
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { createClient, type Call } from '../../src/api/client';
import { queryAlarms, type AlarmRecord } from '../../src/api/protocol';
import { parseCsv } from '../../src/api/protocol/csv';
import { DEMO_PASSWORD, DEMO_USER, expect, test } from '../fixtures';
import { startFleet, type Fleet } from '../fleet';
import { FleetPage } from '../pages/fleet-page';
import { RecordsPage } from '../pages/records-page';

let fleet: Fleet;

test.describe.configure({ mode: 'serial', timeout: 120_000 });
test.use({ locale: 'en-US', allowConsoleErrors: ['Failed to load resource'] });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  // ~5 % of a demo history are alarms: 600 records give a few dozen a node, pages enough to page through.
  fleet = await startFleet(3, { demoRecords: 600 });
});
test.afterAll(async () => {
  await fleet?.stop();
});

async function signIn(page: Page, path: string): Promise<void> {
  await page.goto(fleet.consoleUrl + path);
  await expect(page).toHaveURL(/\/login/);
  await new FleetPage(page).logIn(DEMO_USER, DEMO_PASSWORD);
  await expect(page).toHaveURL(fleet.consoleUrl + path);
}

/** A node's API through the console (/node/<id>/api), with the browser's own session for it. */
async function nodeApi(page: Page, id: string): Promise<Call> {
  const session = await page.evaluate(
    (node) =>
      (JSON.parse(sessionStorage.getItem('nebula.session') ?? '{}') as { state?: { sessions?: Record<string, { sessionId?: string }> } })
        .state?.sessions?.[node]?.sessionId ?? null,
    id,
  );
  expect(session).toBeTruthy();
  return createClient({ baseUrl: `${fleet.consoleUrl}/node/${id}`, getSession: () => session });
}

/** Every alarm of a node, in its own order (newest first), 50 a request. */
async function allAlarms(call: Call): Promise<AlarmRecord[]> {
  const rows: AlarmRecord[] = [];
  for (let start = 1; ; start += 50) {
    const a = await call(queryAlarms, { start_no: start, qry_len: 50 });
    rows.push(...a.record);
    if (a.record.length === 0 || rows.length >= a.total_num) return rows;
  }
}

const perNode = (page: Page): Locator => page.getByRole('list', { name: 'Records per node' });
const pager = (page: Page): Locator => page.getByRole('navigation', { name: 'Pages' });

/** The rows shown, as "node | camera | time", once every node has answered. */
async function shownRows(page: Page, records: RecordsPage): Promise<string[]> {
  await expect(perNode(page)).not.toContainText('Searching');
  const headers = await records.table.getByRole('columnheader').allInnerTexts();
  const nodeColumn = headers.findIndex((h) => h.trim() === 'Node');
  expect(nodeColumn).toBeGreaterThan(0);
  const out: string[] = [];
  for (const row of await records.dataRows.all()) {
    const node = (await row.getByRole('cell').nth(nodeColumn).innerText()).split('\n')[0]!.trim();
    const label = (await row.getByRole('button', { name: /^Details: / }).getAttribute('aria-label'))!.replace(/^Details: /, '');
    out.push(`${node} | ${label}`);
  }
  return out;
}

test("a cross-node alarm search: per-node totals are the nodes' own, rows merged by device time across pages, none lost or repeated", async ({
  page,
}) => {
  await signIn(page, '/n/node-1/records?tab=alarms');
  const records = new RecordsPage(page);

  // Each node's own history, through its API; the merged order the page promises:
  // trigger newest first, on a tie the node listed first, within a node its own order.
  const expected: { key: string; trigger: string; rank: number; offset: number }[] = [];
  let total = 0;
  for (const [rank, n] of fleet.nodes.entries()) {
    const call = await nodeApi(page, n.id);
    const own = (await call(queryAlarms, { start_no: 1, qry_len: 1 })).total_num;
    expect(own).toBeGreaterThan(0);
    await expect(perNode(page).getByRole('listitem').filter({ hasText: n.name })).toContainText(`${own} record`);
    total += own;
    const rows = await allAlarms(call);
    expect(rows).toHaveLength(own);
    rows.forEach((r, offset) => expected.push({ key: `${n.name} | ${r.camera_name} ${r.trigger}`, trigger: r.trigger, rank, offset }));
  }
  await expect(page.getByText(`${total} records on 3 nodes`)).toBeVisible();
  expected.sort((a, b) => (a.trigger !== b.trigger ? (a.trigger > b.trigger ? -1 : 1) : a.rank - b.rank || a.offset - b.offset));

  // Page on (10 rows a page): every row once, in the merged order, from all three nodes.
  const pages: string[][] = [];
  const seen: string[] = [];
  const PAGES = Math.min(5, Math.floor(total / 10));
  expect(PAGES).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < PAGES; i++) {
    if (i > 0) await pager(page).getByRole('button', { name: 'Next page' }).click();
    await expect(pager(page).getByRole('status')).toHaveText(`Rows ${i * 10 + 1}–${i * 10 + 10} of ${total}`);
    const rows = await shownRows(page, records);
    expect(rows).toHaveLength(10);
    pages.push(rows);
    seen.push(...rows);
  }
  expect(seen).toEqual(expected.slice(0, PAGES * 10).map((e) => e.key));
  for (const n of fleet.nodes) expect(seen.some((r) => r.startsWith(`${n.name} |`))).toBe(true);

  // Previous gives the same page back; a reload of a cursor's URL the same rows.
  await pager(page).getByRole('button', { name: 'Previous page' }).click();
  await expect(pager(page).getByRole('status')).toHaveText(`Rows ${(PAGES - 2) * 10 + 1}–${(PAGES - 1) * 10} of ${total}`);
  expect(await shownRows(page, records)).toEqual(pages[PAGES - 2]);
  await page.reload();
  expect(await shownRows(page, records)).toEqual(pages[PAGES - 2]);

  // A row's details are its node's: the drawer names it, the picture comes from its node.
  const first = records.dataRows.first();
  const nodeName = pages[PAGES - 2]![0]!.split(' | ')[0]!;
  const node = fleet.nodes.find((n) => n.name === nodeName)!;
  await first.getByRole('button', { name: /^Details: / }).click();
  await expect(records.drawer).toContainText(nodeName);
  await expect(records.drawer.getByRole('img', { name: /^Face captured by/ })).toHaveAttribute('src', new RegExp(`^/node/${node.id}/ws/`));
  const links = await records.drawer.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(links.length).toBeGreaterThan(2);
  for (const href of links) expect(href).toMatch(new RegExp(`^/(n/${node.id}/|node/${node.id}/ws/)`));
});

test("the whole filter exported: each node its own zips named fleet_<node>_…, and an index with every row's node", async ({ page }) => {
  // Channel 1 only: a few rows a node, so the export is quick.
  await signIn(page, '/n/node-2/records?tab=alarms&ch=1');
  const records = new RecordsPage(page);
  await expect(perNode(page)).not.toContainText('Searching');
  const owns = new Map<string, number>();
  for (const n of fleet.nodes) {
    const call = await nodeApi(page, n.id);
    owns.set(n.id, (await call(queryAlarms, { channel: 1, start_no: 1, qry_len: 1 })).total_num);
  }
  const withRows = fleet.nodes.filter((n) => owns.get(n.id)! > 0);
  expect(withRows.length).toBeGreaterThan(1);

  const downloads: import('@playwright/test').Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await records.exportFiltered();
  await expect(records.exportDialog.getByRole('status')).toContainText(/Export finished/, { timeout: 60_000 });
  await expect.poll(() => downloads.length).toBe(withRows.length + 1);
  const names = downloads.map((d) => d.suggestedFilename());
  for (const n of withRows) expect(names.some((x) => new RegExp(`^fleet_${n.id}_alarm_.*\\.zip$`).test(x))).toBe(true);
  const index = downloads.find((d) => /^fleet_alarms_.*\.csv$/.test(d.suggestedFilename()));
  expect(index).toBeTruthy();
  const csv = parseCsv(fs.readFileSync((await index!.path())!, 'utf8'));
  const [header, ...rows] = csv;
  expect(header!.slice(0, 3)).toEqual(['node', 'node_name', 'site']);
  const fileColumn = header!.indexOf('file');
  for (const n of fleet.nodes) {
    const mine = rows.filter((r) => r[0] === n.id);
    expect(mine).toHaveLength(owns.get(n.id)!);
    for (const r of mine) {
      expect(r[1]).toBe(n.name);
      expect(r[2]).toBe(n.site);
      expect(r[fileColumn]).toMatch(new RegExp(`^fleet_${n.id}_`));
    }
  }
  // Merged by device time, newest first.
  const triggers = rows.map((r) => r[header!.indexOf('trigger')]!);
  expect([...triggers].sort().reverse()).toEqual(triggers);
});

test('a node that goes down says so in its cell; the others answer', async ({ page }) => {
  await signIn(page, '/n/node-1/records?tab=alarms');
  const records = new RecordsPage(page);
  await expect(perNode(page)).not.toContainText('Searching');
  const down = fleet.node('node-3');
  await down.emulator!.close();
  await page.getByRole('button', { name: 'Refresh' }).click();
  const cell = perNode(page).getByRole('listitem').filter({ hasText: down.name });
  await expect(cell).toContainText('Not searched: Cannot reach');
  for (const n of fleet.nodes.filter((x) => x.id !== down.id)) {
    await expect(perNode(page).getByRole('listitem').filter({ hasText: n.name })).toContainText(/\d+ records?/);
  }
  const rows = await shownRows(page, records);
  expect(rows).toHaveLength(10);
  expect(rows.every((r) => !r.startsWith(`${down.name} |`))).toBe(true);
  await expect(page.getByText(/Some nodes are not in this page/)).toBeVisible();
});
