import { describe, expect, it } from 'vitest';
import { detectLang, translate } from './index';

describe('detectLang', () => {
  it.each([
    [['zh-CN', 'en'], 'zh-CN'],
    [['zh-TW'], 'zh-CN'],
    [['en-GB', 'zh-CN'], 'en-US'],
    [['fr-FR', 'zh'], 'zh-CN'],
    [['fr-FR'], 'en-US'],
    [[], 'en-US'],
  ] as const)('%j → %s', (langs, expected) => {
    expect(detectLang(langs)).toBe(expected);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en-US', 'error.device.unknown', { code: -7 })).toBe('Device error -7');
    expect(translate('zh-CN', 'error.device.unknown', { code: -7 })).toBe('设备错误 -7');
    expect(translate('en-US', 'error.device.unknown')).toBe('Device error {code}');
  });
});
