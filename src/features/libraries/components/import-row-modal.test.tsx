import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp, resetState } from '../../../test/render';
import { rowFromFile } from '../lib/import-rows';
import { ImportRowModal } from './import-row-modal';

beforeEach(() => {
  resetState('en-US');
  // jsdom has no object URLs.
  URL.createObjectURL = vi.fn(() => 'blob:x');
  URL.revokeObjectURL = vi.fn();
});

const row = (name: string) => rowFromFile(new File([new Uint8Array([1])], name), 7);

// antd in jsdom is slow on a busy 2-core machine.
describe('ImportRowModal', { timeout: 60_000 }, () => {
  it('shows the name the file will be sent under as the user fixes the row', async () => {
    const onSave = vi.fn();
    renderWithApp(<ImportRowModal row={row('Gina_g-1_#_5_30_#.jpg')} takenIds={new Set()} onSave={onSave} onClose={() => {}} />);
    // The original name and, until something changes, the name it will be sent under.
    expect(await screen.findAllByText('Gina_g-1_#_5_30_#.jpg')).toHaveLength(2);
    expect(screen.getByText('Gender must be 0 (female) or 1 (male)')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Address'), 'Room_5');
    expect(await screen.findByText('Gina_g-1_#_5_30_Room_5.jpg')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save row' }));
    expect(await screen.findAllByText('A field cannot contain _ / or \\')).not.toHaveLength(0);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('refuses an img_id used by another row of the batch, then saves the fixed fields', async () => {
    const onSave = vi.fn();
    renderWithApp(<ImportRowModal row={row('IMG_0001.jpg')} takenIds={new Set(['dup-1'])} onSave={onSave} onClose={() => {}} />);
    await userEvent.type(await screen.findByLabelText('Picture id (img_id)'), 'dup-1');
    await userEvent.type(screen.getByLabelText('Name'), 'Irene');
    await userEvent.type(screen.getByLabelText('Age'), '29');
    await userEvent.click(screen.getByRole('button', { name: 'Save row' }));
    expect(await screen.findByText('Same img_id as another file in this batch')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Picture id (img_id)'));
    await userEvent.type(screen.getByLabelText('Picture id (img_id)'), 'irene-1');
    await userEvent.click(screen.getByRole('button', { name: 'Save row' }));
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith(7, {
        person_name: 'Irene',
        img_id: 'irene-1',
        person_idcard: '',
        person_gender: '',
        person_age: '29',
        person_addr: '',
      }),
    );
  });

  it('opens each row on its own values, after another row was edited and closed', async () => {
    // The import page's way: one modal, row A opened, closed, row B opened.
    function Harness() {
      const [step, setStep] = useState<'a' | 'closed' | 'b'>('a');
      const current = step === 'a' ? row('Alice_a-1_#_0_30_#.jpg') : step === 'b' ? row('Bob_b-1_#_1_40_#.jpg') : null;
      // No motion: jsdom never ends a leave animation, so the closed modal would never unmount.
      return (
        <ConfigProvider theme={{ token: { motion: false } }}>
          <button onClick={() => setStep(step === 'a' ? 'closed' : 'b')}>next</button>
          <ImportRowModal row={current} takenIds={new Set()} onSave={() => {}} onClose={() => {}} />
        </ConfigProvider>
      );
    }
    renderWithApp(<Harness />);
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveValue('Alice'));
    await userEvent.type(screen.getByLabelText('Address'), 'Hall');
    await userEvent.click(screen.getByRole('button', { name: 'next', hidden: true }));
    await waitFor(() => expect(screen.queryByLabelText('Name')).toBeNull());
    await userEvent.click(screen.getByRole('button', { name: 'next' }));
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveValue('Bob'));
    expect(screen.getByLabelText('Address')).toHaveValue('');
    expect(screen.getByLabelText('Age')).toHaveValue('40');
  });
});
