// The library specs' scan is the shared one.
export { seriousViolations } from '../axe';
