import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFleetLiveStatus } from '../../../live';
import { useSessionStore } from '../../../session/session-store';
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
});
