// The merged alarm wall (fleet mode, /alarm-wall; a node's own wall stays at
// /n/<id>/alarm-wall): every chosen node's push in one wall, merged by when
// each alarm happened on its node's clock, each card naming its node and site,
// each node's connection shown, filters by node and site in the URL. The wall
// itself is the one-node wall over the fleet's buffer (WallView).
import { Select } from 'antd';
import { memo, useMemo } from 'react';
import { PARAMS } from '../../../config/paths';
import { fleetLiveStore } from '../../../live';
import { useNodeStore, type NodeInfo } from '../../../session/node-store';
import { NodeStates } from '../components/node-states';
import { useFleetSockets, useFleetWallView, useKeptRenewal } from '../lib/fleet-wall';
import { useWallT } from '../messages';
import { WallView, type FleetWallParts } from './alarm-wall-page';

const FILTER_PARAMS = [PARAMS.alarmWall.node, PARAMS.alarmWall.site];

export function FleetAlarmWallPage() {
  const nodes = useNodeStore((s) => s.nodes);
  const view = useFleetWallView(nodes);
  useFleetSockets(view.chosen);
  const { renewing, problems } = useKeptRenewal(view.chosen);
  const { nodeFilter, siteFilter, setNodeFilter, setSiteFilter, passes, chosen } = view;
  const fleet = useMemo<FleetWallParts>(
    () => ({
      passes,
      filterParams: FILTER_PARAMS,
      states: <NodeStates nodes={chosen} renewing={renewing} problems={problems} />,
      kioskStates: <NodeStates nodes={chosen} renewing={renewing} problems={problems} compact />,
      filters: (
        <NodeFilters nodes={chosen} nodeFilter={nodeFilter} siteFilter={siteFilter} onNodes={setNodeFilter} onSites={setSiteFilter} />
      ),
    }),
    [passes, chosen, renewing, problems, nodeFilter, siteFilter, setNodeFilter, setSiteFilter],
  );
  return <WallView store={fleetLiveStore} fleet={fleet} />;
}

const NodeFilters = memo(function NodeFilters({
  nodes,
  nodeFilter,
  siteFilter,
  onNodes,
  onSites,
}: {
  nodes: readonly NodeInfo[];
  nodeFilter: readonly string[];
  siteFilter: readonly string[];
  onNodes(ids: string[]): void;
  onSites(sites: string[]): void;
}) {
  const t = useWallT();
  const sites = [...new Set(nodes.map((n) => n.site))];
  return (
    <>
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        className="wall-toolbar__select"
        aria-label={t('filter.nodes')}
        placeholder={t('filter.nodesAll')}
        value={[...nodeFilter]}
        onChange={(v: string[]) => onNodes(v)}
        options={nodes.map((n) => ({ value: n.id, label: n.name }))}
        optionFilterProp="label"
      />
      {sites.length > 1 ? (
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          className="wall-toolbar__select"
          aria-label={t('filter.sites')}
          placeholder={t('filter.sitesAll')}
          value={[...siteFilter]}
          onChange={(v: string[]) => onSites(v)}
          options={sites.map((s) => ({ value: s, label: s || t('filter.noSite') }))}
          optionFilterProp="label"
        />
      ) : null}
    </>
  );
});
