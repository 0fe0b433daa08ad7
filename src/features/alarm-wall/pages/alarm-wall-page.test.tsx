import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLangStore } from '../../../i18n';
import { liveStore } from '../../../live';
import { liveEvent } from '../../../live/testing';
import { fakeDevice, FAKE_SESSION, FAKE_USER } from '../../../test/fake-device';
import { renderRoutes, resetState } from '../../../test/render';
import { useSessionStore } from '../../../session/session-store';
import { chime } from '../lib/alarm-sound';
import { useWallPrefs } from '../lib/wall-prefs';
import { AlarmWallPage, WallView } from './alarm-wall-page';

vi.mock('../lib/alarm-sound', async (original) => ({ ...(await original<typeof import('../lib/alarm-sound')>()), chime: vi.fn() }));

const CAMERAS = {
  camera: [
    {
      camera_name: 'Main entrance',
      channel: 1,
      camera_mode: 'VIDEO',
      description: '',
      lib_ids: '7',
      position: 'hall',
      status: 1,
      threshold: 88,
    },
    {
      camera_name: 'Turnstile A',
      channel: 4,
      camera_mode: 'IMAGE',
      description: '',
      lib_ids: '3',
      position: 'gates',
      status: 1,
      threshold: 88,
    },
  ],
  computing_power_capacity: 16,
  used_computing_power: 3,
};
const LIBRARIES = [
  { lib_id: 7, lib_name: 'Watch list', lib_type: 1, picture_no: 1, create_time: '', update_time: '' },
  { lib_id: 3, lib_name: 'Staff', lib_type: 2, picture_no: 1, create_time: '', update_time: '' },
];

function push(...events: ReturnType<typeof liveEvent>[]) {
  act(() => {
    for (const e of events) liveStore.getState().enqueue(e);
    liveStore.getState().flush();
  });
}
const blacklist = (n: number) =>
  liveEvent(n, { lib_type: 1, lib_id: 7, lib_name: 'Watch list', person_name: `suspect ${n}`, channel: 1, camera_name: 'Main entrance' });
const staff = (n: number) =>
  liveEvent(n, { lib_type: 2, lib_id: 3, lib_name: 'Staff', person_name: `staff ${n}`, channel: 4, camera_name: 'Turnstile A' });
const stranger = (n: number) =>
  liveEvent(n, { similarity: -1, img: -1, lib_id: 0, lib_type: 0, person_name: '', channel: 4, camera_name: 'Turnstile A' });

function renderWall(entry = '/alarm-wall') {
  return renderRoutes(
    [
      {
        path: '/alarm-wall',
        element: (
          <App>
            <AlarmWallPage />
          </App>
        ),
      },
      { path: '*', element: <p>elsewhere</p> },
    ],
    entry,
  );
}

const cards = () => within(screen.getByRole('feed')).getAllByRole('article');

beforeEach(() => {
  resetState('en-US');
  useSessionStore.getState().start(FAKE_SESSION, FAKE_USER);
  useWallPrefs.setState({ layout: 'flow' });
  fakeDevice({ '516': () => ({ data: CAMERAS }), '1028': () => ({ data: LIBRARIES }) });
});
afterEach(() => {
  act(() => {
    liveStore.getState().setPaused(false);
    liveStore.getState().clear();
  });
});

describe('the alarm wall', () => {
  it('keeps unacknowledged blacklist matches on top until acknowledged', async () => {
    renderWall();
    push(blacklist(1), staff(2), stranger(3));
    // The cameras (516) say which ones watch whitelists only.
    await screen.findByLabelText(/^Stranger at a whitelist camera/);
    expect(cards().map((c) => c.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(/^Blacklist: suspect 1, Similarity 88%, Main entrance/),
      // A stranger at a camera that watches whitelists only is called out.
      expect.stringMatching(/^Stranger at a whitelist camera: Unknown person, Turnstile A/),
      expect.stringMatching(/^Whitelist: staff 2/),
    ]);
    const ackButton = within(cards()[0]!).getByRole('button', { name: 'Acknowledge the alarm: suspect 1' });
    await userEvent.click(ackButton);
    // Under the pointer nothing moves (the next card's button would take its place): acknowledged in place...
    expect(cards()[0]).toHaveAccessibleName(/suspect 1.*, acknowledged$/i);
    expect(screen.getByText(/3 shown · 3 in memory · 2 unacknowledged/)).toBeInTheDocument();
    // ...and new alarms wait, counted, until the pointer leaves the cards.
    push(staff(4));
    expect(await screen.findByText('1 new alarm waits while the pointer is on the cards')).toBeInTheDocument();
    expect(cards()).toHaveLength(3);
    await userEvent.unhover(cards()[0]!);
    await waitFor(() => expect(cards()).toHaveLength(4));
    expect(cards()[3]).toHaveAccessibleName(/suspect 1.*, acknowledged$/i);
  });

  it('pauses with Space, counts what arrives, and shows it on resume', async () => {
    renderWall();
    push(staff(1));
    await userEvent.keyboard(' ');
    expect(screen.getByRole('button', { name: /resume/i, pressed: true })).toBeInTheDocument();
    push(staff(2), staff(3));
    expect(cards()).toHaveLength(1);
    expect(screen.getByText(/paused.*\(2 waiting\)/i)).toBeInTheDocument();
    await userEvent.keyboard(' ');
    expect(cards()).toHaveLength(3);
  });

  it('A acknowledges the top alarm, arrows move between cards and Enter opens one', async () => {
    const { router } = renderWall();
    push(staff(1), blacklist(2), staff(3));
    await userEvent.keyboard('a');
    expect(cards()[0]).toHaveAccessibleName(/staff 3/);
    await userEvent.keyboard('{ArrowRight}');
    expect(cards()[0]).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    expect(cards()[1]).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(router.state.location.search).toBe(`?alarm=${cards()[1]!.dataset.snapId}`);
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByRole('heading', { name: 'suspect 2' })).toBeInTheDocument();
    expect(within(drawer).getByRole('link', { name: /open in the library/i })).toHaveAttribute('href', '/libraries/7?face=img-2');
    expect(within(drawer).getByRole('link', { name: /search this face/i })).toHaveAttribute(
      'href',
      `/face-search?snap=${encodeURIComponent('record/snap-2.jpg')}`,
    );
    expect(within(drawer).getByText('Glasses')).toBeInTheDocument();
    expect(within(drawer).getByRole('img', { name: /scene, the captured face outlined/i })).toBeInTheDocument();
  });

  it('M mutes, and the choice is kept in localStorage', async () => {
    renderWall();
    await userEvent.keyboard('m');
    expect(screen.getByRole('button', { name: /unmute/i })).toHaveAttribute('aria-pressed', 'true');
    expect(localStorage.getItem('nebula.alarmWall.prefs')).toContain('"muted":true');
  });

  it('filters from the URL narrow the wall, and the controls write the URL', async () => {
    const { router } = renderWall('/alarm-wall?list=black');
    push(blacklist(1), staff(2), stranger(3));
    expect(cards()).toHaveLength(1);
    expect(screen.getByRole('combobox', { name: 'List type' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /clear filters/i }));
    expect(cards()).toHaveLength(3);
    await userEvent.click(screen.getByRole('switch', { name: 'Show strangers' }));
    expect(router.state.location.search).toBe('?strangers=0');
    expect(cards()).toHaveLength(2);
    await waitFor(() => expect(screen.queryByText(/could not read/i)).not.toBeInTheDocument());
  });

  it('after an outage longer than the wall keeps, says how many alarms are only in the alarm search', async () => {
    renderWall();
    const status = (state: 'live' | 'reconnecting') => ({ state, reason: null, since: 0, retryAt: null, attempt: 0 });
    act(() => {
      liveStore.getState().setCapacity(2);
      liveStore.getState().setStatus(status('live'));
    });
    push(staff(10), staff(11));
    act(() => liveStore.getState().setStatus(status('reconnecting')));
    expect(await screen.findByText(/reconnecting/i)).toBeInTheDocument();
    act(() => liveStore.getState().setStatus(status('live')));
    act(() =>
      liveStore
        .getState()
        .setSocketStats({ received: 2, malformed: 0, backfilled: 3, reconnects: 1, duplicates: 0, beyondBackfill: 40, recovered: 0 }),
    );
    push(liveEvent(12, {}, true), liveEvent(1, {}, true), liveEvent(2, {}, true));
    expect(await screen.findByText('Back live: 3 alarms fetched from the alarm history.')).toBeInTheDocument();
    expect(screen.getByText(/42 alarms of the outage are older than the 2 the wall keeps/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Alarm history' })).toHaveAttribute('href', '/records?tab=alarms');
    act(() => liveStore.getState().setCapacity(500));
  });

  it('kiosk mode is in the URL: big grid, a clock, no toolbar', async () => {
    const { router } = renderWall();
    await userEvent.click(screen.getByRole('button', { name: /kiosk mode/i }));
    expect(router.state.location.search).toBe('?kiosk=1');
    const kiosk = screen.getByRole('region', { name: /kiosk mode/i });
    expect(within(kiosk).getByRole('timer', { name: "The device's clock" })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Filters' })).not.toBeInTheDocument();
    await userEvent.click(within(kiosk).getByRole('button', { name: /exit kiosk/i }));
    expect(router.state.location.search).toBe('');
  });
});

describe("the wall's alerts", () => {
  it("chime for a blacklist match the wall shows, not for one the merged wall's node filter hides", async () => {
    vi.mocked(chime).mockClear();
    useWallPrefs.getState().setMuted(false);
    const fleet = { passes: (a: { node?: string }) => a.node === 'gate', states: null, kioskStates: null, filters: null, filterParams: [] };
    renderRoutes(
      [
        {
          path: '/alarm-wall',
          element: (
            <App>
              <WallView store={liveStore} fleet={fleet} />
            </App>
          ),
        },
      ],
      '/alarm-wall',
    );
    push({ ...blacklist(1), node: 'lobby' });
    expect(chime).not.toHaveBeenCalled();
    push({ ...blacklist(2), node: 'gate' });
    expect(chime).toHaveBeenCalledTimes(1);
    expect(cards()).toHaveLength(1);
  });
});

describe('the tile layout', () => {
  const arrive = (...events: ReturnType<typeof liveEvent>[]) =>
    act(() => {
      for (const e of events) liveStore.getState().enqueue(e);
    });
  const names = () => cards().map((c) => /(staff|suspect) \d+/.exec(c.getAttribute('aria-label') ?? '')?.[0]);

  it('is chosen in the toolbar and kept in the URL; an alarm takes a tile as it arrives, and no card moves', async () => {
    const { router } = renderWall();
    push(staff(1), staff(2));
    await userEvent.click(screen.getByText('Tiles'));
    expect(screen.getByRole('radio', { name: 'Tiles' })).toBeChecked();
    expect(router.state.location.search).toBe('?layout=tiles');
    // Filled oldest first: the next arrival takes the first tile once every tile is used.
    expect(names()).toEqual(['staff 1', 'staff 2']);
    // Before the store's flush (the tile is filled from the socket's arrival).
    arrive(staff(3));
    expect(names()).toEqual(['staff 1', 'staff 2', 'staff 3']);
    const newestTile = () => screen.getByText('Newest').parentElement!.dataset.tile;
    expect(newestTile()).toBe(cards()[2]!.parentElement!.dataset.tile);
    // jsdom's box (1180 × 720): 4 columns × 2 rows. The ninth alarm takes the oldest tile, the others stay.
    arrive(staff(4), staff(5), staff(6), staff(7), staff(8), staff(9));
    expect(names()).toEqual(['staff 9', 'staff 2', 'staff 3', 'staff 4', 'staff 5', 'staff 6', 'staff 7', 'staff 8']);
    expect(newestTile()).toBe(cards()[0]!.parentElement!.dataset.tile);
    expect(screen.getAllByText('Newest')).toHaveLength(1);
    await userEvent.click(screen.getByText('Flow'));
    expect(router.state.location.search).toBe('?layout=flow');
    act(() => liveStore.getState().flush());
    expect(names()[0]).toBe('staff 9');
  });

  it('opens in the layout last chosen when the link does not say, and a link that says wins', async () => {
    const first = renderWall();
    await userEvent.click(screen.getByText('Tiles'));
    expect(localStorage.getItem('nebula.alarmWall.prefs')).toContain('"layout":"tiles"');
    first.unmount();
    // The menu's link, after a visit to another page.
    const again = renderWall('/alarm-wall');
    expect(screen.getByRole('radio', { name: 'Tiles' })).toBeChecked();
    again.unmount();
    // A link shared by someone on the flow opens the flow, and leaves this browser's choice alone.
    renderWall('/alarm-wall?layout=flow');
    expect(screen.getByRole('radio', { name: 'Flow' })).toBeChecked();
    expect(useWallPrefs.getState().layout).toBe('tiles');
  });

  it('keeps an unacknowledged blacklist tile, the one under the pointer, and what the filters or a pause leave out', async () => {
    renderWall('/alarm-wall?layout=tiles&strangers=0');
    push(blacklist(1), staff(2), staff(3), staff(4), staff(5), staff(6), staff(7), staff(8));
    // Urgent ones first in the list, so the blacklist match is filled last: the newest tile.
    expect(names()).toEqual(['staff 2', 'staff 3', 'staff 4', 'staff 5', 'staff 6', 'staff 7', 'staff 8', 'suspect 1']);
    await userEvent.hover(cards()[0]!);
    arrive(staff(9), stranger(10));
    // Not the hovered tile (staff 2), not the stranger (filtered out).
    expect(names()).toEqual(['staff 2', 'staff 9', 'staff 4', 'staff 5', 'staff 6', 'staff 7', 'staff 8', 'suspect 1']);
    await userEvent.unhover(cards()[0]!);
    arrive(staff(11), staff(12), staff(13), staff(14), staff(15), staff(16), staff(17));
    // Seven arrivals, and the blacklist tile is still there.
    expect(names()).toContain('suspect 1');
    await userEvent.keyboard(' ');
    arrive(staff(18));
    expect(names()).not.toContain('staff 18');
  });

  it("says on each tile what the flow's card says, and follows the language", async () => {
    // What a user sees of a card: its text outside hidden parts, its label, its button's.
    const seen = (card: HTMLElement) => {
      const walk = (n: Node): string =>
        n instanceof HTMLElement && n.hidden ? '' : n.nodeType === Node.TEXT_NODE ? n.textContent! : [...n.childNodes].map(walk).join(' ');
      return {
        text: walk(card).replace(/\s+/g, ' ').trim(),
        label: card.getAttribute('aria-label'),
        className: card.className,
        button: within(card).queryByRole('button')?.getAttribute('aria-label') ?? null,
      };
    };
    const byName = () => new Map(cards().map((c) => [c.dataset.snapId, seen(c)]));
    renderWall();
    push(blacklist(1), staff(2), stranger(3));
    await screen.findByLabelText(/^Stranger at a whitelist camera/);
    await userEvent.click(within(cards()[1]!).getByRole('button', { name: /^Acknowledge/ }));
    act(() => liveStore.getState().flush());
    const flow = byName();
    await userEvent.click(screen.getByText('Tiles'));
    expect(byName()).toEqual(flow);
    expect([...flow.values()].map((c) => c.text)).toEqual([
      '88% suspect 1 Blacklist Watch list · Female · Adult 26 Main entrance 05-01 10:00:01 · 949 days ago Acknowledge',
      'Unknown person Stranger Female · Adult 26 Turnstile A 05-01 10:00:03 · 949 days ago Acknowledged',
      '88% staff 2 Whitelist Staff · Female · Adult 26 Turnstile A 05-01 10:00:02 · 949 days ago Acknowledge',
    ]);
    act(() => useLangStore.getState().choose('zh-CN'));
    const suspect = screen.getByRole('article', { name: /^黑名单：suspect 1，相似度 88%/ });
    expect(within(suspect).getByRole('button', { name: /suspect 1/ })).toHaveTextContent('确认');
    expect(screen.getByRole('article', { name: /^白名单相机出现陌生人：未识别人员/ })).toHaveTextContent('已确认');
  });

  it('a tap on a tile replaced a moment before opens the alarm that was there; a later one, the new one', async () => {
    const { router } = renderWall('/alarm-wall?layout=tiles');
    push(staff(1), staff(2), staff(3), staff(4), staff(5), staff(6), staff(7), staff(8));
    arrive(staff(9));
    const tile = screen.getByRole('article', { name: /staff 9/ });
    await userEvent.click(tile);
    expect(new URLSearchParams(router.state.location.search).get('alarm')).toBe('snap-1');
    await userEvent.keyboard('{Escape}');
    const later = performance.now() + 1000;
    const now = vi.spyOn(performance, 'now').mockReturnValue(later);
    await userEvent.click(tile);
    now.mockRestore();
    expect(new URLSearchParams(router.state.location.search).get('alarm')).toBe('snap-9');
  });

  it('keeps the tile whose alarm is open in the details, and the focus comes back to it', async () => {
    const { router } = renderWall('/alarm-wall?layout=tiles');
    push(staff(1), staff(2), staff(3), staff(4), staff(5), staff(6), staff(7), staff(8));
    cards()[0]!.focus();
    await userEvent.keyboard('{Enter}');
    expect(new URLSearchParams(router.state.location.search).get('alarm')).toBe('snap-1');
    // The browser moves the focus into the details (jsdom's drawer does not).
    act(() => within(screen.getByRole('dialog')).getAllByRole('button')[0]!.focus());
    arrive(staff(9), staff(10), staff(11), staff(12), staff(13), staff(14), staff(15), staff(16));
    expect(names()).toContain('staff 1');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName(/staff 1,/));
  });

  it("acknowledging a blacklist tile releases it, even once the wall's memory no longer holds its alarm", async () => {
    renderWall('/alarm-wall?layout=tiles');
    push(blacklist(1));
    arrive(staff(2), staff(3), staff(4), staff(5), staff(6), staff(7), staff(8), staff(9));
    // The wall keeps 2: the blacklist match left memory, its tile holds it (unacknowledged).
    act(() => liveStore.getState().setCapacity(2));
    expect(names()).toContain('suspect 1');
    await userEvent.click(screen.getByRole('button', { name: 'Acknowledge the alarm: suspect 1' }));
    const acked = screen.getByRole('article', { name: /suspect 1.*, acknowledged$/i });
    await userEvent.unhover(acked);
    arrive(staff(10), staff(11), staff(12), staff(13), staff(14), staff(15), staff(16), staff(17));
    expect(names()).not.toContain('suspect 1');
    act(() => liveStore.getState().setCapacity(500));
  });
});
