import { useParams } from 'react-router';

/** The :libId of the route, or null when it is no library id. */
export function useLibIdParam(): number | null {
  const { libId } = useParams();
  const n = Number(libId);
  return Number.isInteger(n) && n > 0 ? n : null;
}
