// The run: overall and per-node progress, why a node waits, pause / resume / cancel.
import { Button, Card, Progress, Space, Typography } from 'antd';
import { describeError } from '../../../api/device-error';
import { PauseOutlined, PlayCircleOutlined, StopOutlined } from '../../../components/icons';
import { NodeSignInForm } from '../../../components/node-sign-in-form';
import { useLang } from '../../../i18n';
import { useSessionStore } from '../../../session/session-store';
import { nodePhase, overall, PER_NODE_IN_FLIGHT, progressOf } from '../model/scheduler';
import { useDistributeT } from '../messages';
import { controlRun } from '../run/runner';
import type { RunView } from '../run/run-store';

const percent = (done: number, total: number) => (total === 0 ? 100 : Math.floor((done / total) * 100));

export function RunPanel({ run, nodeName }: { run: RunView; nodeName: (id: string) => string }) {
  const dt = useDistributeT();
  const lang = useLang();
  const all = overall(run.state);
  const going = !run.ended;
  // A node whose session ended (it restarted, or sat idle) waits for nobody but the user: its sign-in is here.
  const sessions = useSessionStore((s) => s.sessions);
  return (
    <Card title={dt('run.heading')} className="distribute-run" aria-label={dt('run.heading')} role="region">
      <div role="status" aria-live="polite">
        <Typography.Text>{dt('run.overall', all)}</Typography.Text>
        <Progress percent={percent(all.done, all.total)} status={all.failed > 0 ? 'exception' : undefined} aria-label={dt('run.heading')} />
      </div>
      <ul className="distribute-run__nodes">
        {run.state.nodes.map((n) => {
          const p = progressOf(n);
          const phase = nodePhase(run.state, n);
          const why = phase === 'waiting' ? describeError(run.waitingWhy[n.node], lang).title : null;
          return (
            <li key={n.node} aria-label={nodeName(n.node)}>
              <Typography.Text strong>{nodeName(n.node)}</Typography.Text> · <span data-phase={phase}>{dt(`phase.${phase}`)}</span>
              {why && <Typography.Text type="secondary"> · {why}</Typography.Text>}
              {going && phase === 'waiting' && !sessions[n.node]?.sessionId ? (
                <NodeSignInForm node={n.node} name={nodeName(n.node)}>
                  <Typography.Paragraph>{dt('run.signIn', { node: nodeName(n.node) })}</Typography.Paragraph>
                </NodeSignInForm>
              ) : null}
              <div>{dt('run.node', p)}</div>
              <Progress
                percent={percent(p.done, p.total)}
                size="small"
                status={p.failed > 0 ? 'exception' : undefined}
                aria-label={nodeName(n.node)}
              />
            </li>
          );
        })}
      </ul>
      <Space wrap>
        {going && run.state.status === 'running' && (
          <Button icon={<PauseOutlined />} onClick={() => controlRun('pause')}>
            {dt('action.pause')}
          </Button>
        )}
        {going && run.state.status === 'paused' && (
          <Button icon={<PlayCircleOutlined />} onClick={() => controlRun('resume')}>
            {dt('action.resume')}
          </Button>
        )}
        {going && run.state.status !== 'cancelled' && (
          <Button danger icon={<StopOutlined />} onClick={() => controlRun('cancel')}>
            {dt('action.cancel')}
          </Button>
        )}
        <Typography.Text type="secondary">{dt('run.inFlight', { n: PER_NODE_IN_FLIGHT })}</Typography.Text>
      </Space>
    </Card>
  );
}
