import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFleetLiveStatus } from '../../../live';
import { keptCredentials } from '../../../session/kept-credentials';
import { useSessionStore } from '../../../session/session-store';
import { fakeDevice, FAKE_PASSWORD, FAKE_SESSION, FAKE_USER } from '../../../test/fake-device';
import { renderWithApp } from '../../../test/render';
import { NodeStates } from './node-states';

const node = { id: 'node-1', name: 'Main gate', site: 'North campus' };
const status = (state: 'reconnecting' | 'offline', retryAt: number) => ({
  status: { state, reason: null, since: Date.now() - 3000, retryAt, attempt: 2 },
  stats: null,
});

// The countdown is read from the clock when the strip renders: the clock holds still, however long the render takes.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  useFleetLiveStatus.setState({}, true);
  useSessionStore.setState({ sessions: {} });
});

describe("the merged wall's node strip", () => {
  it('counts down to the next try while a node is unreachable', () => {
    useSessionStore.setState({ sessions: { [node.id]: { sessionId: 's-1', user: 'admin', expired: false, restarted: false } } });
    useFleetLiveStatus.setState({ [node.id]: status('offline', Date.now() + 4500) });
    renderWithApp(<NodeStates nodes={[node]} renewing={new Set()} problems={new Map()} />);
    expect(screen.getByRole('status', { name: 'Main gate: unreachable' })).toHaveTextContent(/next try in 5 s/);
  });

  it('a node whose session ended (it restarted) offers its sign-in, not a countdown to a try nothing makes', () => {
    useSessionStore.setState({ sessions: { [node.id]: { sessionId: null, user: 'admin', expired: true, restarted: false } } });
    // Its last socket was reconnecting when the session was found gone.
    useFleetLiveStatus.setState({ [node.id]: status('reconnecting', Date.now() - 2000) });
    renderWithApp(<NodeStates nodes={[node]} renewing={new Set()} problems={new Map()} />);
    const state = screen.getByRole('status', { name: 'Main gate: session expired' });
    expect(state).not.toHaveTextContent(/next try/);
    expect(screen.getByRole('button', { name: /sign in.*Main gate/i })).toBeVisible();
  });

  it('signs a node in from its chip under the user name given, and keeps this wall signed in to it when asked', async () => {
    vi.useRealTimers();
    sessionStorage.clear();
    const device = fakeDevice();
    // Another node's user name is offered (sites usually share it); this wall watches under another one.
    useSessionStore.setState({
      sessions: { 'node-2': { sessionId: 's-2', user: 'guard', expired: false, restarted: false } },
    });
    renderWithApp(<NodeStates nodes={[node]} renewing={new Set()} problems={new Map()} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Sign in to Main gate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign in to Main gate' });
    const name = within(dialog).getByLabelText('User name');
    expect(name).toHaveValue('guard');
    await user.clear(name);
    await user.type(name, FAKE_USER);
    await user.type(within(dialog).getByLabelText('Password'), FAKE_PASSWORD);
    await user.click(within(dialog).getByRole('checkbox', { name: /keep this wall signed in/i }));
    await user.click(within(dialog).getByRole('button', { name: 'Sign in to Main gate' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(device.sent('257')[0]?.body).toMatchObject({ user_name: FAKE_USER, user_pwd: FAKE_PASSWORD });
    expect(useSessionStore.getState().sessions[node.id]).toMatchObject({ sessionId: FAKE_SESSION, user: FAKE_USER });
    expect(keptCredentials(node.id)).toEqual({ user: FAKE_USER, password: FAKE_PASSWORD });
  });
});
