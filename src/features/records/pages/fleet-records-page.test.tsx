import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyNodeList } from '../../../session/node-store';
import { useSessionStore } from '../../../session/session-store';
import { envelope, FAKE_PASSWORD, FAKE_SESSION, FAKE_USER } from '../../../test/fake-device';
import { renderRoutes, resetState } from '../../../test/render';
import { alarmRecord } from './alarm-fixture';
import { RecordsPage } from './records-page';

beforeAll(() => configure({ asyncUtilTimeout: 10_000 }));
vi.setConfig({ testTimeout: 60_000 });
beforeEach(() => {
  resetState('en-US');
  applyNodeList([
    { id: 'a', name: 'Gate A', site: 'North' },
    { id: 'b', name: 'Gate B', site: 'North' },
    { id: 'c', name: 'Gate C', site: '' },
  ]);
  useSessionStore.getState().start(FAKE_SESSION, FAKE_USER, 'a');
  useSessionStore.getState().start(FAKE_SESSION, FAKE_USER, 'b');
});
afterEach(() => {
  vi.unstubAllGlobals();
  // resetState clears the shown node's session only: a node signed in by a test is signed out here.
  for (const node of ['a', 'b', 'c']) useSessionStore.getState().clear(node);
  applyNodeList(null);
});

const alarm = (snap: string, trigger: string) =>
  alarmRecord({
    camera_name: `Cam ${snap}`,
    snap_id: snap,
    snap_path: `record/${snap}.jpg`,
    trigger,
    img_id: `i-${snap}`,
    img_path: `img/${snap}.jpg`,
    person_name: `Person ${snap}`,
  });

/** Every node: one alarm in its history, no cameras, the fake password signs in. Answers the URLs asked. */
function nodesWithOneAlarm(): string[] {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      asked.push(String(input));
      const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
      if (body.msg_id === '257') return body.user_pwd === FAKE_PASSWORD ? envelope(0, FAKE_SESSION) : envelope(-113);
      if (body.msg_id === '1028') return envelope(0, []);
      if (body.msg_id === '1036') return envelope(0, { record: [alarm('a1', '2026-12-06 10:00:02')], result_num: 1, total_num: 1 });
      return envelope(-3599);
    }),
  );
  return asked;
}

describe('records across nodes', () => {
  it("a node that cannot be reached says so in its cell; the others' rows show, merged, naming their node", async () => {
    const asked: { url: string; body: Record<string, unknown> }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
        asked.push({ url, body });
        if (url.startsWith('/node/b/')) throw new TypeError('Failed to fetch');
        if (body.msg_id === '1028') return envelope(0, []);
        if (body.msg_id === '1036')
          return envelope(0, {
            record: [alarm('a1', '2026-12-06 10:00:02'), alarm('a2', '2026-12-06 09:00:00')],
            result_num: 2,
            total_num: 2,
          });
        return envelope(-3599);
      }),
    );
    renderRoutes([{ path: '/records', element: <RecordsPage /> }], '/records?tab=alarms');
    const perNode = await screen.findByRole('list', { name: 'Records per node' });
    const cell = (name: string) => within(perNode).getByText(name).closest('li')!;
    expect(await within(perNode).findByText(/2 records/)).toBeInTheDocument();
    expect(await within(cell('Gate B')).findByText(/Not searched: Cannot reach/)).toBeInTheDocument();
    // Gate C is not signed in: not in the default search (every signed-in node).
    expect(within(perNode).queryByText('Gate C')).not.toBeInTheDocument();
    expect(screen.getByText('2 records on 1 node')).toBeInTheDocument();
    expect(screen.getByText('Rows 1–2 of 2')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Details: Cam a1 2026-12-06 10:00:02' })).toBeInTheDocument();
    expect(screen.getAllByRole('cell', { name: /Gate A/ })).toHaveLength(2);
    // Pictures from the row's node.
    expect(screen.getByRole('img', { name: /Face captured by Cam a1/ })).toHaveAttribute('src', '/node/a/ws/record/a1.jpg');
    // Each node asked for one page from its cursor; nothing of node C.
    expect(asked.filter((r) => r.body.msg_id === '1036').map((r) => [r.url, r.body.start_no, r.body.qry_len])).toEqual(
      expect.arrayContaining([
        ['/node/a/api/json', 1, 10],
        ['/node/b/api/json', 1, 10],
      ]),
    );
    expect(asked.some((r) => r.url.startsWith('/node/c/'))).toBe(false);
  });

  it('a chosen node not signed in says so, with a sign-in in place; nothing is asked of it until it signs in', async () => {
    const asked = nodesWithOneAlarm();
    renderRoutes([{ path: '/records', element: <RecordsPage /> }], '/records?tab=alarms&nodes=a,c');
    const perNode = await screen.findByRole('list', { name: 'Records per node' });
    const c = within(perNode).getByText('Gate C').closest('li')!;
    expect(c).toHaveTextContent('Not signed in');
    expect(await within(perNode).findByText(/1 record/)).toBeInTheDocument();
    expect(asked.some((u) => u.startsWith('/node/c/'))).toBe(false);

    // The re-login dialog's fields and wording (src/components/node-sign-in-fields.tsx).
    const user = userEvent.setup();
    await user.click(within(c).getByRole('button', { name: 'Sign in to this node' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('User name')).toHaveValue(FAKE_USER);
    await user.type(within(dialog).getByLabelText('Password', { exact: true }), 'wrong');
    await user.click(within(dialog).getByRole('button', { name: 'Sign in to Gate C' }));
    expect(await within(dialog).findByText('Wrong user name or password')).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText('Password', { exact: true }));
    await user.type(within(dialog).getByLabelText('Password', { exact: true }), FAKE_PASSWORD);
    await user.click(within(dialog).getByRole('button', { name: 'Sign in to Gate C' }));
    // Signed in, Gate C is searched with the others.
    await waitFor(() => expect(within(perNode).getByText('Gate C').closest('li')).toHaveTextContent(/1 record/));
    expect(asked.filter((u) => u.startsWith('/node/c/')).length).toBeGreaterThan(1);
  });

  it('a node whose session ended stays in the default search, saying so, and is asked nothing until it signs in', async () => {
    const asked = nodesWithOneAlarm();
    // Node B restarted (or 30 idle minutes): it forgot the session.
    useSessionStore.getState().expire(undefined, 'b');
    renderRoutes([{ path: '/records', element: <RecordsPage /> }], '/records?tab=alarms');
    const perNode = await screen.findByRole('list', { name: 'Records per node' });
    const b = within(perNode).getByText('Gate B').closest('li')!;
    expect(b).toHaveTextContent('Session expired');
    expect(within(b).getByRole('button', { name: 'Sign in to this node' })).toBeInTheDocument();
    // Gate C was never signed in: not in the default search.
    expect(within(perNode).queryByText('Gate C')).not.toBeInTheDocument();
    expect(await within(perNode).findByText(/1 record/)).toBeInTheDocument();
    expect(asked.some((u) => u.startsWith('/node/b/'))).toBe(false);
  });

  it('a node that fails on Refresh says so, though its last answer is still cached; its rows leave the page', async () => {
    let bDown = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (bDown && url.startsWith('/node/b/')) throw new TypeError('Failed to fetch');
        const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
        if (body.msg_id === '1028') return envelope(0, []);
        const node = url.slice(6, 7);
        if (body.msg_id === '1036') return envelope(0, { record: [alarm(`${node}1`, '2026-12-06 10:00:02')], result_num: 1, total_num: 1 });
        return envelope(-3599);
      }),
    );
    renderRoutes([{ path: '/records', element: <RecordsPage /> }], '/records?tab=alarms');
    const perNode = await screen.findByRole('list', { name: 'Records per node' });
    expect(await screen.findByText('2 records on 2 nodes')).toBeInTheDocument();
    bDown = true;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Refresh' }));
    const b = within(perNode).getByText('Gate B').closest('li')!;
    expect(await within(b).findByText(/Not searched: Cannot reach/)).toBeInTheDocument();
    expect(screen.getByText('1 record on 1 node')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Details: Cam b1/ })).not.toBeInTheDocument();
  });
});
