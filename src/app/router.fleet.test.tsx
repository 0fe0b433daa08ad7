import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyNodeList } from '../session/node-store';
import { sessionOf, useSessionStore } from '../session/session-store';
import { FAKE_PASSWORD, FAKE_SESSION, FAKE_USER, fakeDevice } from '../test/fake-device';
import { renderRoutes, resetState } from '../test/render';
import { createRoutes } from './router';

const where = (router: ReturnType<typeof renderRoutes>['router']) => router.state.location.pathname + router.state.location.search;
const urls = (device: ReturnType<typeof fakeDevice>) => device.fetch.mock.calls.map(([u]) => String(u));

beforeAll(async () => {
  configure({ asyncUtilTimeout: 5000 });
  await Promise.all([import('./layout/app-layout'), import('./layout/node-scope'), import('../features/overview/pages/overview-page')]);
}, 60_000);
beforeEach(() => {
  resetState('en-US');
  for (const id of ['a', 'b']) useSessionStore.getState().clear(id);
  applyNodeList([
    { id: 'a', name: 'Gate A', site: 'North' },
    { id: 'b', name: 'Gate B', site: 'South' },
  ]);
});
afterEach(() => {
  vi.unstubAllGlobals();
  applyNodeList(null);
});

describe('fleet mode', () => {
  it("a node's -141 asks for its password over its page, naming it; the other node's session stays", async () => {
    useSessionStore.getState().start('stale-session', FAKE_USER, 'a');
    useSessionStore.getState().start(FAKE_SESSION, FAKE_USER, 'b');
    const device = fakeDevice();
    const { router } = renderRoutes(createRoutes(), '/n/a?page=2');
    // The lazy modules of a first render take a while under jsdom: wait for the expiry, then the dialog.
    await waitFor(() => expect(sessionOf('a').expired).toBe(true), { timeout: 15_000 });
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Log in again to continue · Gate A');
    expect(where(router)).toBe('/n/a?page=2');
    expect(sessionOf('a')).toMatchObject({ sessionId: null, expired: true });
    expect(sessionOf('b').sessionId).toBe(FAKE_SESSION);

    const u = userEvent.setup();
    await u.type(within(dialog).getByLabelText('Password'), `${FAKE_PASSWORD}{Enter}`);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(where(router)).toBe('/n/a?page=2');
    expect(sessionOf('a').sessionId).toBe(FAKE_SESSION);
    // Everything of this page went to node A.
    expect(urls(device).every((u) => u.startsWith('/node/a/'))).toBe(true);
  });

  it("a node page before its node is signed in shows that node's sign-in, then the page", async () => {
    useSessionStore.getState().start(FAKE_SESSION, FAKE_USER, 'a');
    const device = fakeDevice();
    const { router } = renderRoutes(createRoutes(), '/n/b');
    const form = await screen.findByRole('form', { name: 'Log in to Gate B' });
    expect(within(form).getByLabelText('User name')).toHaveValue(FAKE_USER);
    const u = userEvent.setup();
    await u.type(within(form).getByLabelText('Password'), `${FAKE_PASSWORD}{Enter}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
    expect(where(router)).toBe('/n/b');
    expect(sessionOf('b').sessionId).toBe(FAKE_SESSION);
    expect(urls(device).filter((u) => u.startsWith('/node/a/'))).toEqual([]);
  });

  it('a single-node link opens on the node last shown', async () => {
    useSessionStore.getState().start(FAKE_SESSION, FAKE_USER, 'a');
    useSessionStore.getState().start(FAKE_SESSION, FAKE_USER, 'b');
    fakeDevice();
    const { router } = renderRoutes(createRoutes(), '/n/b');
    await screen.findByRole('heading', { level: 1, name: 'Overview' });
    await router.navigate('/no-such-page?x=1');
    await waitFor(() => expect(where(router)).toBe('/n/b/no-such-page?x=1'));
  });
});
