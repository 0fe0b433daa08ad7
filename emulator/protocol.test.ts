import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../src/api/protocol';
import { HANDLERS } from './operations';

describe('the protocol catalogue', () => {
  it('has every msg_id of INDEX.md once', () => {
    const ids = OPERATIONS.map((o) => o.msgId);
    expect(new Set(ids).size).toBe(ids.length);
    // sections 2-8, 9.1 and 10 of the reference: 77 JSON and form operations
    const expected = [
      '257',
      '258',
      '1028',
      '1025',
      '1026',
      '1027',
      '1034',
      '1032',
      '1029',
      '1031',
      '1033',
      '1035',
      '1038',
      '1041',
      '1037',
      '1040',
      '1043',
      '1036',
      '1039',
      '1042',
      '1030',
      '1044',
      '1045',
      '1046',
      '1048',
      '1047',
      '769',
      '782',
      '1051',
      '1052',
      '779',
      '516',
      '513',
      '515',
      '514',
      '1310',
      '772',
      '771',
      '780',
      '781',
      '1291',
      '1290',
      '1281',
      '1288',
      '1287',
      '1283',
      '1282',
      '1297',
      '1296',
      '1295',
      '1292',
      '1294',
      '1301',
      '1300',
      '1317',
      '1315',
      '1316',
      '1313',
      '1314',
      '1299',
      '1298',
      '1302',
      '1303',
      '1304',
      '1305',
      '1306',
      '1286',
      '1537',
      '1538',
      '1539',
    ];
    expect([...ids].sort()).toEqual([...expected].sort());
  });

  it('names every operation uniquely', () => {
    const names = OPERATIONS.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives the emulator a handler for every operation', () => {
    const missing = OPERATIONS.filter((o) => !HANDLERS.has(o.msgId)).map((o) => `${o.msgId} ${o.name}`);
    expect(missing).toEqual([]);
  });
});
