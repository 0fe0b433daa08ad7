import { describe, expect, it } from 'vitest';
import { describeError } from './device-error';
import { DeviceError, NetworkError, ProtocolError, RequestError } from './errors';

describe('describeError', () => {
  it('gives a known device code its Appendix A words and hint, in each language', () => {
    const e = new DeviceError(-113, 'Username or password error', 'session.login');
    expect(describeError(e, 'zh-CN')).toEqual({ title: '用户名或密码错误', hint: expect.stringContaining('区分大小写'), code: -113 });
    expect(describeError(e, 'en-US')).toEqual({
      title: 'Username or password error',
      hint: expect.stringContaining('case-sensitive'),
      code: -113,
    });
  });

  it('names an unknown code and gives the generic hint', () => {
    const e = new DeviceError(-4242, '', 'x');
    expect(describeError(e, 'en-US')).toEqual({
      title: 'Device error -4242',
      hint: expect.stringContaining('Try again later'),
      code: -4242,
    });
    expect(describeError(e, 'zh-CN').title).toBe('设备错误 -4242');
  });

  it('says a network failure is about reaching the device, with the HTTP status when there is one', () => {
    expect(describeError(new NetworkError('x'), 'en-US').title).toMatch(/^Cannot reach the device at /);
    expect(describeError(new NetworkError('x', 502), 'en-US').hint).toContain('HTTP 502');
    expect(describeError(new NetworkError('x'), 'zh-CN').title).toMatch(/^无法连接到设备/);
  });

  it('describes protocol and request errors with their detail', () => {
    expect(describeError(new ProtocolError('x', 'data.version: expected string'), 'en-US')).toEqual({
      title: 'The device gave an unexpected answer',
      hint: expect.stringContaining('data.version'),
    });
    expect(describeError(new RequestError('x', 'qry_len: too big'), 'zh-CN')).toEqual({
      title: '请求未发送',
      hint: expect.stringContaining('qry_len'),
    });
  });

  it('falls back to the message of anything else', () => {
    expect(describeError(new Error('boom'), 'en-US')).toEqual({ title: 'Something went wrong', hint: 'boom' });
  });
});
