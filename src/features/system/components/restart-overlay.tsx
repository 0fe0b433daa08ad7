// Follows the device through a restart: it must go away, then answer again,
// then the user logs in again (every session died with the restart). The
// overlay covers the whole console meanwhile: nothing behind it works.
import { CheckCircleOutlined, LoadingOutlined, PoweroffOutlined } from '../../../components/icons';
import { Alert, Button, Modal, Steps, Typography } from 'antd';
import { useEffect, useReducer, useRef, useState } from 'react';
import type { Probe } from '../../../api/settings/restart-probe';
import { useSystemT } from '../messages';
import {
  PROBE_INTERVAL_MS,
  RESTART_LIMIT_MS,
  restartReducer,
  startRestart,
  type RestartReason,
  type RestartState,
} from '../../../api/settings/restart-machine';

export interface RestartOverlayProps {
  reason: RestartReason;
  /** The device id (1281), so the user knows which device this is about. */
  deviceName: string;
  probe: Probe;
  /** The device is back: end the session here (the login page follows). */
  onBack: () => void;
  /** The device never went away: let the user return to the page. */
  onAbandon: () => void;
  pollMs?: number;
  /** How long "it is back" shows before the login page. */
  backDelayMs?: number;
  limits?: Record<RestartReason, number>;
}

/** Polls while the device is not back, one probe at a time. */
function useRestartWatch(state: RestartState, dispatch: (e: Parameters<typeof restartReducer>[1]) => void, probe: Probe, pollMs: number) {
  const back = state.phase === 'back';
  useEffect(() => {
    if (back) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const result = await probe(controller.signal);
      if (controller.signal.aborted) return;
      dispatch({ type: 'probe', result, at: Date.now() });
      timer = setTimeout(() => void poll(), pollMs);
    };
    timer = setTimeout(() => void poll(), pollMs);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [back, probe, pollMs, dispatch]);
}

const minutesSeconds = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export function RestartOverlay({
  reason,
  deviceName,
  probe,
  onBack,
  onAbandon,
  pollMs = PROBE_INTERVAL_MS,
  backDelayMs = 1500,
  limits = RESTART_LIMIT_MS,
}: RestartOverlayProps) {
  const t = useSystemT();
  const [state, dispatch] = useReducer(restartReducer, undefined, () => startRestart(reason, Date.now(), limits));
  const [now, setNow] = useState(() => Date.now());
  useRestartWatch(state, dispatch, probe, pollMs);

  // The elapsed time on screen, and the deadline.
  useEffect(() => {
    if (state.phase === 'back') return;
    const id = setInterval(() => {
      const at = Date.now();
      setNow(at);
      dispatch({ type: 'tick', at });
    }, 1000);
    return () => clearInterval(id);
  }, [state.phase]);

  const onBackRef = useRef(onBack);
  onBackRef.current = onBack;
  useEffect(() => {
    if (state.phase !== 'back') return;
    const id = setTimeout(() => onBackRef.current(), backDelayMs);
    return () => clearTimeout(id);
  }, [state.phase, backDelayMs]);

  const current = state.phase === 'leaving' ? 0 : state.phase === 'down' ? 1 : 2;
  const elapsed = minutesSeconds(now - state.startedAt);
  const waitedMinutes = Math.max(1, Math.round((now - state.startedAt) / 60_000));
  const status =
    state.phase === 'leaving'
      ? t('restart.status.leaving')
      : state.phase === 'down'
        ? t('restart.status.down', { elapsed })
        : t('restart.status.back');

  // After a switch of scheme, a console served by the device itself must be opened at the new address.
  const newScheme = reason === 'https' || reason === 'http' ? reason : null;
  const newAddress =
    newScheme && typeof location !== 'undefined' && location.protocol !== `${newScheme}:` ? `${newScheme}://${location.host}/` : null;

  const footer =
    state.phase === 'back'
      ? [
          <Button key="login" type="primary" onClick={() => onBackRef.current()}>
            {t('restart.loginNow')}
          </Button>,
        ]
      : state.late
        ? [
            state.phase === 'leaving' ? (
              <Button key="abandon" onClick={onAbandon}>
                {t('restart.backToPage')}
              </Button>
            ) : (
              <Button key="login" onClick={() => onBackRef.current()}>
                {t('restart.toLogin')}
              </Button>
            ),
            <Button key="wait" type="primary" onClick={() => dispatch({ type: 'waitLonger', at: Date.now() })}>
              {t('restart.keepWaiting')}
            </Button>,
          ]
        : null;

  return (
    <Modal
      open
      centered
      closable={false}
      keyboard={false}
      mask={{ closable: false }}
      title={t(`restart.title.${reason}`, { device: deviceName })}
      footer={footer}
      width={560}
    >
      <Steps
        size="small"
        current={current}
        status={state.late ? 'error' : state.phase === 'back' ? 'finish' : 'process'}
        items={[
          { title: t('restart.step.leaving'), icon: state.phase === 'leaving' ? <LoadingOutlined /> : <PoweroffOutlined /> },
          { title: t('restart.step.down'), icon: state.phase === 'down' ? <LoadingOutlined /> : undefined },
          { title: t('restart.step.back'), icon: state.phase === 'back' ? <CheckCircleOutlined /> : undefined },
        ]}
      />
      <p role="status" aria-live="polite" className="system-restart__status">
        {status}
      </p>
      {state.phase !== 'back' && !state.late && (
        <Typography.Paragraph type="secondary">{t(`restart.explain.${reason}`)}</Typography.Paragraph>
      )}
      {newAddress && state.phase !== 'back' && (
        <Typography.Paragraph type="secondary">
          {t('restart.newAddress')} <Typography.Link href={newAddress}>{newAddress}</Typography.Link>
        </Typography.Paragraph>
      )}
      {state.late && state.phase === 'leaving' && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('restart.late.stillUp', { minutes: waitedMinutes, device: deviceName })}
          description={t('restart.late.stillUpHint')}
        />
      )}
      {state.late && state.phase === 'down' && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('restart.late.notBack', { minutes: waitedMinutes, device: deviceName })}
          description={
            <ul className="system-restart__checks">
              <li>{t('restart.check.power')}</li>
              <li>{t('restart.check.network')}</li>
              <li>{t('restart.check.address', { host: typeof location !== 'undefined' ? location.host : '' })}</li>
              {reason === 'upgrade' && <li>{t('restart.check.upgrade')}</li>}
              {newScheme && <li>{t('restart.check.scheme', { scheme: newScheme })}</li>}
            </ul>
          }
        />
      )}
    </Modal>
  );
}
