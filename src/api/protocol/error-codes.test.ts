import { describe, expect, it } from 'vitest';
import { ErrorCode } from './error-codes';
import { DEVICE_ERRORS } from './errors';

describe('Appendix A codes by name', () => {
  it('names each code once', () => {
    const codes = Object.values(ErrorCode);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('names exactly the codes the device has messages for', () => {
    const named = Object.values(ErrorCode).sort((a, b) => a - b);
    const described = Object.keys(DEVICE_ERRORS)
      .map(Number)
      .sort((a, b) => a - b);
    expect(named).toEqual(described);
  });
});
