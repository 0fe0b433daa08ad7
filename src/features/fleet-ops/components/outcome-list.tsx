// Each node's answer to one apply: applied, or the device's refusal in words
// (the error mapping), with a sign-in in place for a session that ended (the
// node pages' re-login dialog is the shown node's; these pages show none).
import { Button, List, Space, Tag, Typography } from 'antd';
import { describeError } from '../../../api/device-error';
import { NodeSignInForm } from '../../../components/node-sign-in-form';
import { DeviceError } from '../../../api/errors';
import { ErrorCode } from '../../../api/protocol/error-codes';
import { useLang } from '../../../i18n';
import { useNodeStore } from '../../../session/node-store';
import type { Outcome } from '../api/apply-settings';
import { useFleetOpsT } from '../messages';

const expired = (e: unknown) => e instanceof DeviceError && e.code === ErrorCode.NOT_LOGGED_IN;

export function OutcomeList({
  title,
  outcomes,
  onRetry,
}: {
  title: string;
  outcomes: Readonly<Record<string, Outcome>>;
  onRetry: (nodes: string[]) => void;
}) {
  const t = useFleetOpsT();
  const lang = useLang();
  const nodes = useNodeStore((s) => s.nodes);
  const entries = nodes.filter((n) => outcomes[n.id]);
  if (entries.length === 0) return null;
  const failed = entries.filter((n) => outcomes[n.id]!.state === 'failed').map((n) => n.id);
  const ok = entries.filter((n) => outcomes[n.id]!.state === 'ok').length;
  const sending = entries.some((n) => outcomes[n.id]!.state === 'sending');
  return (
    <section aria-label={title} style={{ marginTop: 16 }}>
      <Typography.Text strong>{t('apply.outcome')}</Typography.Text>
      {!sending && (
        <Typography.Text role="status" style={{ marginInlineStart: 8 }}>
          {t('apply.summary', { ok, failed: failed.length })}
        </Typography.Text>
      )}
      <List
        size="small"
        dataSource={entries}
        renderItem={(n) => {
          const o = outcomes[n.id]!;
          const d = o.state === 'failed' ? describeError(o.error, lang) : null;
          return (
            <List.Item aria-label={n.name}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{n.name}</Typography.Text>
                  <Tag color={o.state === 'ok' ? 'success' : o.state === 'failed' ? 'error' : 'processing'}>
                    {t(o.state === 'ok' ? 'apply.ok' : o.state === 'failed' ? 'apply.failed' : 'apply.sending')}
                  </Tag>
                  {d && <Typography.Text type="danger">{d.title}</Typography.Text>}
                </Space>
                {d?.hint && <Typography.Text type="secondary">{d.hint}</Typography.Text>}
                {o.state === 'failed' && expired(o.error) && (
                  <NodeSignInForm node={n.id} name={n.name} onSignedIn={() => onRetry([n.id])}>
                    <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                      {t('signIn.help')}
                    </Typography.Paragraph>
                  </NodeSignInForm>
                )}
              </Space>
            </List.Item>
          );
        }}
      />
      {failed.length > 0 && !sending && <Button onClick={() => onRetry(failed)}>{t('apply.retry', { n: failed.length })}</Button>}
    </section>
  );
}
