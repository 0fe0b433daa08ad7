import { describe, expect, it } from 'vitest';
import { deviceFileUrl } from './files';

describe('deviceFileUrl', () => {
  it('keeps the path, drops leading slashes and encodes each segment', () => {
    expect(deviceFileUrl('/mnt/snap/2024 01/a#1.jpg')).toBe('/ws/mnt/snap/2024%2001/a%231.jpg');
    expect(deviceFileUrl('export/lib.zip')).toBe('/ws/export/lib.zip');
  });
});
