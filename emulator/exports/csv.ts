// The device's CSV exports use the protocol's one writer (with its formula guard).
export { csvCell, toCsv } from '../../src/api/protocol/csv';
