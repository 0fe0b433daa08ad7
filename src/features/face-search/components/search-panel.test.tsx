import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { envelope } from '../../../test/fake-device';
import { renderRoutes, resetState } from '../../../test/render';
import { SearchPanel } from './search-panel';

beforeAll(() => configure({ asyncUtilTimeout: 5000 }));
beforeEach(() => {
  resetState('en-US');
  // jsdom has no object URLs.
  URL.createObjectURL = vi.fn(() => 'blob:photo');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => vi.unstubAllGlobals());

const attr = {
  st_age: 'st_adult',
  mustache_style: 'mustache_style_type_none',
  respirator_color: 'color_type_none',
  glass_style: 'glasses_style_type_none',
  gender_code: 'female',
  st_expression: 'st_calm',
  cap_style: 'hat_style_type_none',
  st_age_value: '30.000000',
};
const candidate = {
  img_id: 'BL-0002',
  img_path: 'img/1_b.jpg',
  lib_id: 1,
  lib_name: 'Blacklist',
  lib_type: 1,
  ranking: 1,
  similarity: 97,
  id: 'P1',
  name: 'Grace Clark',
  gender: 0,
  age: 33,
  address: 'Raffles Place',
};

/** The device at the network level, form operations included (fake-device.ts reads JSON only). */
function device() {
  const sent: { msgId: string; fields: Record<string, string>; files: string[] }[] = [];
  const pictures: string[] = [];
  let photos = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url.startsWith('/ws/')) {
        pictures.push(url);
        return new Response(new Uint8Array([0xff, 0xd8, 0xff]), { status: 200 });
      }
      const fields: Record<string, string> = {};
      const files: string[] = [];
      if (init?.body instanceof FormData) {
        for (const [k, v] of init.body.entries()) {
          if (typeof v === 'string') fields[k] = v;
          else files.push(k);
        }
      } else Object.assign(fields, JSON.parse(String(init?.body ?? '{}')));
      const msgId = String(fields.msg_id);
      sent.push({ msgId, fields, files });
      if (msgId === '1028')
        return envelope(0, [
          { lib_id: 1, lib_name: 'Blacklist', lib_type: 1, picture_no: 4, create_time: '', update_time: '' },
          { lib_id: 2, lib_name: 'Staff', lib_type: 2, picture_no: 9, create_time: '', update_time: '' },
        ]);
      if (msgId === '782') {
        photos++;
        if (photos === 2) return envelope(-1104);
        return envelope(0, [
          { quality: 98, coordinate: '10,10,110,130', attribute: attr, img_path: 'tmp/a.jpg' },
          { quality: 91, coordinate: '200,20,280,120', attribute: attr, img_path: 'tmp/b.jpg' },
        ]);
      }
      if (msgId === '772')
        return envelope(0, {
          in_pic: { pos_top: 1, pos_bottom: 2, pos_left: 1, pos_right: 2, quality: 91 },
          n_topn: candidate,
          topn: [candidate],
        });
      return envelope(-3599);
    }),
  );
  return { sent, pictures };
}

describe('the 1:N search panel', () => {
  it('searches the chosen face of a group photo, and keeps everything when the next photo is refused', async () => {
    const dev = device();
    const { container } = renderRoutes(
      [
        {
          path: '/',
          element: (
            <App>
              <SearchPanel snap={null} />
            </App>
          ),
        },
      ],
      '/',
    );
    const u = userEvent.setup();
    const input = () => container.querySelector<HTMLInputElement>('input[type=file]')!;
    // Said inside the empty select, not under it.
    expect((await screen.findByText('All libraries (2)')).closest('.ant-select')).not.toBeNull();
    await u.upload(input(), new File([new Uint8Array([1, 2, 3])], 'group.jpg', { type: 'image/jpeg' }));

    expect(await screen.findByText('The photo shows 2 faces. Choose the one to search:')).toBeInTheDocument();
    await u.click(screen.getByRole('radio', { name: 'Face 2 (quality 91)' }));
    await u.click(screen.getByRole('button', { name: 'Search face 2' }));
    expect(await screen.findByText('Grace Clark')).toBeInTheDocument();
    const search = dev.sent.find((s) => s.msgId === '772')!;
    // Every library by default, the chosen face's crop from the device.
    expect(search.fields).toMatchObject({ lib_ids: '1,2', threshold: '60', topk: '10' });
    expect(search.files).toEqual(['img']);
    expect(dev.pictures).toEqual(['/ws/tmp/b.jpg']);
    expect(screen.getByText(/Face 2 searched in all libraries, threshold 60/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Open in the library/ })).toHaveAttribute('href', '/libraries/1?face=BL-0002');

    await u.upload(input(), new File(['not a picture'], 'notes.jpg', { type: 'image/jpeg' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The photo “notes.jpg” was not taken');
    expect(alert).toHaveTextContent('Incorrect image format or broken image');
    expect(alert).toHaveTextContent('The previous photo and its results are still here.');
    expect(screen.getByRole('radio', { name: 'Face 2 (quality 91)' })).toBeChecked();
    expect(screen.getByText('Grace Clark')).toBeInTheDocument();
    await waitFor(() => expect(dev.sent.filter((s) => s.msgId === '782')).toHaveLength(2));
  });
});
