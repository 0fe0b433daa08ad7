// Face search (§3.25-3.29, §5): 1:N by photo, 1:1 comparison, detection. The
// mode and the probe from the device (?snap=) live in the URL.
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { FACE_SEARCH_MODES, PARAMS, type FaceSearchMode } from '../../../config/paths';
import { PageTitle } from '../../../components/page-title';
import { useT } from '../../../i18n';
import { ComparePanel } from '../components/compare-panel';
import { DetectPanel } from '../components/detect-panel';
import { SearchPanel } from '../components/search-panel';
import { useFaceSearchT } from '../messages';
import '../face-search.css';

export function FaceSearchPage() {
  const t = useFaceSearchT();
  const tApp = useT();
  const [params, setParams] = useSearchParams();
  const snap = params.get(PARAMS.faceSearch.snap) || null;
  const raw = params.get(PARAMS.faceSearch.mode);
  const mode: FaceSearchMode = FACE_SEARCH_MODES.includes(raw as FaceSearchMode) ? (raw as FaceSearchMode) : 'search';

  const panel = (m: FaceSearchMode) => {
    if (m !== mode) return null;
    if (m === 'compare') return <ComparePanel />;
    if (m === 'detect') return <DetectPanel />;
    return <SearchPanel snap={snap} />;
  };

  return (
    <>
      <PageTitle>{tApp('nav.faceSearch')}</PageTitle>
      <Tabs
        activeKey={mode}
        destroyOnHidden
        // A probe from the device belongs to the search it came for: other modes drop it.
        onChange={(k) => setParams(k === 'search' ? {} : { [PARAMS.faceSearch.mode]: k })}
        items={FACE_SEARCH_MODES.map((m) => ({ key: m, label: t(`mode.${m}`), children: panel(m) }))}
      />
    </>
  );
}
