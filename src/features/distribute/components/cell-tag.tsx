import { Tag, Typography } from 'antd';
import { describeError } from '../../../api/device-error';
import { useLang } from '../../../i18n';
import type { Cell, CellState } from '../model/ledger';
import { useDistributeT } from '../messages';

const COLOURS: Record<CellState, string> = {
  present: 'success',
  missing: 'warning',
  different: 'processing',
  failed: 'error',
  extra: 'default',
};

/** One cell of the ledger; a failed one says the device's refusal in words (the error mapping), its code small beside. */
export function CellTag({ cell }: { cell: Cell | null }) {
  const dt = useDistributeT();
  const lang = useLang();
  if (!cell) return <Typography.Text type="secondary">{dt('state.notRead')}</Typography.Text>;
  const why = cell.state === 'failed' ? describeError(cell.error, lang) : null;
  return (
    <span className="distribute-cell">
      <Tag color={COLOURS[cell.state]}>{dt(`state.${cell.state}`)}</Tag>
      {why && (
        <Typography.Text type="danger" className="distribute-cell__why">
          {why.title}
          {why.code !== undefined ? ` (${why.code})` : ''}
        </Typography.Text>
      )}
    </span>
  );
}
