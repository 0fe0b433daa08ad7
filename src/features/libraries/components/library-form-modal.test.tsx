import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Library } from '../../../api/protocol/libraries';
import { useSessionStore } from '../../../session/session-store';
import { FAKE_SESSION, FAKE_USER, fakeDevice } from '../../../test/fake-device';
import { renderWithApp, resetState } from '../../../test/render';
import { LibraryFormModal } from './library-form-modal';

const EXISTING: Library = {
  lib_id: 4,
  lib_name: 'Staff',
  lib_type: 2,
  picture_no: 3,
  create_time: '2024-01-01 00:00:00',
  update_time: '2024-01-01 00:00:00',
};

beforeEach(() => {
  resetState('en-US');
  useSessionStore.getState().start(FAKE_SESSION, FAKE_USER);
});

// antd in jsdom is slow on a busy 2-core machine.
describe('LibraryFormModal', { timeout: 60_000 }, () => {
  it('checks the name before sending: required, unique, at most 64', async () => {
    const device = fakeDevice();
    renderWithApp(<LibraryFormModal open library={null} libraries={[EXISTING]} onClose={() => {}} onSaved={() => {}} />);
    const submit = await screen.findByRole('button', { name: 'New library' });
    await userEvent.click(submit);
    expect(await screen.findByText('Enter a name.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Name'), 'Staff');
    await userEvent.click(submit);
    expect(await screen.findByText('A library with this name exists: choose another name.')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveAttribute('maxlength', '64');
    expect(device.sent('1025')).toHaveLength(0);
  });

  it('creates with the trimmed name and type, and keeps a draft while typing', async () => {
    const device = fakeDevice({ '1025': ({ body }) => ({ data: { lib_id: 9, lib_name: body.lib_name } }) });
    const onSaved = vi.fn();
    renderWithApp(<LibraryFormModal open library={null} libraries={[EXISTING]} onClose={() => {}} onSaved={onSaved} />);
    await userEvent.type(await screen.findByLabelText('Name'), '  Visitors  ');
    expect(JSON.parse(sessionStorage.getItem('nebula.libraries.draft:library|new') ?? '{}')).toMatchObject({ lib_name: '  Visitors  ' });
    await userEvent.click(screen.getByText('Whitelist'));
    await userEvent.click(screen.getByRole('button', { name: 'New library' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ lib_id: 9, lib_name: 'Visitors' }, true));
    expect(device.sent('1025')[0]!.body).toMatchObject({ lib_name: 'Visitors', lib_type: 2 });
    expect(sessionStorage.getItem('nebula.libraries.draft:library|new')).toBeNull();
  });

  it('an Enter in the form while it closes after a save sends nothing more', async () => {
    const device = fakeDevice({ '1025': ({ body }) => ({ data: { lib_id: 9, lib_name: body.lib_name } }) });
    function Host() {
      const [open, setOpen] = useState(true);
      return (
        <LibraryFormModal open={open} library={null} libraries={[EXISTING]} onClose={() => setOpen(false)} onSaved={() => setOpen(false)} />
      );
    }
    renderWithApp(<Host />);
    const name = await screen.findByLabelText('Name');
    await userEvent.type(name, 'Visitors{Enter}');
    await waitFor(() => expect(device.sent('1025')).toHaveLength(1));
    // The closing dialog is still in the page for its animation.
    name.focus();
    await userEvent.keyboard('{Enter}');
    await new Promise((r) => setTimeout(r, 100));
    expect(device.sent('1025')).toHaveLength(1);
  });

  it('puts a draft back after the form was unmounted (a session expiry), and says so', async () => {
    fakeDevice();
    sessionStorage.setItem('nebula.libraries.draft:library|4', JSON.stringify({ lib_name: 'Staff 2024', lib_type: 1 }));
    renderWithApp(<LibraryFormModal open library={EXISTING} libraries={[EXISTING]} onClose={() => {}} onSaved={() => {}} />);
    expect(await screen.findByText('Your unsaved input from last time has been restored.')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('Staff 2024');
  });

  it('shows the device refusal where it happened: a duplicate on the name field', async () => {
    fakeDevice({ '1027': () => ({ code: -119 }) });
    renderWithApp(<LibraryFormModal open library={EXISTING} libraries={[EXISTING]} onClose={() => {}} onSaved={() => {}} />);
    const name = await screen.findByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Taken elsewhere');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('A library with this name exists: choose another name.')).toBeInTheDocument();
  });

  it('asks before dropping typed input on cancel', async () => {
    fakeDevice();
    const onClose = vi.fn();
    renderWithApp(<LibraryFormModal open library={null} libraries={[]} onClose={onClose} onSaved={() => {}} />);
    await userEvent.type(await screen.findByLabelText('Name'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    // (antd writes the title twice in a confirm; jsdom's ids are all "test-id", so no name lookup.)
    expect((await screen.findAllByText('Discard unsaved changes?', {}, { timeout: 5000 })).length).toBeGreaterThan(0);
    expect(onClose).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('Esc right after a successful save closes without asking to discard (the saved form is clean)', async () => {
    fakeDevice({ '1025': ({ body }) => ({ data: { lib_id: 9, lib_name: body.lib_name } }) });
    const onClose = vi.fn();
    const onSaved = vi.fn();
    // onSaved leaves the modal open: the moment between the save and the close.
    renderWithApp(<LibraryFormModal open library={null} libraries={[]} onClose={onClose} onSaved={onSaved} />);
    await userEvent.type(await screen.findByLabelText('Name'), 'Visitors');
    await userEvent.click(screen.getByRole('button', { name: 'New library' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(screen.queryAllByText('Discard unsaved changes?')).toHaveLength(0);
  });

  it('opens an edit on the library it edits, whatever the last opening left in the form', async () => {
    fakeDevice();
    // The list page's way: one modal, opened for "new", closed, opened for an edit.
    function Harness() {
      const [step, setStep] = useState<'create' | 'closed' | 'edit'>('create');
      // No motion: jsdom never ends a leave animation, so the closed modal would never unmount.
      return (
        <ConfigProvider theme={{ token: { motion: false } }}>
          <button onClick={() => setStep(step === 'create' ? 'closed' : 'edit')}>next</button>
          <LibraryFormModal
            open={step !== 'closed'}
            library={step === 'edit' ? EXISTING : null}
            libraries={[EXISTING]}
            onClose={() => {}}
            onSaved={() => {}}
          />
        </ConfigProvider>
      );
    }
    renderWithApp(<Harness />);
    await userEvent.type(await screen.findByLabelText('Name'), 'Half typed');
    await userEvent.click(screen.getByRole('button', { name: 'next', hidden: true }));
    await waitFor(() => expect(screen.queryByLabelText('Name')).toBeNull());
    await userEvent.click(screen.getByRole('button', { name: 'next' }));
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveValue('Staff'));
  });
});
