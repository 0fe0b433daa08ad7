// Filters (kept in the URL by the page) and the wall's actions: pause with its
// counting badge, acknowledge all, sound, kiosk, shortcuts. Two memoised
// parts: the filters do not re-render when an alarm arrives (antd's selects
// are not cheap to render 60 times a second), the actions only for their counts.
import { CheckOutlined, ClearOutlined, DesktopOutlined, PauseCircleOutlined, PlayCircleOutlined } from '../../../components/icons';
import { Alert, Badge, Button, InputNumber, Segmented, Select, Switch, Tooltip } from 'antd';
import { memo, type ReactNode } from 'react';
import type { CameraRecord } from '../../../api/protocol/cameras';
import type { Library } from '../../../api/protocol/libraries';
import { useWallCount, type WallCountsStore } from '../lib/wall-counts';
import { filtersMatchOnly, hasFilters, type KindFilter, type ListFilter, type WallFilters } from '../lib/wall-filters';
import { useWallT } from '../messages';
import { ShortcutsHelp } from './shortcuts-help';
import { SoundControls } from './sound-controls';

export interface WallFiltersBarProps {
  filters: WallFilters;
  onFilters(next: WallFilters): void;
  cameras: readonly CameraRecord[] | undefined;
  libraries: readonly Library[] | undefined;
  optionsLoading: boolean;
  optionsError: string | null;
  onRetryOptions(): void;
  /** Camera and library filters: a node's own (not on the merged wall). */
  perNode: boolean;
  /** More filters, first in the group (the merged wall's node and site). */
  extra?: ReactNode;
  /** One of those is set. */
  extraActive?: boolean;
  /** Every filter off, those too. */
  onClear(): void;
}

export const WallFiltersBar = memo(function WallFiltersBar(p: WallFiltersBarProps) {
  const t = useWallT();
  const f = p.filters;
  const set = (patch: Partial<WallFilters>) => p.onFilters({ ...f, ...patch });

  return (
    <>
      <div className="wall-toolbar__filters" role="group" aria-label={t('filter.label')}>
        {p.extra}
        {p.perNode ? (
          <>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              className="wall-toolbar__select"
              aria-label={t('filter.cameras')}
              placeholder={t('filter.camerasAll')}
              loading={p.optionsLoading}
              value={[...f.cameras]}
              onChange={(v: number[]) => set({ cameras: v })}
              options={(p.cameras ?? []).map((c) => ({
                value: c.channel,
                label: c.camera_name || t('card.channel', { channel: c.channel }),
              }))}
              optionFilterProp="label"
            />
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              className="wall-toolbar__select"
              aria-label={t('filter.libraries')}
              placeholder={t('filter.librariesAll')}
              loading={p.optionsLoading}
              value={[...f.libraries]}
              onChange={(v: number[]) => set({ libraries: v })}
              options={(p.libraries ?? []).map((l) => ({ value: l.lib_id, label: l.lib_name }))}
              optionFilterProp="label"
            />
          </>
        ) : null}
        <Select<ListFilter | 'all'>
          className="wall-toolbar__select wall-toolbar__select--narrow"
          aria-label={t('filter.list')}
          value={f.list ?? 'all'}
          onChange={(v) => set({ list: v === 'all' ? null : v })}
          options={[
            { value: 'all', label: t('filter.listAll') },
            { value: 'black', label: t('filter.listBlack') },
            { value: 'white', label: t('filter.listWhite') },
          ]}
        />
        <Select<KindFilter | 'all'>
          className="wall-toolbar__select wall-toolbar__select--kind"
          aria-label={t('filter.kind')}
          value={f.kind ?? 'all'}
          onChange={(v) => set({ kind: v === 'all' ? null : v })}
          options={[
            { value: 'all', label: t('filter.kindAll') },
            { value: 'face', label: t('filter.kindFace') },
            { value: 'body', label: t('filter.kindBody') },
          ]}
        />
        <InputNumber<number>
          className="wall-toolbar__sim"
          aria-label={t('filter.similarity')}
          placeholder={t('filter.similarity')}
          min={0}
          max={100}
          step={1}
          precision={0}
          prefix="≥"
          suffix="%"
          value={f.similarity || null}
          onChange={(v) => set({ similarity: typeof v === 'number' ? v : 0 })}
        />
        <Tooltip title={filtersMatchOnly(f) ? t('filter.matchOnlyHint') : undefined}>
          <label className="wall-switch">
            <Switch size="small" checked={f.strangers} onChange={(v) => set({ strangers: v })} />
            <span>{t('filter.strangers')}</span>
          </label>
        </Tooltip>
        {hasFilters(f) || p.extraActive ? (
          <Button type="link" icon={<ClearOutlined />} onClick={p.onClear}>
            {t('filter.reset')}
          </Button>
        ) : null}
      </div>
      {p.optionsError ? (
        <Alert
          className="wall-toolbar__error"
          type="warning"
          showIcon
          title={t('filter.loadFailed', { reason: p.optionsError })}
          action={
            <Button size="small" onClick={p.onRetryOptions}>
              {t('filter.retry')}
            </Button>
          }
        />
      ) : null}
    </>
  );
});

export interface WallActionsProps {
  paused: boolean;
  pausedCount: number;
  onTogglePause(): void;
  /** The wall's counts: only the acknowledge-all button follows them. */
  counts: WallCountsStore;
  onAckAll(): void;
  onKiosk(): void;
  /** The tile layout is on. */
  tiles: boolean;
  onTiles(on: boolean): void;
}

export const WallActions = memo(function WallActions(p: WallActionsProps) {
  const t = useWallT();
  return (
    <div className="wall-toolbar__actions">
      <Badge count={p.paused ? p.pausedCount : 0} overflowCount={9999} title={t('action.pausedBadge', { count: p.pausedCount })}>
        <Button
          icon={p.paused ? <PlayCircleOutlined /> : <PauseCircleOutlined />}
          aria-pressed={p.paused}
          onClick={p.onTogglePause}
          className={p.paused ? 'wall-btn-strong' : undefined}
        >
          {p.paused ? t('action.resume') : t('action.pause')}
        </Button>
      </Badge>
      <AckAllButton counts={p.counts} onAckAll={p.onAckAll} />
      <Segmented
        aria-label={t('layout.label')}
        value={p.tiles ? 'tiles' : 'flow'}
        onChange={(v) => p.onTiles(v === 'tiles')}
        options={[
          { value: 'flow', label: <span title={t('layout.flowHint')}>{t('layout.flow')}</span> },
          { value: 'tiles', label: <span title={t('layout.tilesHint')}>{t('layout.tiles')}</span> },
        ]}
      />
      <SoundControls />
      <Button icon={<DesktopOutlined />} onClick={p.onKiosk}>
        {t('action.kiosk')}
      </Button>
      <ShortcutsHelp />
    </div>
  );
});

function AckAllButton({ counts, onAckAll }: { counts: WallCountsStore; onAckAll(): void }) {
  const t = useWallT();
  const unacknowledged = useWallCount(counts, 'unacknowledged');
  return (
    <Button icon={<CheckOutlined />} onClick={onAckAll} disabled={unacknowledged === 0}>
      {unacknowledged > 0 ? t('action.ackAllCount', { count: unacknowledged }) : t('action.ackAll')}
    </Button>
  );
}
