import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FAKE_PASSWORD, FAKE_SESSION, FAKE_USER, fakeDevice, type Reply } from '../../../test/fake-device';
import { renderRoutes, resetState } from '../../../test/render';
import { LoginPage } from '../pages/login-page';
import { SESSION_STORAGE_KEY, useSessionStore } from '../../../session/session-store';

function renderLogin(entry = '/login') {
  return renderRoutes(
    [
      { path: '/login', Component: LoginPage },
      { path: '/', Component: () => <p>overview here</p> },
      { path: '/records', Component: () => <p>records here</p> },
    ],
    entry,
  );
}

async function fillAndSubmit(user: string, password: string) {
  const u = userEvent.setup();
  if (user) await u.type(screen.getByLabelText('User name'), user);
  if (password) await u.type(screen.getByLabelText('Password'), password);
  await u.click(screen.getByRole('button', { name: 'Log in' }));
  return u;
}

beforeEach(() => resetState('en-US'));
afterEach(() => vi.unstubAllGlobals());

describe('login form', () => {
  it('refuses a user name outside §2.1 before sending anything', async () => {
    const device = fakeDevice();
    renderLogin();
    await fillAndSubmit('bad name!', 'whatever');
    expect(await screen.findByText(/letters, digits and @ \. - _ only/)).toBeInTheDocument();
    expect(screen.getByLabelText('User name')).toHaveAttribute('aria-invalid', 'true');
    expect(device.fetch).not.toHaveBeenCalled();
  });

  it('refuses a user name of 50 characters', async () => {
    const device = fakeDevice();
    renderLogin();
    await fillAndSubmit('a'.repeat(50), 'whatever');
    expect(await screen.findByText(/fewer than 50 characters/)).toBeInTheDocument();
    expect(device.fetch).not.toHaveBeenCalled();
  });

  it('asks for both fields, and for nothing more of the password', async () => {
    const device = fakeDevice({ '257': () => ({ code: -113 }) });
    renderLogin();
    await fillAndSubmit('', '');
    expect(screen.getByText('Enter the user name.')).toBeInTheDocument();
    expect(screen.getByText('Enter the password.')).toBeInTheDocument();
    expect(device.fetch).not.toHaveBeenCalled();
    // A weak password is still sent: the strength rule is for setting one.
    await fillAndSubmit('admin', '123456');
    await waitFor(() => expect(device.sent('257')).toHaveLength(1));
    expect(device.sent('257')[0]!.body).toMatchObject({ user_name: 'admin', user_pwd: '123456' });
  });

  it('says -113 in words, in English', async () => {
    fakeDevice();
    renderLogin();
    await fillAndSubmit(FAKE_USER, 'wrong');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Wrong user name or password');
    expect(alert).toHaveTextContent('case-sensitive');
    expect(alert).toHaveTextContent('Error code -113');
  });

  it('says -113 in words, in Chinese', async () => {
    resetState('zh-CN');
    fakeDevice();
    renderLogin();
    const u = userEvent.setup();
    await u.type(screen.getByLabelText('用户名'), FAKE_USER);
    await u.type(screen.getByLabelText('密码'), 'wrong');
    await u.click(screen.getByRole('button', { name: '登录' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('用户名或密码错误');
    expect(alert).toHaveTextContent('区分大小写');
  });

  it('tells a device it cannot reach apart from a refusal', async () => {
    fakeDevice({ '257': () => ({ network: true }) });
    renderLogin();
    await fillAndSubmit(FAKE_USER, FAKE_PASSWORD);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`Cannot reach the device at ${location.host}`);
    expect(alert).toHaveTextContent('switched on');
    expect(alert).not.toHaveTextContent('Wrong user name');
  });

  it('submits on Enter, and disables the button while sending', async () => {
    let answer!: (r: Reply) => void;
    const device = fakeDevice({ '257': () => new Promise<Reply>((resolve) => (answer = resolve)) });
    renderLogin();
    const u = userEvent.setup();
    await u.type(screen.getByLabelText('User name'), FAKE_USER);
    await u.type(screen.getByLabelText('Password'), `${FAKE_PASSWORD}{Enter}`);
    const button = screen.getByRole('button', { name: 'Log in' });
    await waitFor(() => expect(button).toBeDisabled());
    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(device.sent('257')).toHaveLength(1);
    answer({ data: FAKE_SESSION });
    expect(await screen.findByText('overview here')).toBeInTheDocument();
  });

  it('keeps the session id in sessionStorage only, and the password nowhere', async () => {
    fakeDevice();
    const { router } = renderLogin('/login?next=%2Frecords%3Fchannel%3D2');
    await fillAndSubmit(FAKE_USER, FAKE_PASSWORD);
    expect(await screen.findByText('records here')).toBeInTheDocument();
    expect(router.state.location.pathname + router.state.location.search).toBe('/records?channel=2');

    expect(useSessionStore.getState().sessionId).toBe(FAKE_SESSION);
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toContain(FAKE_SESSION);
    const everywhere = [
      ...Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`),
      ...Object.keys(sessionStorage).map((k) => `${k}=${sessionStorage.getItem(k)}`),
    ].join('\n');
    expect(everywhere).not.toContain(FAKE_PASSWORD);
    expect(Object.values(localStorage).join('\n')).not.toContain(FAKE_SESSION);
    expect(router.state.location.search + router.state.location.hash).not.toContain(FAKE_SESSION);
  });

  it('ignores a `next` that leaves the app', async () => {
    fakeDevice();
    const { router } = renderLogin(`/login?next=${encodeURIComponent('//evil.example/x')}`);
    await fillAndSubmit(FAKE_USER, FAKE_PASSWORD);
    expect(await screen.findByText('overview here')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });
});
