// English says "1 alarm", not "1 alarms", in every feature's messages (the
// plural forms are chosen by Intl.PluralRules: src/i18n/format.ts). Here
// because it reads several features' catalogues.
import { describe, expect, it } from 'vitest';
import { useWallT } from '../features/alarm-wall/messages';
import { useCameraT } from '../features/cameras/messages';
import { useFaceSearchT } from '../features/face-search/messages';
import { useRecordsT } from '../features/records/messages';
import * as wallEn from '../features/alarm-wall/messages/en-US';
import * as wallZh from '../features/alarm-wall/messages/zh-CN';
import * as camEn from '../features/cameras/messages/en-US';
import * as camZh from '../features/cameras/messages/zh-CN';
import * as fsEn from '../features/face-search/messages/en-US';
import * as fsZh from '../features/face-search/messages/zh-CN';
import * as libEn from '../features/libraries/messages/en-US';
import * as libZh from '../features/libraries/messages/zh-CN';
import * as recEn from '../features/records/messages/en-US';
import * as recZh from '../features/records/messages/zh-CN';
import * as sysEn from '../features/system/messages/en-US';
import * as sysZh from '../features/system/messages/zh-CN';
import { enUS } from '../i18n/en-US';
import { zhCN } from '../i18n/zh-CN';

describe('English plurals', () => {
  it('the alarm wall', () => {
    const t = useWallT.translate;
    expect(t('en-US', 'action.ackAllDone', { count: 1 })).toBe('1 alarm acknowledged');
    expect(t('en-US', 'action.ackAllDone', { count: 3 })).toBe('3 alarms acknowledged');
    expect(t('en-US', 'status.recovered', { count: 1 })).toBe('Back live: 1 alarm fetched from the alarm history.');
    expect(t('en-US', 'status.recovered', { count: 2 })).toBe('Back live: 2 alarms fetched from the alarm history.');
    expect(t('en-US', 'status.recoveredOlder', { count: 1, capacity: 500 })).toBe(
      '1 alarm of the outage is older than the 500 the wall keeps and is not shown: it is in the alarm search.',
    );
    expect(t('en-US', 'notify.more', { count: 1 })).toBe('1 more blacklist alarm');
    expect(t('zh-CN', 'action.ackAllDone', { count: 1 })).not.toMatch(/\{|#/);
  });

  it('face search', () => {
    const t = useFaceSearchT.translate;
    expect(t('en-US', 'photo.faces', { n: 1 })).toBe('1 face found');
    expect(t('en-US', 'detect.count', { n: 4 })).toBe('4 faces found');
    expect(t('en-US', 'results.libsSome', { n: 1 })).toBe('1 library');
  });

  it('records', () => {
    const t = useRecordsT.translate;
    expect(t('en-US', 'list.total', { total: 1 })).toBe('1 record, newest first');
    expect(t('en-US', 'list.total', { total: '1,200' })).toBe('1,200 records, newest first');
    expect(t('en-US', 'export.chosen', { n: 1 })).toBe('The selected record');
    expect(t('en-US', 'delete.bodies', { n: 1 })).toBe('1 body record');
  });

  it('cameras: no "binding(s)"', () => {
    const t = useCameraT.translate;
    expect(t('en-US', 'delete.relays', { count: 1 })).toBe('Its relay binding is removed too.');
    expect(t('en-US', 'delete.relays', { count: 2 })).toBe('Its 2 relay bindings are removed too.');
  });
});

// The placeholders' types come from the zh-CN source (src/i18n/catalogue.ts):
// every other locale must take the same ones, or a caller's vars miss there.

/** {name} and {count, plural, …}; a branch ("one {is}") is text, not a placeholder. */
const names = (text: string) =>
  new Set([...text.matchAll(/(?<!(?:zero|one|two|few|many|other|=\d+)\s*)\{\s*(\w+)\s*(?:\}|,\s*plural)/g)].map((m) => m[1]));

describe('placeholders', () => {
  it.each([
    ['shell', zhCN, enUS],
    ['alarm wall', wallZh.zhCN, wallEn.enUS],
    ['cameras', camZh.zhCN, camEn.enUS],
    ['face search', fsZh.zhCN, fsEn.enUS],
    ['libraries', libZh.zhCN, libEn.enUS],
    ['records', recZh.zhCN, recEn.enUS],
    ['system', sysZh.zhCN, sysEn.enUS],
  ] as const)('%s: en-US takes the placeholders of zh-CN, message by message', (_name, zh, en) => {
    const source = zh as Readonly<Record<string, string>>;
    const other = en as Readonly<Record<string, string>>;
    for (const key of Object.keys(source)) {
      expect([key, names(other[key]!)]).toEqual([key, names(source[key]!)]);
    }
  });
});
