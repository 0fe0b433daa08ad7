// What each target node did with one person (enrol once, to many): the
// node named, and a refusal in words through the error mapping.
import { Radio, Tag, Typography } from 'antd';
import { describeError } from '../../../api/device-error';
import { useLang } from '../../../i18n';
import { nodeLabel } from '../../../session/node-store';
import type { LibraryIdentity, MissingChoice, NodeOutcome, TargetPlan } from '../lib/node-targets';
import { useLibT } from '../messages';

/** One node's outcome as a tag, in words. */
export function NodeOutcomeTag({ outcome }: { outcome: NodeOutcome }) {
  const t = useLibT();
  const lang = useLang();
  if (outcome.kind === 'stored') {
    return (
      <Tag className="lib-tag lib-tag--ok">{t(outcome.created ? 'outcome.storedCreated' : 'outcome.stored', { id: outcome.imgId })}</Tag>
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
          <Typography.Text strong>{nodeLabel(o.node)}</Typography.Text> <NodeOutcomeTag outcome={o} />
        </li>
      ))}
    </ul>
  );
}

/** What a chosen node meets: no such library (create it or skip the node, the user's choice), a list it could not read. */
export function TargetNote({
  plan,
  library,
  onChoice,
}: {
  plan: TargetPlan;
  library: LibraryIdentity;
  onChoice: (c: MissingChoice) => void;
}) {
  const t = useLibT();
  const lang = useLang();
  if (plan.kind === 'reading') return <span className="lib-muted">{t('targets.reading')}</span>;
  if (plan.kind === 'unread')
    return <span className="lib-danger">{t('targets.unread', { reason: describeError(plan.error, lang).title })}</span>;
  if (plan.kind !== 'missing') return null;
  return (
    <>
      <div>{t('targets.missing', { name: library.name, type: t(library.type === 1 ? 'type.black' : 'type.white') })}</div>
      <Radio.Group
        size="small"
        aria-label={`${t('targets.missingChoice')}: ${nodeLabel(plan.node)}`}
        value={plan.choice}
        onChange={(e) => onChoice(e.target.value as MissingChoice)}
        options={[
          { value: 'create', label: t('targets.create') },
          { value: 'skip', label: t('targets.skip') },
        ]}
      />
    </>
  );
}
