// Face search reads the shared lists (src/api/queries): the libraries to
// search (all by default) and the cameras' alarm thresholds (§4.1), to read a
// 1:1 score against what this device uses.
import { queryOptions } from '@tanstack/react-query';
import { cameraQueries, selectThresholds } from '../../../api/queries/cameras';
import { libraryQueries } from '../../../api/queries/libraries';

export const faceSearchQueries = {
  libraries: () => libraryQueries.list(),
  thresholds: () => queryOptions({ ...cameraQueries.list(), select: selectThresholds }),
};
