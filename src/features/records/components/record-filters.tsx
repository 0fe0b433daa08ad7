// The filters of §3.13 / §3.16 / §3.22: channel (by camera name), library and
// list type (faces), libraries by id (alarms), time range. Every change goes to
// the URL through onChange; nothing is held here.
import { Button, Form, Select } from 'antd';
import { DeviceDatePicker } from '../../../components/device-date-picker';
import dayjs, { type Dayjs } from 'dayjs';
import { useId, type ReactNode } from 'react';
import type { CameraRecord } from '../../../api/protocol/cameras';
import type { Library } from '../../../api/protocol/libraries';
import { ID_LIST_MAX } from '../../../api/protocol/limits';
import { TIME_PRESETS } from '../model/device-time';
import { withFilter, type RangeChoice, type RecordView } from '../model/record-view';
import { useRecordsT } from '../messages';

const WIRE = 'YYYY-MM-DD HH:mm:ss';

export interface RecordFiltersProps {
  view: RecordView;
  onChange: (next: RecordView) => void;
  cameras: readonly CameraRecord[];
  libraries: readonly Library[];
  /**
   * Across nodes: cameras are chosen by channel (each node names its own),
   * alarms' library by name (ids are per node); `extra` (the node picker) comes first.
   */
  fleet?: { channels: number; extra: ReactNode };
}

export function RecordFilters({ view, onChange, cameras, libraries, fleet }: RecordFiltersProps) {
  const t = useRecordsT();
  const id = useId();
  const set = (change: Partial<RecordView>) => onChange(withFilter(view, change));
  const faces = view.tab !== 'bodies';
  const rangeValue: [Dayjs | null, Dayjs | null] | null =
    view.range === 'custom'
      ? [view.from ? dayjs(view.from.replace(' ', 'T')) : null, view.to ? dayjs(view.to.replace(' ', 'T')) : null]
      : null;
  const anyFilter =
    view.channel !== undefined || view.libName || view.libIds.length > 0 || view.libType !== undefined || view.range !== undefined;

  return (
    <Form layout="vertical" className="records-filters" role="search" aria-label={t('filter.label')} component="div">
      {fleet?.extra}
      <Form.Item label={t('filter.camera')} htmlFor={`${id}-camera`}>
        <Select
          id={`${id}-camera`}
          allowClear
          placeholder={t('filter.cameraAll')}
          value={view.channel}
          onChange={(v?: number) => set({ channel: v })}
          options={
            fleet
              ? Array.from({ length: fleet.channels }, (_, i) => ({ value: i + 1, label: t('row.channel', { channel: i + 1 }) }))
              : cameras.map((c) => ({ value: c.channel, label: t('filter.cameraOption', { name: c.camera_name, channel: c.channel }) }))
          }
          popupMatchSelectWidth={false}
        />
      </Form.Item>

      {(view.tab === 'snapshots' || (fleet && view.tab === 'alarms')) && (
        <Form.Item label={t('filter.library')} htmlFor={`${id}-library`}>
          <Select
            id={`${id}-library`}
            allowClear
            placeholder={t('filter.libraryAll')}
            value={view.libName}
            onChange={(v?: string) => set({ libName: v })}
            // Across nodes: the names of the node shown's libraries (a site's nodes usually share them).
            options={[...new Set(libraries.map((l) => l.lib_name))].map((name) => ({ value: name, label: name }))}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
      )}

      {view.tab === 'alarms' && !fleet && (
        <Form.Item
          label={t('filter.libraries')}
          htmlFor={`${id}-libraries`}
          help={view.libIds.length >= ID_LIST_MAX ? t('filter.librariesMax', { max: ID_LIST_MAX }) : undefined}
        >
          <Select
            id={`${id}-libraries`}
            mode="multiple"
            allowClear
            maxCount={ID_LIST_MAX}
            placeholder={t('filter.libraryAll')}
            value={view.libIds}
            onChange={(v: number[]) => set({ libIds: v })}
            options={libraries.map((l) => ({ value: l.lib_id, label: l.lib_name }))}
            optionFilterProp="label"
            popupMatchSelectWidth={false}
          />
        </Form.Item>
      )}

      {faces && (
        <Form.Item label={t('filter.listType')} htmlFor={`${id}-type`}>
          <Select
            id={`${id}-type`}
            allowClear
            placeholder={t('filter.listTypeAll')}
            value={view.libType}
            onChange={(v?: 1 | 2) => set({ libType: v })}
            options={[
              { value: 1, label: t('type.1') },
              { value: 2, label: t('type.2') },
            ]}
          />
        </Form.Item>
      )}

      <Form.Item label={t('filter.time')} htmlFor={`${id}-time`}>
        <Select
          id={`${id}-time`}
          value={view.range ?? 'any'}
          onChange={(v: RangeChoice | 'any') => set(v === 'any' ? { range: undefined, from: undefined, to: undefined } : { range: v })}
          options={[
            { value: 'any', label: t('time.any') },
            ...TIME_PRESETS.map((p) => ({ value: p, label: t(`time.${p}`) })),
            { value: 'custom', label: t('time.custom') },
          ]}
          popupMatchSelectWidth={false}
        />
      </Form.Item>

      {view.range === 'custom' && (
        <Form.Item label={t('filter.range')} htmlFor={`${id}-from`}>
          <DeviceDatePicker.RangePicker
            id={{ start: `${id}-from`, end: `${id}-to` }}
            showTime
            allowEmpty={[true, true]}
            format={WIRE}
            placeholder={[t('filter.rangeStart'), t('filter.rangeEnd')]}
            value={rangeValue}
            onChange={(v) => set({ range: 'custom', from: v?.[0]?.format(WIRE) ?? undefined, to: v?.[1]?.format(WIRE) ?? undefined })}
          />
        </Form.Item>
      )}

      {anyFilter && (
        <Form.Item label=" " colon={false}>
          <Button
            onClick={() =>
              set({
                channel: undefined,
                libName: undefined,
                libIds: [],
                libType: undefined,
                range: undefined,
                from: undefined,
                to: undefined,
              })
            }
          >
            {t('filter.reset')}
          </Button>
        </Form.Item>
      )}
    </Form>
  );
}
