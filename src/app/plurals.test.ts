// English says "1 alarm", not "1 alarms", in every feature's messages (the
// plural forms are chosen by Intl.PluralRules: src/i18n/format.ts). Here
// because it reads several features' catalogues.
import { describe, expect, it } from 'vitest';
import { useWallT } from '../features/alarm-wall/messages';
import { useCameraT } from '../features/cameras/messages';
import { useFaceSearchT } from '../features/face-search/messages';
import { useRecordsT } from '../features/records/messages';

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
