// What each target node did with one person (enrol once, to many): the
// node named, and a refusal in words through the error mapping.
import { Tag, Typography } from 'antd';
import { describeError } from '../../../api/device-error';
import { nodeLabel } from '../../../components/node-targets/node-targets';
import { useLang } from '../../../i18n';
import { nodeInfo } from '../../../session/node-store';
import type { NodeOutcome } from '../lib/node-targets';
import { useLibT } from '../messages';

/** One node's outcome as a tag, in words. */
export function NodeOutcomeTag({ outcome }: { outcome: NodeOutcome }) {
  const t = useLibT();
  const lang = useLang();
  if (outcome.kind === 'stored') {
    return (
      <Tag className="lib-tag lib-tag--ok">
        {t(outcome.created ? 'outcome.storedCreated' : 'outcome.stored', { id: outcome.imgId })}
      </Tag>
    );
  }
  if (outcome.kind === 'skipped') return <Tag className="lib-tag">{t('outcome.skipped')}</Tag>;
  const d = describeError(outcome.error, lang);
  return (
    <Tag className="lib-tag lib-tag--bad lib-tag--wrap">
      {t('outcome.failed', { reason: d.title })}
      {d.code !== undefined && ` (${t('outcome.code', { code: d.code })})`}
    </Tag>
  );
}

export function NodeOutcomeList({ outcomes }: { outcomes: readonly NodeOutcome[] }) {
  const t = useLibT();
  return (
    <ul className="node-outcomes" aria-label={t('outcome.title')}>
      {outcomes.map((o) => (
        <li key={o.node} className="node-outcomes__row">
          <Typography.Text strong>{nodeLabel(nodeInfo(o.node), o.node)}</Typography.Text> <NodeOutcomeTag outcome={o} />
        </li>
      ))}
    </ul>
  );
}
