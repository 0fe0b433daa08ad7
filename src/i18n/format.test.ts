import { describe, expect, it } from 'vitest';
import { formatAgo, formatMessage } from './format';

const ACK = '{count, plural, one {# alarm acknowledged} other {# alarms acknowledged}}';

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones as written', () => {
    expect(formatMessage('en-US', 'Hello {name}, {missing}', { name: 'Ann' })).toBe('Hello Ann, {missing}');
  });

  it('says English plurals with the browser’s plural rules', () => {
    expect(formatMessage('en-US', ACK, { count: 1 })).toBe('1 alarm acknowledged');
    expect(formatMessage('en-US', ACK, { count: 0 })).toBe('0 alarms acknowledged');
    expect(formatMessage('en-US', ACK, { count: 12 })).toBe('12 alarms acknowledged');
    // A count given formatted keeps its grouping and still chooses by its value.
    expect(formatMessage('en-US', ACK, { count: '1,234' })).toBe('1,234 alarms acknowledged');
  });

  it('takes an exact branch before the category, and placeholders inside a branch', () => {
    const text = '{n, plural, =0 {No face on {where}} one {One face on {where}} other {# faces on {where}}}';
    expect(formatMessage('en-US', text, { n: 0, where: 'the photo' })).toBe('No face on the photo');
    expect(formatMessage('en-US', text, { n: 1, where: 'the photo' })).toBe('One face on the photo');
    expect(formatMessage('en-US', text, { n: 3, where: 'the photo' })).toBe('3 faces on the photo');
  });

  it('has one form in Chinese', () => {
    expect(formatMessage('zh-CN', '{count, plural, other {已确认 # 条告警}}', { count: 1 })).toBe('已确认 1 条告警');
  });
});

describe('formatAgo', () => {
  it('says relative times in the language’s own words', () => {
    expect(formatAgo('en-US', 1)).toBe('1 second ago');
    expect(formatAgo('en-US', 12)).toBe('12 seconds ago');
    expect(formatAgo('en-US', 61)).toBe('1 minute ago');
    expect(formatAgo('en-US', 3 * 3600)).toBe('3 hours ago');
    expect(formatAgo('en-US', 86_400)).toBe('yesterday');
    expect(formatAgo('zh-CN', 12)).toBe('12秒钟前');
  });
});
