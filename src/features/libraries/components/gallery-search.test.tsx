import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp, resetState } from '../../../test/render';
import { EMPTY_EXACT, type GallerySearch } from '../lib/gallery-view';
import { GallerySearchForm } from './gallery-search';

beforeEach(() => resetState('en-US'));

// antd in jsdom is slow on a busy 2-core machine.
describe('GallerySearchForm', { timeout: 60_000 }, () => {
  it('offers the quick search or the exact filters, never both on screen', async () => {
    const onSearch = vi.fn();
    const { rerender } = renderWithApp(<GallerySearchForm search={{ mode: 'fuzzy', key: 'wang' }} onSearch={onSearch} />);
    expect(screen.getByRole('searchbox', { name: 'Quick search for people' })).toHaveValue('wang');
    expect(screen.queryByLabelText('Id number')).toBeNull();

    await userEvent.click(screen.getByText('Exact filters'));
    expect(onSearch).toHaveBeenLastCalledWith({ mode: 'exact', fields: EMPTY_EXACT });

    const exact: GallerySearch = { mode: 'exact', fields: { ...EMPTY_EXACT } };
    rerender(<GallerySearchForm search={exact} onSearch={onSearch} />);
    expect(screen.queryByRole('searchbox', { name: 'Quick search for people' })).toBeNull();
    expect(screen.getByLabelText('Id number')).toBeInTheDocument();
  });

  it('limits the quick search to 40 characters and sends it trimmed', async () => {
    const onSearch = vi.fn();
    renderWithApp(<GallerySearchForm search={{ mode: 'fuzzy', key: '' }} onSearch={onSearch} />);
    const box = screen.getByRole('searchbox', { name: 'Quick search for people' });
    expect(box).toHaveAttribute('maxlength', '40');
    await userEvent.type(box, '  Li Wei {Enter}');
    expect(onSearch).toHaveBeenLastCalledWith({ mode: 'fuzzy', key: 'Li Wei' });
  });

  it('checks the exact age and time before searching', async () => {
    const onSearch = vi.fn();
    renderWithApp(<GallerySearchForm search={{ mode: 'exact', fields: { ...EMPTY_EXACT } }} onSearch={onSearch} />);
    await userEvent.type(screen.getByLabelText('Age'), '130');
    await userEvent.type(screen.getByLabelText('Enrolled'), 'yesterday');
    await userEvent.click(screen.getByRole('button', { name: /Search/ }));
    expect(await screen.findByText('Age is a whole number from 1 to 120.')).toBeInTheDocument();
    expect(screen.getByText('Write it as yyyy-MM-dd HH:mm:ss')).toBeInTheDocument();
    expect(onSearch).not.toHaveBeenCalled();

    await userEvent.clear(screen.getByLabelText('Age'));
    await userEvent.type(screen.getByLabelText('Age'), '07');
    await userEvent.clear(screen.getByLabelText('Enrolled'));
    await userEvent.type(screen.getByLabelText('Name'), ' Ann ');
    await userEvent.click(screen.getByRole('button', { name: /Search/ }));
    await waitFor(() =>
      expect(onSearch).toHaveBeenLastCalledWith({ mode: 'exact', fields: { ...EMPTY_EXACT, person_name: 'Ann', person_age: '7' } }),
    );
  });
});
