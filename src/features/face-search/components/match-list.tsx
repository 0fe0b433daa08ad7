// §5.1's ranked candidates: similarity, the library photo, the person, and a
// link to their entry in the library.
import { FieldTimeOutlined, TeamOutlined } from '../../../components/icons';
import { Descriptions, Progress, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Candidate } from '../../../api/protocol/recognition';
import { useLang } from '../../../i18n';
import { personGender } from '../../../i18n/attribute-words';
import { useFaceSearchT } from '../messages';
import { LIST_TAG_COLOURS } from '../../../components/list-tag-colours';
import { hrefs, onNode } from '../../../config/paths';
import { deviceFileUrl } from '../../../api/protocol/files';
import { nodeBase, nodeLabel } from '../../../session/node-store';

/** A hit; `node` when it comes from a search across nodes: its picture and links are that node's. */
type Match = Candidate & { node?: string };

export function MatchList({ matches }: { matches: readonly Match[] }) {
  const t = useFaceSearchT();
  const lang = useLang();
  return (
    <ol className="fs-matches" aria-label={t('results.title')}>
      {matches.map((m) => {
        const name = m.name || t('results.unnamed');
        const gender = personGender(m.gender, lang);
        const on = m.node;
        const link = (href: string) => (on === undefined ? href : onNode(on, href));
        return (
          <li key={`${on ?? ''}/${m.lib_id}/${m.img_id}`} className="fs-match">
            <img
              className="fs-match__photo"
              src={on === undefined ? deviceFileUrl(m.img_path) : deviceFileUrl(m.img_path, nodeBase(on))}
              alt={t('results.photo', { name: m.name || m.img_id })}
              width={96}
              height={96}
            />
            <div className="fs-match__body">
              <div className="fs-match__head">
                {on === undefined ? (
                  <Typography.Text type="secondary">{t('results.rank', { n: m.ranking })}</Typography.Text>
                ) : (
                  <>
                    <Tag className="fs-match__node">{t('nodes.on', { node: nodeLabel(on) })}</Tag>
                    <Typography.Text type="secondary">{t('nodes.rank', { n: m.ranking })}</Typography.Text>
                  </>
                )}
                <Typography.Text strong className="fs-match__name">
                  {name}
                </Typography.Text>
                <span>
                  {m.lib_name}{' '}
                  {(m.lib_type === 1 || m.lib_type === 2) && <Tag color={LIST_TAG_COLOURS[m.lib_type]}>{t(`type.${m.lib_type}`)}</Tag>}
                </span>
              </div>
              <div className="fs-match__score">
                <span>{t('results.similarity', { value: m.similarity })}</span>
                <Progress
                  percent={m.similarity}
                  showInfo={false}
                  size="small"
                  aria-label={t('results.similarity', { value: m.similarity })}
                />
              </div>
              <Descriptions
                size="small"
                column={2}
                items={[
                  { key: 'gender', label: t('results.gender'), children: gender || '—' },
                  { key: 'age', label: t('results.age'), children: m.age || '—' },
                  { key: 'id', label: t('results.idcard'), children: m.id || '—' },
                  { key: 'img', label: t('results.imgId'), children: m.img_id },
                  { key: 'addr', label: t('results.address'), children: m.address || '—', span: 2 },
                ]}
              />
              <Space wrap>
                <Link to={link(hrefs.person(m.lib_id, m.img_id))}>
                  <TeamOutlined aria-hidden /> {t('results.open')}
                </Link>
                <Link to={link(hrefs.personSeen(m.lib_id, m.img_id))}>
                  <FieldTimeOutlined aria-hidden /> {t('results.seen')}
                </Link>
              </Space>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
