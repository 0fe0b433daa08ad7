import { Button, Space } from 'antd';
import { ErrorAlert } from '../../../components/error-alert';
import { useSystemT } from '../messages';

interface SaveResetFooterProps {
  /** The save button's words ("Save DNS"). */
  label: string;
  /** The section's save mutation. */
  save: { isPending: boolean; error: Error | null };
  /** The form differs from what the device has. */
  changed: boolean;
  /** Back to what the device has; without it there is no reset button. */
  onReset?: () => void;
  /** Save stays enabled when nothing changed (setting the clock again is an action of its own). */
  saveNeedsChange?: boolean;
  /** A confirmation dialog is showing the save's progress and error instead. */
  elsewhere?: boolean;
}

/** The footer every settings section ends with: save, reset, and the save's error under them. */
export function SaveResetFooter({ label, save, changed, onReset, saveNeedsChange = true, elsewhere = false }: SaveResetFooterProps) {
  const t = useSystemT();
  return (
    <>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={save.isPending && !elsewhere} disabled={saveNeedsChange && !changed}>
          {label}
        </Button>
        {onReset && (
          <Button onClick={onReset} disabled={!changed || save.isPending}>
            {t('common.reset')}
          </Button>
        )}
      </Space>
      {save.error && !elsewhere && (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={save.error} />
        </div>
      )}
    </>
  );
}
