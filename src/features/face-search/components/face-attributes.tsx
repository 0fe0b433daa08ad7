import { Descriptions } from 'antd';
import type { FaceAttr } from '../../../api/protocol/attributes';
import { useLang } from '../../../i18n';
import { faceAttributeLines } from '../../../i18n/attribute-words';

/** Appendix B in words, compact. */
export function FaceAttributes({ attr, column = 2 }: { attr: FaceAttr; column?: number }) {
  const lang = useLang();
  return (
    <Descriptions
      size="small"
      column={column}
      items={faceAttributeLines(attr, lang).map((l) => ({ key: l.key, label: l.label, children: l.value }))}
    />
  );
}
