import { QuestionCircleOutlined } from '../../../components/icons';
import { Button, Popover } from 'antd';
import { memo } from 'react';
import { useWallT } from '../messages';

const KEYS = ['keys.arrows', 'keys.enter', 'keys.ack', 'keys.ackAll', 'keys.space', 'keys.mute', 'keys.kiosk', 'keys.fullscreen'] as const;

export const ShortcutsHelp = memo(function ShortcutsHelp() {
  const t = useWallT();
  return (
    <Popover
      trigger="click"
      title={t('keys.title')}
      content={
        <ul className="wall-keys">
          {KEYS.map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ul>
      }
    >
      <Button icon={<QuestionCircleOutlined />}>{t('action.shortcuts')}</Button>
    </Popover>
  );
});
