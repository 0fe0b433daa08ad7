// The page's reads put together: the source library, each target's plan
// (use / create / clash) and index, and the run's outcomes, as the ledger's input.
import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Library } from '../../../api/protocol/libraries';
import type { LedgerInput, NodeIndex } from '../model/ledger';
import { targetLibrary, type TargetLibrary } from '../model/plan';
import { outcomeKey, useDistributeStore } from '../run/run-store';
import { distributeQueries } from './distribute-queries';

/** A library the target does not have yet: everyone is missing there. */
const NONE: NodeIndex = { byId: new Map(), readAt: 0 };

export interface TargetView {
  node: string;
  plan: TargetLibrary | undefined;
  /** The read of the node's libraries or of its library failed. */
  error: unknown;
  loading: boolean;
}

// Module-level, so react-query keeps (and structurally shares) what they make between renders.
const combine = <T>(rs: UseQueryResult<T>[]) => ({
  data: rs.map((r) => r.data),
  errors: rs.map((r) => r.error),
  fetching: rs.map((r) => r.isFetching),
});

export function useDistribution(src: string | null, libId: number | null, targets: readonly string[]) {
  const libs = useQuery({ ...distributeQueries.libraries(src ?? ''), enabled: src !== null });
  const sourceLib: Library | undefined = libs.data?.find((l) => l.lib_id === libId);
  const targetLibs = useQueries({ queries: targets.map((n) => distributeQueries.libraries(n)), combine: combine<Library[]> });
  const plans = useMemo(
    () => targetLibs.data.map((data): TargetLibrary | undefined => (sourceLib && data ? targetLibrary(data, sourceLib) : undefined)),
    [targetLibs.data, sourceLib],
  );
  const source = useQuery({ ...distributeQueries.source(src ?? '', sourceLib?.lib_id ?? -1), enabled: !!sourceLib });
  const indexes = useQueries({
    queries: targets.map((n, i) => {
      const p = plans[i];
      return { ...distributeQueries.index(n, p?.kind === 'use' ? p.libId : -1), enabled: p?.kind === 'use' };
    }),
    combine: combine<NodeIndex>,
  });
  const outcomes = useDistributeStore((s) => s.outcomes);
  const version = useDistributeStore((s) => s.outcomesVersion);

  const input = useMemo<LedgerInput | null>(() => {
    if (!source.data) return null;
    return {
      source: source.data.people,
      targets: plans.map((p, i) => (p?.kind === 'use' ? indexes.data[i] : p?.kind === 'create' ? NONE : undefined)),
      outcomes: plans.map((p, i) => (p?.kind === 'use' ? outcomes.get(outcomeKey(targets[i]!, p.libId)) : undefined)),
      // The outcome maps change in place during a run; `version` says when.
      version,
    };
  }, [source.data, plans, indexes.data, outcomes, targets, version]);

  const views: TargetView[] = targets.map((node, i) => ({
    node,
    plan: plans[i],
    error: targetLibs.errors[i] ?? indexes.errors[i] ?? null,
    loading: !!targetLibs.fetching[i] || !!indexes.fetching[i],
  }));
  const checking = source.isFetching || indexes.fetching.some(Boolean);
  return { libraries: libs, sourceLib, source, views, input, checking };
}
