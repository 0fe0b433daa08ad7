// The feature's own paths (src/app/paths.ts holds only the section roots).
import { paths } from '../../app/paths';

export const camerasPath = paths.cameras;
export const roiRoutePath = `${paths.cameras}/:channel/roi`;
export const roiPath = (channel: number): string => `${paths.cameras}/${channel}/roi`;

/** Search parameters of the cameras page: the view lives in the URL so a reload restores it. */
export const PARAM = {
  tab: 'tab',
  /** ?add=<channel> (0: any free channel) opens the add drawer. */
  add: 'add',
  /** ?edit=<channel> opens the edit drawer. */
  edit: 'edit',
} as const;
export type CamerasTab = 'cameras' | 'relays';
