import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../session/session-store';
import { FAKE_PASSWORD, FAKE_SESSION, FAKE_USER, FAKE_VERSION, fakeDevice } from '../test/fake-device';
import { renderRoutes, resetState } from '../test/render';
import { createRoutes } from './router';
import { keepCredentials } from '../session/kept-credentials';

const where = (router: ReturnType<typeof renderRoutes>['router']) => router.state.location.pathname + router.state.location.search;

// The lazy routes' modules (antd among them) take seconds to transform the
// first time: load them once up front, and give the UI more time than 1 s.
beforeAll(async () => {
  configure({ asyncUtilTimeout: 5000 });
  await Promise.all([
    import('../features/login/pages/login-page'),
    import('./layout/app-layout'),
    import('../features/overview/pages/overview-page'),
  ]);
}, 60_000);
beforeEach(() => resetState('en-US'));
afterEach(() => vi.unstubAllGlobals());

describe('the shell', () => {
  it('sends a signed-out user to login, and back where they were after it', async () => {
    fakeDevice();
    // The overview: the feature pages ask the device for much more than this fake answers.
    const { router } = renderRoutes(createRoutes(), '/?channel=3');
    await screen.findByLabelText('User name');
    expect(where(router)).toBe('/login?next=%2F%3Fchannel%3D3');

    const u = userEvent.setup();
    await u.type(screen.getByLabelText('User name'), FAKE_USER);
    await u.type(screen.getByLabelText('Password'), `${FAKE_PASSWORD}{Enter}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
    expect(where(router)).toBe('/?channel=3');
    const device = await screen.findByRole('group', { name: 'Device' });
    await waitFor(() => expect(within(device).getByText(FAKE_VERSION.version)).toBeInTheDocument());
    expect(within(device).getByText(FAKE_VERSION.device_id)).toBeInTheDocument();
    // 516 answered a capacity of 16: an M8s.
    expect(within(device).getByText('SenseNebula-M8s')).toBeInTheDocument();
  });

  it('on -141 asks for the password over the page, then sends what met the expiry again', async () => {
    useSessionStore.getState().start('stale-session', FAKE_USER);
    const device = fakeDevice();
    const { router } = renderRoutes(createRoutes(), '/?page=2');
    // The device no longer knows 'stale-session': 1281 answers -141. The page stays.
    const dialog = await screen.findByRole('dialog', { name: 'Log in again to continue' });
    expect(where(router)).toBe('/?page=2');
    expect(useSessionStore.getState().sessionId).toBeNull();
    expect(sessionStorage.getItem('nebula.session')).not.toContain('stale-session');
    expect(device.sent('1281')[0]!.session).toBe('stale-session');
    expect(within(dialog).getByLabelText('User name')).toHaveValue(FAKE_USER);

    const u = userEvent.setup();
    await u.type(within(dialog).getByLabelText('Password'), `${FAKE_PASSWORD}{Enter}`);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Log in again to continue' })).not.toBeInTheDocument());
    expect(where(router)).toBe('/?page=2');
    // The 1281 that met -141 went out again with the new session, and its answer shows.
    await waitFor(() => expect(device.sent('1281').some((r) => r.session === FAKE_SESSION)).toBe(true));
    const summary = await screen.findByRole('group', { name: 'Device' });
    await waitFor(() => expect(within(summary).getByText(FAKE_VERSION.device_id)).toBeInTheDocument());
  });

  it('a kept wall display logs in again by itself after -141, retrying while the device is away', async () => {
    keepCredentials({ user: FAKE_USER, password: FAKE_PASSWORD });
    useSessionStore.getState().start('stale-session', FAKE_USER);
    let away = 1;
    const device = fakeDevice({
      // The first login meets a device still restarting.
      '257': ({ body }) => (away-- > 0 ? { network: true } : body.user_pwd === FAKE_PASSWORD ? { data: FAKE_SESSION } : { code: -113 }),
    });
    const { router } = renderRoutes(createRoutes(), '/?tab=device');
    expect(await screen.findByText(/logging in again by itself/)).toBeInTheDocument();
    await waitFor(() => expect(useSessionStore.getState().sessionId).toBe(FAKE_SESSION), { timeout: 10_000 });
    expect(device.sent('257')).toHaveLength(2);
    expect(where(router)).toBe('/?tab=device');
    expect(screen.queryByRole('dialog', { name: 'Log in again to continue' })).not.toBeInTheDocument();
    // Nothing of the password reached any storage.
    for (const storage of [sessionStorage, localStorage])
      for (let i = 0; i < storage.length; i++) expect(storage.getItem(storage.key(i)!)).not.toContain(FAKE_PASSWORD);
    keepCredentials(null);
  }, 20_000);

  it('logs out through 258 and lands on the login page', async () => {
    useSessionStore.getState().start(FAKE_SESSION, FAKE_USER);
    const device = fakeDevice();
    const { router } = renderRoutes(createRoutes(), '/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: /Log out/ }));
    await screen.findByLabelText('User name');
    expect(where(router)).toBe('/login');
    expect(device.sent('258')[0]!.session).toBe(FAKE_SESSION);
    expect(useSessionStore.getState().sessionId).toBeNull();
    expect(screen.queryByText(/session has expired/)).not.toBeInTheDocument();
  });

  it('switches the language from the header, and remembers it as a preference', async () => {
    useSessionStore.getState().start(FAKE_SESSION, FAKE_USER);
    fakeDevice();
    renderRoutes(createRoutes(), '/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: '中文' }));
    expect(await screen.findByRole('heading', { level: 1, name: '概览' })).toBeInTheDocument();
    expect(localStorage.getItem('nebula.lang')).toContain('zh-CN');
  });
});
