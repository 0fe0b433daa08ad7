// After a save, the channel's next captures (from the live push), so the
// effect of a new ROI or face size is visible at once.
import { Card, Empty, Flex, Typography } from 'antd';
import { usePictureSrc, useLiveStatus, type LivePicture } from '../../../live';
import { useCameraT } from '../messages';
import { useCapturesSince } from './frame-hooks';

/** How many captures the strip keeps. */
const STRIP_MAX = 12;

export function CaptureStrip({ channel, since }: { channel: number; since: number | null }) {
  const t = useCameraT();
  const captures = useCapturesSince(channel, since, STRIP_MAX);
  const status = useLiveStatus();

  return (
    <Card
      size="small"
      title={<h2 className="cameras__h3">{t('strip.title')}</h2>}
      extra={<Typography.Text type="secondary">{t('strip.live', { state: t(`live.${status.state}`) })}</Typography.Text>}
    >
      {since === null ? (
        <Typography.Text type="secondary">{t('strip.before')}</Typography.Text>
      ) : captures.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span role="status">{t('strip.waiting')}</span>} />
      ) : (
        <ul className="cameras__strip" aria-label={t('strip.title')}>
          {captures.map((a) => {
            const match = a.kind === 'face' ? a.match : null;
            return (
              <li key={a.snapId} className="cameras__strip-item">
                <StripPicture picture={a.snap} alt={t('strip.capture', { time: a.trigger })} />
                <Flex vertical className="cameras__strip-text">
                  <span>{a.trigger.slice(11)}</span>
                  <Typography.Text type="secondary" ellipsis>
                    {match
                      ? t('strip.match', { name: match.person.name || match.imgId, similarity: match.similarity })
                      : t('strip.noMatch')}
                  </Typography.Text>
                </Flex>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

function StripPicture({ picture, alt }: { picture: LivePicture | null; alt: string }) {
  const src = usePictureSrc(picture);
  return src ? <img src={src} alt={alt} loading="lazy" /> : <div className="cameras__strip-blank" />;
}
