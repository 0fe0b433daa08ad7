// Which nodes a change goes to: every node of the list, each with its sign-in state.
import { Checkbox, Space, Tag, Typography } from 'antd';
import { useNodeStore } from '../../../session/node-store';
import { useSessionStore } from '../../../session/session-store';
import { useFleetOpsT } from '../messages';

export function NodeChoice({ value, onChange }: { value: readonly string[]; onChange: (nodes: string[]) => void }) {
  const t = useFleetOpsT();
  const nodes = useNodeStore((s) => s.nodes);
  const sessions = useSessionStore((s) => s.sessions);
  const all = nodes.length > 0 && nodes.every((n) => value.includes(n.id));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('nodes.help')}</Typography.Text>
      <Checkbox
        checked={all}
        indeterminate={!all && value.length > 0}
        onChange={(e) => onChange(e.target.checked ? nodes.map((n) => n.id) : [])}
      >
        {t('nodes.all')}
      </Checkbox>
      <Checkbox.Group value={[...value]} onChange={(v) => onChange(nodes.map((n) => n.id).filter((id) => v.includes(id)))}>
        <Space wrap size={[16, 8]}>
          {nodes.map((n) => {
            const s = sessions[n.id];
            return (
              <Checkbox key={n.id} value={n.id}>
                {n.name}
                {n.site && <Typography.Text type="secondary"> · {n.site}</Typography.Text>}
                {!s?.sessionId && (
                  <Tag color={s?.expired ? 'warning' : 'default'} style={{ marginInlineStart: 8 }}>
                    {s?.expired ? t('nodes.expired') : t('nodes.signedOut')}
                  </Tag>
                )}
              </Checkbox>
            );
          })}
        </Space>
      </Checkbox.Group>
      <Typography.Text role="status">{t('nodes.chosen', { n: value.length })}</Typography.Text>
    </Space>
  );
}
