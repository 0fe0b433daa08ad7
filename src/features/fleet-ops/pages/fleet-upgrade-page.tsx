// Firmware across nodes, staged (issue 18): the setup, or the plan under way
// (kept in this tab's sessionStorage, so a reload shows it where it was).
import { Card } from 'antd';
import { PageTitle } from '../../../components/page-title';
import { useT } from '../../../i18n';
import { useUpgradeStore } from '../api/upgrade-runner';
import { UpgradeProgress } from '../components/upgrade-progress';
import { UpgradeSetup } from '../components/upgrade-setup';
import '../fleet-ops.css';

export function FleetUpgradePage() {
  const t = useT();
  const plan = useUpgradeStore((s) => s.plan);
  return (
    <>
      <PageTitle>{t('nav.fleetUpgrade')}</PageTitle>
      <Card>{plan ? <UpgradeProgress key={plan.id} plan={plan} /> : <UpgradeSetup />}</Card>
    </>
  );
}
