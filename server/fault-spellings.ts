// Test fixture: shared by the guard's unit test, the servers' tests and the e2e spec.
/** Every spelling seen or plausible for reaching the emulator's fault endpoints through a proxy. */
export const FAULT_SPELLINGS: ReadonlyArray<[string, 400 | 404]> = [
  ['/__emulator/stats', 404],
  ['//__emulator/stats', 404],
  ['/%5f%5femulator/stats', 404],
  ['/ws/../__emulator/stats', 400],
  ['/api/../__emulator/latency', 400],
  ['/ws/./../__emulator/stats', 400],
  ['/ws/%2e%2e/__emulator/stats', 400],
  ['/ws/%2E%2E/__emulator/stats', 400],
  ['/ws/.%2e/__emulator/stats', 400],
  ['/ws/%252e%252e/__emulator/stats', 400],
  ['/ws/..%2f__emulator/stats', 400],
  ['/ws%2f..%2f__emulator/stats', 400],
  ['/ws/..%5c__emulator/stats', 400],
  ['/ws/..\\__emulator/stats', 400],
  ['/api\\..\\__emulator/latency', 400],
  ['/ws/%c0%ae%c0%ae/__emulator/stats', 400],
];
