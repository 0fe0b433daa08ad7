// Mute (M), volume and the test chime, kept in localStorage; desktop
// notifications for a hidden tab, asked for only when the user clicks.
import { BellOutlined, MutedOutlined, SoundOutlined } from '@ant-design/icons';
import { Button, Popover, Slider, Space, Typography } from 'antd';
import { memo, useState } from 'react';
import { testChime, unlockSound } from '../lib/alarm-sound';
import { useWallPrefs } from '../lib/wall-prefs';
import { useWallT } from '../messages';

type Permission = NotificationPermission | 'unsupported' | 'insecure';

/**
 * Outside a secure context (http://<LAN address>) browsers deny notifications
 * without asking: that is said as such, with what to do, not as "blocked".
 */
function currentPermission(): Permission {
  if (typeof window !== 'undefined' && !window.isSecureContext) return 'insecure';
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

const PERMISSION_TEXT = {
  granted: 'notify.granted',
  denied: 'notify.denied',
  unsupported: 'notify.unsupported',
  insecure: 'notify.insecure',
} as const;

function NotificationSetting() {
  const t = useWallT();
  const [permission, setPermission] = useState<Permission>(currentPermission);
  return (
    <div className="wall-sound__notify">
      <Typography.Text strong>{t('notify.label')}</Typography.Text>
      <Typography.Paragraph type="secondary" className="wall-sound__hint">
        {t('notify.hint')}
      </Typography.Paragraph>
      {permission === 'default' ? (
        <Button
          icon={<BellOutlined />}
          onClick={() => void Notification.requestPermission().then(setPermission, () => setPermission(currentPermission()))}
        >
          {t('notify.allow')}
        </Button>
      ) : (
        <Typography.Text>{t(PERMISSION_TEXT[permission])}</Typography.Text>
      )}
    </div>
  );
}

export const SoundControls = memo(function SoundControls({ compact = false }: { compact?: boolean }) {
  const t = useWallT();
  const muted = useWallPrefs((s) => s.muted);
  const volume = useWallPrefs((s) => s.volume);
  const toggleMuted = useWallPrefs((s) => s.toggleMuted);
  const setVolume = useWallPrefs((s) => s.setVolume);

  const settings = (
    <div className="wall-sound">
      <Typography.Text strong id="wall-volume-label">
        {t('sound.volume')}
      </Typography.Text>
      <Slider
        min={0}
        max={100}
        value={volume}
        onChange={(v) => setVolume(v)}
        ariaLabelledByForHandle="wall-volume-label"
        disabled={muted}
      />
      <Space>
        <Button onClick={() => testChime(volume)} disabled={muted}>
          {t('sound.test')}
        </Button>
      </Space>
      <NotificationSetting />
    </div>
  );

  return (
    <Space.Compact>
      <Button
        icon={muted ? <MutedOutlined /> : <SoundOutlined />}
        aria-pressed={muted}
        onClick={() => {
          unlockSound();
          toggleMuted();
        }}
      >
        {compact ? null : muted ? t('sound.unmute') : t('sound.mute')}
        {compact ? <span className="visually-hidden">{muted ? t('sound.unmute') : t('sound.mute')}</span> : null}
      </Button>
      <Popover content={settings} title={t('sound.label')} trigger="click" placement="bottomRight">
        <Button>{t('sound.volume')}</Button>
      </Popover>
    </Space.Compact>
  );
});
