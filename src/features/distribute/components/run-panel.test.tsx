import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useSessionStore } from '../../../session/session-store';
import { renderWithApp } from '../../../test/render';
import { createRun, type RunState } from '../model/scheduler';
import type { RunView } from '../run/run-store';
import { RunPanel } from './run-panel';

const names: Record<string, string> = { a: 'Main gate', b: 'Lobby', c: 'Car park' };
const jobs = Array.from({ length: 3 }, (_, i) => ({ imgId: `p-${i}`, kind: 'enrol' as const, seq: i }));

/** Lobby is away (one try failed, asked again later); Car park goes on. */
function view(): RunView {
  const run = createRun([
    { node: 'b', jobs },
    { node: 'c', jobs },
  ]);
  const state: RunState = { ...run, nodes: run.nodes.map((n) => (n.node === 'b' ? { ...n, attempts: 2, retryAt: Date.now() + 4000 } : n)) };
  return {
    source: { node: 'a', lib: { lib_id: 2, lib_name: 'Staff', lib_type: 2, create_time: '', update_time: '', picture_no: 3 } },
    targets: [
      { node: 'b', libId: 2 },
      { node: 'c', libId: 2 },
    ],
    state,
    waitingWhy: {},
    ended: false,
  };
}

afterEach(() => useSessionStore.setState({ sessions: {} }));

describe('the run panel', () => {
  it("offers a waiting node's sign-in when its session ended (it restarted mid-run): nothing else would bring it back", () => {
    useSessionStore.setState({
      sessions: {
        b: { sessionId: null, user: 'admin', expired: true, restarted: false },
        c: { sessionId: 's-c', user: 'admin', expired: false, restarted: false },
      },
    });
    renderWithApp(<RunPanel run={view()} nodeName={(id) => names[id] ?? id} />);
    const lobby = screen.getByRole('listitem', { name: 'Lobby' });
    expect(lobby).toHaveTextContent(/Lobby's session has ended/);
    expect(screen.getByRole('button', { name: 'Sign in to Lobby' })).toBeVisible();
    expect(screen.getByRole('listitem', { name: 'Car park' })).not.toHaveTextContent(/session/);
  });

  it('a node away but still signed in only waits: it is asked again by itself', () => {
    useSessionStore.setState({
      sessions: {
        b: { sessionId: 's-b', user: 'admin', expired: false, restarted: false },
        c: { sessionId: 's-c', user: 'admin', expired: false, restarted: false },
      },
    });
    renderWithApp(<RunPanel run={view()} nodeName={(id) => names[id] ?? id} />);
    expect(screen.getByRole('listitem', { name: 'Lobby' })).toHaveTextContent(/Node not answering, trying again/);
    expect(screen.queryByRole('button', { name: /Sign in/ })).toBeNull();
  });
});
