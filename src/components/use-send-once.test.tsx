import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSendOnce } from './use-send-once';

describe('useSendOnce', () => {
  it('lets one send through per opening; a refusal lets the next one through', () => {
    const { result, rerender } = renderHook(({ open }) => useSendOnce(open), { initialProps: { open: true } });
    expect(result.current.take()).toBe(true);
    expect(result.current.take()).toBe(false);
    result.current.refused();
    expect(result.current.take()).toBe(true);
    // Saved: nothing more while it closes, and a new opening starts afresh.
    rerender({ open: false });
    expect(result.current.take()).toBe(false);
    rerender({ open: true });
    expect(result.current.take()).toBe(true);
  });
});
