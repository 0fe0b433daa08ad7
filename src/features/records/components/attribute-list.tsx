import { Descriptions, Typography } from 'antd';
import type { BodyAttr, FaceAttr } from '../../../api/protocol/attributes';
import { useLang } from '../../../i18n';
import { bodyAttributeLines, faceAttributeLines, type AttributeLine } from '../../../i18n/attribute-words';
import { useRecordsT } from '../messages';

function Lines({ lines, title }: { lines: AttributeLine[]; title: string }) {
  const t = useRecordsT();
  if (lines.length === 0) return <Typography.Paragraph type="secondary">{t('drawer.noAttributes')}</Typography.Paragraph>;
  return (
    <Descriptions
      title={
        <span role="heading" aria-level={3}>
          {title}
        </span>
      }
      size="small"
      column={2}
      bordered
      items={lines.map((l) => ({ key: l.key, label: l.label, children: l.value }))}
    />
  );
}

export function FaceAttributes({ attr }: { attr: FaceAttr }) {
  const lang = useLang();
  const t = useRecordsT();
  return <Lines lines={faceAttributeLines(attr, lang)} title={t('drawer.faceAttributes')} />;
}

export function BodyAttributes({ attr }: { attr: BodyAttr }) {
  const lang = useLang();
  const t = useRecordsT();
  return <Lines lines={bodyAttributeLines(attr, lang)} title={t('drawer.bodyAttributes')} />;
}
