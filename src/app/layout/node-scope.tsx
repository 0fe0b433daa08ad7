// Fleet mode: which node the page is about (the one in the URL, or none on the
// fleet's own pages), its cache, and the gate before its pages: a node not
// signed in yet shows its own sign-in instead of the page.
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { Card, Select } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { nodeOfPath, onNode, paths, withoutNode } from '../../config/paths';
import { NodeSignIn } from '../../features/login/components/node-sign-in';
import { useT } from '../../i18n';
import { DEFAULT_NODE, useNodeStore } from '../../session/node-store';
import { useSessionStore } from '../../session/session-store';
import { nodeQueryClient } from '../query-client';
import { sectionOf } from '../sections';
import './node-scope.css';

/** The node the page is about: single-node mode's one node; in fleet mode the URL's, or null on the fleet's pages. */
export function useShownNode(): string | null {
  const fleet = useNodeStore((s) => s.fleet);
  const { pathname } = useLocation();
  return fleet ? nodeOfPath(pathname) : DEFAULT_NODE;
}

/**
 * The node's own cache in fleet mode (query-client.ts); the app's in single-node
 * mode and on the fleet's pages. Keyed by node: a mounted useQuery keeps the
 * client it was made with, so the shell is made afresh for another node.
 */
export function NodeQueries({ node, children }: { node: string | null; children: ReactNode }) {
  const app = useQueryClient();
  const fleet = useNodeStore((s) => s.fleet);
  return (
    <QueryClientProvider client={fleet && node !== null ? nodeQueryClient(node) : app}>
      <Fragment key={node ?? ''}>{children}</Fragment>
    </QueryClientProvider>
  );
}

/** The route element of /n/:node. Keyed by node: nothing typed on one node's page shows on another's. */
export function NodeScope() {
  const { node = '' } = useParams();
  const info = useNodeStore((s) => s.nodes.find((n) => n.id === node));
  const session = useSessionStore((s) => s.sessions[node]);
  // The name another node was signed in with: sites usually share it.
  const user = useSessionStore((s) => Object.values(s.sessions).find((n) => n.user)?.user ?? '');
  if (!info) return null;
  if (session?.sessionId || session?.expired) {
    return (
      <Fragment key={node}>
        <Outlet />
      </Fragment>
    );
  }
  return (
    <Card key={node} style={{ maxWidth: 420 }}>
      <NodeSignIn node={info} user={user} open />
    </Card>
  );
}

/** The header's node picker: the same section on another node, or every node. */
export function NodePicker() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const nodes = useNodeStore((s) => s.nodes);
  const shown = nodeOfPath(pathname);
  const sites = [...new Set(nodes.map((n) => n.site))];
  const ALL = '';
  return (
    <Select
      className="shell__node-picker"
      aria-label={t('header.node')}
      value={shown ?? ALL}
      popupMatchSelectWidth={false}
      onChange={(id: string) => {
        // Every node: the fleet's page of the section, where there is one (the merged wall).
        if (id === ALL) return void navigate(sectionOf(withoutNode(pathname))?.path === paths.alarmWall ? paths.alarmWall : paths.overview);
        // The same section on the other node; its filters (channels, ids) are the other node's own.
        const section = sectionOf(withoutNode(pathname))?.path ?? paths.overview;
        void navigate(onNode(id, section));
      }}
      options={[
        { value: ALL, label: t('header.allNodes') },
        ...sites.map((site) => ({
          label: site || '—',
          title: site,
          options: nodes.filter((n) => n.site === site).map((n) => ({ value: n.id, label: n.name })),
        })),
      ]}
    />
  );
}
