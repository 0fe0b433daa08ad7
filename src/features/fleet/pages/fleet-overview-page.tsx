// The landing page with several nodes: every node's state side by side,
// grouped by site, problems first. What it reads and how often: fleet-queries.ts.
import { useQueries } from '@tanstack/react-query';
import { Space, Typography } from 'antd';
import { Link } from 'react-router';
import { fleetHrefs, hrefs } from '../../../config/paths';
import { PageTitle } from '../../../components/page-title';
import { useT } from '../../../i18n';
import { useNodeStore } from '../../../session/node-store';
import { useSessionStore } from '../../../session/session-store';
import { fleetQueries } from '../api/fleet-queries';
import { NodeCard } from '../components/node-card';
import { groupBySite, toRow } from '../model/fleet-status';
import { useFleetT } from '../messages';
import '../fleet.css';

export function FleetOverviewPage() {
  const t = useT();
  const ft = useFleetT();
  const nodes = useNodeStore((s) => s.nodes);
  const sessions = useSessionStore((s) => s.sessions);
  const signedIn = (id: string) => !!sessions[id]?.sessionId;
  const slow = useQueries({ queries: nodes.map((n) => ({ ...fleetQueries.slow(n.id), enabled: signedIn(n.id) })) });
  const live = useQueries({
    queries: nodes.map((n, i) => {
      const clock = slow[i]?.data?.clock;
      return { ...fleetQueries.live(n.id, clock), enabled: signedIn(n.id) && clock !== undefined };
    }),
  });
  const rows = nodes.map((node, i) =>
    toRow({
      node,
      session: sessions[node.id],
      slow: { data: slow[i]?.data, error: slow[i]?.error },
      live: { data: live[i]?.data, error: live[i]?.error },
    }),
  );
  const groups = groupBySite(rows);
  const problems = rows.filter((r) => r.health !== 'ok' && r.health !== 'loading').length;

  return (
    <>
      <PageTitle>{t('nav.fleet')}</PageTitle>
      <Typography.Paragraph type="secondary" role="status">
        {ft('summary', { n: rows.length, problems })} · {ft('refresh')}
      </Typography.Paragraph>
      <Space wrap size={16} className="fleet-ops-links">
        <Link to={fleetHrefs.settings()}>{t('nav.fleetSettings')}</Link>
        <Link to={fleetHrefs.upgrade()}>{t('nav.fleetUpgrade')}</Link>
        <Link to={hrefs.distribute()}>{t('nav.distribute')}</Link>
      </Space>
      {groups.map((g) => (
        <section key={g.site} className="fleet-site" aria-label={g.site ? ft('site.heading', { site: g.site }) : ft('site.none')}>
          <Typography.Title level={2} className="fleet-site__heading">
            {g.site || ft('site.none')}
          </Typography.Title>
          <div className="fleet-site__nodes">
            {g.rows.map((r) => (
              <NodeCard key={r.node.id} row={r} />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
