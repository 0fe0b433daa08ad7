// §6.4-6.5: what the device does when its storage is full.
import { useQuery } from '@tanstack/react-query';
import { App, Card, Form, Progress, Skeleton, Typography } from 'antd';
import { systemQueries } from '../api/system-queries';
import { useSetStorage } from '../api/system-mutations';
import { useSystemT } from '../messages';
import { formatBytes } from '../../../api/settings/files';
import { StorageField, useSettingFieldsT } from '../../../components/setting-fields/setting-fields';
import { useReportDirty } from './dirty-guard';
import { ErrorAlert } from '../../../components/error-alert';
import { SaveResetFooter } from './save-reset-footer';

const MB = 1024 * 1024;

export function StorageSection() {
  const t = useSystemT();
  const ft = useSettingFieldsT();
  const { message } = App.useApp();
  const storage = useQuery(systemQueries.storage());
  const save = useSetStorage();
  const [form] = Form.useForm<{ strategy: 1 | 2 }>();
  const chosen = Form.useWatch('strategy', form);
  const current = storage.data?.storage_strategy === 2 ? 2 : 1;
  const changed = chosen !== undefined && chosen !== current;
  useReportDirty('storage', changed);

  if (!storage.data) {
    return <Card title={t('storage.title')}>{storage.error ? <ErrorAlert error={storage.error} /> : <Skeleton active />}</Card>;
  }
  const d = storage.data;
  const percent = d.max_storage > 0 ? Math.min(100, (d.cur_storage / d.max_storage) * 100) : 0;

  return (
    <Card title={t('storage.title')} style={{ maxWidth: 880 }}>
      <Progress
        percent={Number(percent.toFixed(1))}
        status={percent >= 90 ? 'exception' : 'normal'}
        aria-label={t('overview.storageUsed')}
      />
      <Typography.Paragraph>
        {t('overview.storageValue', { used: formatBytes(d.cur_storage * MB), max: formatBytes(d.max_storage * MB) })}
      </Typography.Paragraph>
      <Form
        form={form}
        name="storage"
        layout="vertical"
        // Keyed on the device's value so a save (or another admin's) shows at once.
        key={current}
        initialValues={{ strategy: current }}
        onValuesChange={() => save.error && save.reset()}
        onFinish={({ strategy }) =>
          save.mutate(strategy, {
            onSuccess: () =>
              message.success(t('storage.saved', { policy: strategy === 2 ? ft('storage.stop.title') : ft('storage.overwrite.title') })),
          })
        }
        aria-label={t('storage.title')}
      >
        <StorageField current={current} />
        <SaveResetFooter label={t('storage.save')} save={save} changed={changed} />
      </Form>
    </Card>
  );
}
