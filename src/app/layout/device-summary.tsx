import { InfoCircleOutlined } from '../../components/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Popover, Skeleton } from 'antd';
import { deviceQueries } from '../../api/queries/device';
import { useT } from '../../i18n';

/**
 * Which device this is: the model (read from 516's computing power, see
 * deviceQueries), the firmware version and the device id (1281). Failures
 * are notified by the query cache; here a dash stands in. Values are never
 * cut: where the header has no room for all three (below 1400 px, and the
 * model too on a phone) a button opens them in a popover instead.
 */
export function DeviceSummary() {
  const t = useT();
  const version = useQuery(deviceQueries.version());
  const power = useQuery(deviceQueries.power());

  if (version.isPending && power.isPending) {
    return <Skeleton.Input active size="small" style={{ width: 280 }} />;
  }
  const model = power.data ? (power.data.modelName ?? t('header.unknownModel')) : '—';
  const items = [
    { key: 'model', label: t('header.model'), value: model, testId: 'device-model' },
    { key: 'version', label: t('header.version'), value: version.data?.version ?? '—', testId: 'device-version' },
    { key: 'id', label: t('header.deviceId'), value: version.data?.device_id ?? '—', testId: 'device-id' },
  ];
  return (
    <div className="device-summary" aria-label={t('overview.device')} role="group">
      {items.map((item) => (
        <span key={item.key} className={`device-summary__item device-summary__item--${item.key}`}>
          <span className="device-summary__label">{item.label}</span>
          <span className="device-summary__value" data-testid={item.testId}>
            {item.value}
          </span>
        </span>
      ))}
      <Popover
        trigger="click"
        placement="bottomLeft"
        content={
          <dl className="device-summary__list">
            {items.map((item) => (
              <div key={item.key}>
                <dt>{item.label}</dt>
                <dd>{item.value}</dd>
              </div>
            ))}
          </dl>
        }
      >
        <Button
          className="device-summary__more"
          type="text"
          size="small"
          icon={<InfoCircleOutlined />}
          aria-label={t('header.deviceDetails')}
        />
      </Popover>
    </div>
  );
}
