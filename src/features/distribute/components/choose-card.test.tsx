import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/render';
import { ChooseCard } from './choose-card';

it('a node without a session (it restarted) is listed with its sign-in, not left out of the targets unsaid', async () => {
  renderWithApp(
    <ChooseCard
      nodes={[
        { id: 'a', name: 'Main gate' },
        { id: 'c', name: 'Car park' },
      ]}
      signedOut={[{ id: 'b', name: 'Lobby' }]}
      src="a"
      libId={null}
      libraries={[]}
      librariesLoading={false}
      targets={['c']}
      views={[]}
      sourceLib={undefined}
      disabled={false}
      onSource={vi.fn()}
      onLibrary={vi.fn()}
      onTargets={vi.fn()}
    />,
  );
  expect(screen.getByRole('checkbox', { name: 'Car park' })).toBeChecked();
  expect(screen.queryByRole('checkbox', { name: /Lobby/ })).toBeNull();
  expect(screen.getByText(/Not signed in/)).toBeVisible();
  await userEvent.click(screen.getByRole('button', { name: 'Sign in to Lobby' }));
  const dialog = await screen.findByRole('dialog', { name: 'Sign in to Lobby' });
  expect(within(dialog).getByLabelText('Password')).toBeInTheDocument();
});
