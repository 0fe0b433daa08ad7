// The live alarm wall (§9.1-9.2): what the supervisor watches all day. The
// live store holds the alarms (bounded, deduplicated, backfilled after gaps);
// this page arranges, filters and shows them, alerts on blacklist matches, and
// keeps its view in the URL (filters, kiosk mode, the open alarm).
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Alert, App, Button } from 'antd';
import { memo, useCallback, useEffect, useEffectEvent, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { describeError } from '../../../api/device-error';
import { PageTitle } from '../../../components/page-title';
import { useLang } from '../../../i18n';
import { liveStore, type LiveAlarm, type LiveStore } from '../../../live';
import { wallQueries } from '../api/wall-queries';
import { AlarmDetail } from '../components/alarm-detail';
import { alarmTitle } from '../lib/card-view';
import { AlarmGrid } from '../components/alarm-grid';
import { AlarmTiles } from '../components/alarm-tiles';
import { ConnectionBanner } from '../components/connection-banner';
import { KioskBar } from '../components/kiosk-bar';
import { WallActions, WallFiltersBar } from '../components/wall-toolbar';
import { useAlarmAlerts, type NotificationText } from '../lib/alarm-alerts';
import { unlockSound, useSoundState } from '../lib/alarm-sound';
import { deviceClock } from '../lib/device-time';
import { cardSelector, type GridWindow } from '../lib/grid';
import { useTicked } from '../lib/ticker';
import { useWallShortcuts } from '../lib/use-wall-shortcuts';
import { arrangeWall, hasFilters, showsOnWall, whitelistOnlyChannels } from '../lib/wall-filters';
import { useFullscreen } from '../lib/use-fullscreen';
import { useWallOpen } from '../lib/use-wall-open';
import { useWallView } from '../lib/use-wall-view';
import { useWallPrefs } from '../lib/wall-prefs';
import { useWakeLock } from '../lib/wake-lock';
import { useWallCount, useWallCountsStore, type WallCountsStore } from '../lib/wall-counts';
import { WallStoreContext, useWallStore } from '../lib/wall-store';
import { useWallT } from '../messages';
import '../wall.css';

/** One node's wall: the node's live buffer (live-connection.tsx's socket). */
export function AlarmWallPage() {
  return <WallView store={liveStore} />;
}

/** The merged wall's own parts (fleet mode, fleet-alarm-wall-page.tsx). */
export interface FleetWallParts {
  /** Its node and site filters: only what passes is shown. */
  passes: ((a: LiveAlarm) => boolean) | null;
  /** Each node's connection state, where the one-node wall has its banner. */
  states: ReactNode;
  /** The same, small, for the kiosk bar. */
  kioskStates: ReactNode;
  /** The node and site filters, in the filter bar. */
  filters: ReactNode;
  /** Their URL parameters, cleared with the others. */
  filterParams: readonly string[];
}

/** The wall over a live buffer: a node's, or the merged one of several nodes (`fleet`). */
export function WallView({ store, fleet }: { store: LiveStore; fleet?: FleetWallParts }) {
  return (
    <WallStoreContext value={store}>
      <Wall store={store} fleet={fleet} />
    </WallStoreContext>
  );
}

function Wall({ store, fleet }: { store: LiveStore; fleet: FleetWallParts | undefined }) {
  const t = useWallT();
  const lang = useLang();
  const { message } = App.useApp();
  const view = useWallView();
  const { kiosk, tiles, setTiles, openId, setFilters, openAlarm, closeAlarm: close, setKioskParam } = view;
  // Channels and library ids are a node's own: the merged wall filters by node and site instead.
  const filters = useMemo(() => (fleet ? { ...view.filters, cameras: [], libraries: [] } : view.filters), [fleet, view.filters]);

  const cameras = useQuery({ ...wallQueries.cameras(), enabled: !fleet });
  const libraries = useQuery({ ...wallQueries.libraries(), enabled: !fleet });
  const whitelistOnly = useMemo(() => whitelistOnlyChannels(cameras.data, libraries.data), [cameras.data, libraries.data]);
  const optionsError = cameras.error ?? libraries.error;

  const alarms = useWallStore((s) => s.alarms);
  const paused = useWallStore((s) => s.paused);
  const pausedCount = useWallStore((s) => s.pausedCount);
  const fleetPasses = fleet?.passes ?? null;
  const arranged = useMemo(() => arrangeWall(alarms, filters, fleetPasses), [alarms, filters, fleetPasses]);
  // What the wall shows, as text: the tiles are filled again when it changes (not when an object is new).
  const [params] = useSearchParams();
  const viewKey = JSON.stringify(filters) + (fleet ? fleet.filterParams.map((p) => params.getAll(p).join(',')).join('|') : '');
  // The tiles' test for an alarm as it arrives: the arrangement's.
  const shows = useCallback((a: LiveAlarm) => showsOnWall(a, filters, fleetPasses), [filters, fleetPasses]);
  // Told before the frame is painted: the counts never lag the cards.
  const counts = useWallCountsStore();
  useLayoutEffect(() => {
    counts.setState({ shown: arranged.list.length, held: alarms.length, unacknowledged: arranged.unacknowledged });
  }, [counts, arranged, alarms.length]);
  const today = useTicked((now) => deviceClock.today(now));
  const soundBlocked = useSoundState((s) => s.blocked);
  const muted = useWallPrefs((s) => s.muted);

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [fitted, setFitted] = useState(0);
  const [fullscreen, enterFullscreen, exitFullscreen] = useFullscreen();

  useWallOpen(store, tiles);
  const wake = useWakeLock(kiosk);
  // Kiosk hides the shell: a class on <body>, not body:has(.wall-kiosk), which sent every
  // change to the page's elements to <body>'s style (a cost at each card, on every page).
  useLayoutEffect(() => {
    if (!kiosk) return;
    document.body.classList.add('wall-kiosk-open');
    return () => document.body.classList.remove('wall-kiosk-open');
  }, [kiosk]);

  const notificationText = useMemo<NotificationText>(
    () => ({
      title: (a) => t('notify.title', { name: alarmTitle(a, t) }),
      body: (a, more) =>
        [
          t('notify.body', { camera: a.cameraName, similarity: a.kind === 'face' ? (a.match?.similarity ?? 0) : 0, time: a.trigger }),
          more > 0 ? t('notify.more', { count: more }) : '',
        ]
          .filter(Boolean)
          .join('\n'),
    }),
    [t],
  );
  useAlarmAlerts(store, shows, notificationText);

  const open = useCallback(
    (snapId: string) => {
      setSelectedId(snapId);
      openAlarm(snapId);
    },
    [openAlarm],
  );
  const ack = useCallback((key: string) => store.getState().acknowledge(key), [store]);
  // With filters on, "all" means all that the wall shows. Read through a ref so the
  // callback stays the same while alarms arrive (the action bar is memoised).
  const filtered = hasFilters(filters) || fleetPasses !== null;
  const latest = useRef({ filtered, list: arranged.list });
  latest.current = { filtered, list: arranged.list };
  const ackAll = useCallback(() => {
    const s = store.getState();
    let n = 0;
    if (!latest.current.filtered) {
      n = s.unacknowledged;
      s.acknowledgeAll();
    } else {
      for (const a of latest.current.list) {
        if (a.acknowledged) continue;
        s.acknowledge(a.key);
        n++;
      }
    }
    if (n > 0) void message.success(t('action.ackAllDone', { count: n }));
  }, [message, t, store]);
  const togglePause = useCallback(() => {
    const s = store.getState();
    s.setPaused(!s.paused);
  }, [store]);
  const setKiosk = useCallback(
    (on: boolean) => {
      setKioskParam(on);
      if (on) enterFullscreen();
      else exitFullscreen();
    },
    [setKioskParam, enterFullscreen, exitFullscreen],
  );

  useWallShortcuts({
    pause: togglePause,
    ackAll,
    ack: () => {
      // The open alarm, else the selected card, else the top alarm still waiting.
      const target = openId ?? selectedId ?? arranged.list.find((a) => !a.acknowledged)?.key ?? null;
      if (target) ack(target);
    },
    mute: () => useWallPrefs.getState().toggleMuted(),
    kiosk: () => setKiosk(!kiosk),
    fullscreen: () => (fullscreen ? exitFullscreen() : enterFullscreen()),
    focusFirst: () => {
      const first = arranged.list[0];
      if (!first) return;
      setSelectedId(first.key);
      document.querySelector<HTMLElement>(`.wall-grid ${cardSelector(first.key)}`)?.focus();
    },
  });

  // Focus back on the card when the details close.
  // Only when the details open or close, not when the selection moves.
  const refocus = useEffectEvent(() => {
    if (openId || !selectedId) return;
    document.querySelector<HTMLElement>(`.wall-grid ${cardSelector(selectedId)}`)?.focus({ preventScroll: true });
  });
  useEffect(() => refocus(), [openId]);

  const onWindow = useCallback((w: GridWindow) => setFitted(w.end), []);
  const refetchCameras = cameras.refetch;
  const refetchLibraries = libraries.refetch;
  const retryOptions = useCallback(() => {
    void refetchCameras();
    void refetchLibraries();
  }, [refetchCameras, refetchLibraries]);
  const enterKiosk = useCallback(() => setKiosk(true), [setKiosk]);
  const clearView = view.clearFilters;
  const fleetParams = fleet?.filterParams;
  const clearFilters = useCallback(() => clearView(fleetParams ?? []), [clearView, fleetParams]);
  const urgentWaiting = arranged.pinned;

  const banners = (
    <>
      {/* The merged wall: each node's state (in kiosk mode in the bar). */}
      {fleet ? kiosk ? null : fleet.states : <ConnectionBanner />}
      {paused ? (
        <Alert
          className="wall-banner"
          type="info"
          showIcon
          title={t('paused.banner', { count: pausedCount })}
          action={
            <Button size="small" className="wall-btn-strong" onClick={togglePause}>
              {t('action.resume')}
            </Button>
          }
        />
      ) : null}
      {kiosk && (wake === 'insecure' || wake === 'unsupported' || wake === 'refused') ? (
        <Alert className="wall-banner" type="warning" showIcon title={t(`wake.${wake}`)} />
      ) : null}
      {soundBlocked && !muted ? (
        <Alert
          className="wall-banner"
          type="warning"
          showIcon
          title={t('sound.blocked')}
          action={
            <Button size="small" onClick={() => unlockSound()}>
              {t('sound.enable')}
            </Button>
          }
        />
      ) : null}
    </>
  );

  // What both layouts take.
  const cards = {
    alarms: arranged.list,
    view: viewKey,
    kiosk,
    label: t('page.feed'),
    whitelistOnly,
    today,
    selectedId,
    onSelect: setSelectedId,
    onOpen: open,
    onAck: ack,
    empty: alarms.length === 0 ? t('empty.none') : t('empty.filtered'),
  };
  const grid = tiles ? (
    <AlarmTiles {...cards} store={store} shows={shows} paused={paused} openId={openId} />
  ) : (
    <AlarmGrid {...cards} onWindow={onWindow} />
  );
  const detail = <AlarmDetail alarmKey={openId} onClose={close} onAck={ack} />;

  if (kiosk) {
    return (
      <div className={urgentWaiting > 0 ? 'wall-kiosk wall-kiosk--urgent' : 'wall-kiosk'} role="region" aria-label={t('kiosk.label')}>
        <KioskBar
          paused={paused}
          pausedCount={pausedCount}
          onTogglePause={togglePause}
          unacknowledged={arranged.unacknowledged}
          onAckAll={ackAll}
          hidden={tiles ? 0 : Math.max(0, arranged.list.length - fitted)}
          fullscreen={fullscreen}
          onFullscreen={() => (fullscreen ? exitFullscreen() : enterFullscreen())}
          onExit={() => setKiosk(false)}
          states={fleet?.kioskStates}
        />
        {banners}
        {grid}
        {detail}
      </div>
    );
  }

  return (
    <div className="wall">
      <WallTitle counts={counts} title={fleet ? t('fleet.title') : t('page.title')} />
      <div className="wall-toolbar">
        <WallFiltersBar
          filters={filters}
          onFilters={setFilters}
          cameras={cameras.data}
          libraries={libraries.data}
          optionsLoading={cameras.isPending || libraries.isPending}
          optionsError={optionsError ? describeError(optionsError, lang).title : null}
          onRetryOptions={retryOptions}
          perNode={!fleet}
          extra={fleet?.filters}
          extraActive={fleetPasses !== null}
          onClear={clearFilters}
        />
        <WallActions
          paused={paused}
          pausedCount={pausedCount}
          onTogglePause={togglePause}
          counts={counts}
          onAckAll={ackAll}
          onKiosk={enterKiosk}
          tiles={tiles}
          onTiles={setTiles}
        />
      </div>
      {banners}
      {grid}
      {detail}
    </div>
  );
}

/** The page's title, rendered again only when the language changes; its summary follows the counts. */
const WallTitle = memo(function WallTitle({ counts, title }: { counts: WallCountsStore; title: string }) {
  return <PageTitle extra={<WallSummary counts={counts} />}>{title}</PageTitle>;
});

function WallSummary({ counts }: { counts: WallCountsStore }) {
  const t = useWallT();
  const shown = useWallCount(counts, 'shown');
  const held = useWallCount(counts, 'held');
  const unacked = useWallCount(counts, 'unacknowledged');
  return <span className="wall__summary">{t('page.summary', { shown, held, unacked })}</span>;
}
