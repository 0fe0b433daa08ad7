import { z } from 'zod';
import { TIME_FORMATS } from './limits';
import { empty, int, num, time } from './schema';
import { operation } from './operation';

const none = () => z.object({});
const digits = () => z.string().regex(/^\d+$/, 'digits');

/** §6.1: every NTP field is a string on the wire. */
export const getNtp = operation({
  name: 'system.ntp',
  msgId: '1291',
  via: 'json',
  section: '6.1',
  request: none(),
  answer: z.object({ ntp_cycle: z.string(), ntp_disable: z.string(), port: z.string(), url: z.string() }),
});

/**
 * §6.2 lists url, ntp_cycle and ntp_disable; §6.1 answers a port too, so we take
 * an optional port (digits, 1-65535) as well.
 */
export const setNtp = operation({
  name: 'system.setNtp',
  msgId: '1290',
  via: 'json',
  section: '6.2',
  request: z.object({
    url: z.string().min(1).optional(),
    port: digits()
      .refine((s) => Number(s) >= 1 && Number(s) <= 65535, '1-65535')
      .optional(),
    ntp_cycle: digits()
      .refine((s) => Number(s) >= 1, 'at least 1 minute')
      .optional(),
    ntp_disable: z.union([z.literal('0'), z.literal('1')]).optional(),
  }),
  answer: empty(),
});

export const getVersion = operation({
  name: 'system.version',
  msgId: '1281',
  via: 'json',
  section: '6.3',
  request: none(),
  answer: z.object({ device_id: z.string(), serial_id: z.string(), version: z.string(), web_version: z.string() }),
});

/** §6.4: cur_storage and max_storage; we read them as MB (the example's 2048). */
export const getStorage = operation({
  name: 'system.storage',
  msgId: '1288',
  via: 'json',
  section: '6.4',
  request: none(),
  answer: z.object({
    cur_storage: z.number().int(),
    max_storage: z.number().int(),
    storage_strategy: z.number().int(),
  }),
});

export const setStorage = operation({
  name: 'system.setStorage',
  msgId: '1287',
  via: 'json',
  section: '6.5',
  request: z.object({ storage_strategy: int().pipe(z.union([z.literal(1), z.literal(2)])) }),
  answer: empty(),
});

export const getTime = operation({
  name: 'system.time',
  msgId: '1283',
  via: 'json',
  section: '6.6',
  request: none(),
  answer: z.object({ sys_time: z.string(), time_format: z.string(), time_zone: z.string() }),
});

/** §6.7: zone as "GMT+08:00"; format one of the three documented. */
export const TIME_ZONE_PATTERN = /^GMT[+-](0\d|1[0-4]):[0-5]\d$/;
export const setTime = operation({
  name: 'system.setTime',
  msgId: '1282',
  via: 'json',
  section: '6.7',
  request: z.object({
    sys_time: time(),
    time_zone: z.string().regex(TIME_ZONE_PATTERN, 'GMT+hh:mm'),
    time_format: z.enum(TIME_FORMATS).optional(),
  }),
  answer: empty(),
});

export const ethernet = () =>
  z.object({
    ethname: z.string(),
    gateway: z.string(),
    hw_addr: z.string(),
    ip: z.string(),
    ip_method: z.string(),
    ip_version: z.string(),
    netmask: z.string(),
  });
export type Ethernet = z.infer<ReturnType<typeof ethernet>>;
export const defaultInfo = () => z.object({ dns_method: z.string(), ethname: z.string(), first_dns: z.string(), second_dns: z.string() });

export const getNetwork = operation({
  name: 'system.network',
  msgId: '1297',
  via: 'json',
  section: '6.8',
  request: none(),
  answer: z.object({ default_info: defaultInfo(), ethernet: z.array(ethernet()) }),
});

/**
 * §6.9. Address checks (valid address, mask, gateway in the subnet, no two
 * interfaces in one subnet) are the device's -3606, so the handler does them.
 * With ip_method dhcp the addresses may be empty.
 */
export const setInterface = operation({
  name: 'system.setInterface',
  msgId: '1296',
  via: 'json',
  section: '6.9',
  request: z.object({
    ethname: z.string().min(1),
    ip: z.string(),
    ip_method: z.union([z.literal('static'), z.literal('dhcp')]),
    netmask: z.string(),
    gateway: z.string(),
    ip_version: z.union([z.literal('IPv4'), z.literal('IPv6')]),
  }),
  answer: empty(),
});

export const setDefaultInterface = operation({
  name: 'system.setDefaultInterface',
  msgId: '1295',
  via: 'json',
  section: '6.10',
  request: z.object({
    dns_method: z.union([z.literal('static'), z.literal('dhcp')]),
    first_dns: z.string().optional(),
    second_dns: z.string().optional(),
    ethname: z.string().min(1),
  }),
  answer: empty(),
});

/** §6.11: the package as the form's `file`; the device restarts after answering. */
export const upgrade = operation({
  name: 'system.upgrade',
  msgId: '1292',
  via: 'form',
  section: '6.11',
  request: none(),
  files: { file: 'one' } as const,
  answer: empty(),
});

export const reboot = operation({
  name: 'system.reboot',
  msgId: '1294',
  via: 'json',
  section: '6.12',
  request: none(),
  answer: empty(),
});

export const getDeviceId = operation({
  name: 'system.deviceId',
  msgId: '1301',
  via: 'json',
  section: '6.13',
  request: none(),
  answer: z.object({ device_id: z.string() }),
});

/** Not bounded by the reference; we take 1-64 printable characters. */
export const DEVICE_ID_MAX = 64;
export const setDeviceId = operation({
  name: 'system.setDeviceId',
  msgId: '1300',
  via: 'json',
  section: '6.14',
  request: z.object({ device_id: z.string().min(1).max(DEVICE_ID_MAX) }),
  answer: empty(),
});

/**
 * §6.15 does not say what "default configuration" covers. We read it as the
 * configuration only: NTP, time zone and format, storage policy, device web
 * pages, HTTP push target. Libraries, faces, cameras, records, network and
 * HTTPS files are kept (a reset that cut the node off its network, or erased
 * its libraries, would not be "configuration").
 */
export const restoreDefaults = operation({
  name: 'system.restoreDefaults',
  msgId: '1317',
  via: 'json',
  section: '6.15',
  request: none(),
  answer: empty(),
});

export const enableWeb = operation({
  name: 'system.enableWeb',
  msgId: '1315',
  via: 'json',
  section: '6.16',
  request: none(),
  answer: empty(),
});

export const disableWeb = operation({
  name: 'system.disableWeb',
  msgId: '1316',
  via: 'json',
  section: '6.17',
  request: none(),
  answer: empty(),
});

export const getCpu = operation({
  name: 'system.cpu',
  msgId: '1313',
  via: 'json',
  section: '6.18',
  request: none(),
  answer: z.object({ cpu_type: z.string(), cpu_usage: num(), kernel_num: z.number().int() }),
});

export const getMemory = operation({
  name: 'system.memory',
  msgId: '1314',
  via: 'json',
  section: '6.19',
  request: none(),
  answer: z.object({ memory_usage: num(), total_memory: z.number() }),
});
