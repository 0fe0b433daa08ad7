import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { deviceQueries } from '../../api/queries/device';
import { useT } from '../../i18n';

/**
 * Which device this is: the model (read from 516's computing power, see
 * deviceQueries), the firmware version and the device id (1281). Failures
 * are notified by the query cache; here a dash stands in.
 */
export function DeviceSummary() {
  const t = useT();
  const version = useQuery(deviceQueries.version());
  const power = useQuery(deviceQueries.power());

  if (version.isPending && power.isPending) {
    return <Skeleton.Input active size="small" style={{ width: 280 }} />;
  }
  const model = power.data ? (power.data.modelName ?? t('header.unknownModel')) : '—';
  return (
    <div className="device-summary" aria-label={t('overview.device')} role="group">
      <span className="device-summary__item">
        <span className="device-summary__label">{t('header.model')}</span>
        <span className="device-summary__value device-summary__model" data-testid="device-model">
          {model}
        </span>
      </span>
      <span className="device-summary__item device-summary__item--version">
        <span className="device-summary__label">{t('header.version')}</span>
        <span className="device-summary__value" data-testid="device-version">
          {version.data?.version ?? '—'}
        </span>
      </span>
      <span className="device-summary__item device-summary__item--id">
        <span className="device-summary__label">{t('header.deviceId')}</span>
        <span className="device-summary__value" data-testid="device-id">
          {version.data?.device_id ?? '—'}
        </span>
      </span>
    </div>
  );
}
