// Demo cameras: one of each kind of §4.1, plus a second capture camera, and a
// relay on the first turnstile. 3 VIDEO (2 each) + 2 IMAGE (1 each) = 8, the
// M4s's whole computing power; the M8s keeps 8 free for the user's own.
import type { EmulatorContext } from '../context';
import { insertCamera, insertRelay, sipServerId } from '../operations/cameras';
import { Refusal } from '../operations/handler';

type LibType = 1 | 2;

/** Every library of a type, as a lib_ids list ("" when there are none yet). */
function libIdsOfType(ctx: EmulatorContext, type: LibType): string {
  return ctx.db
    .prepare<[number], { lib_id: number }>('SELECT lib_id FROM libraries WHERE lib_type = ? ORDER BY lib_id LIMIT 50')
    .all(type)
    .map((r) => r.lib_id)
    .join(',');
}

/**
 * Adds the demo cameras on channels 1-5. Call it after the demo libraries
 * exist: the video cameras watch the blacklists (lib_type 1), the turnstiles
 * the whitelists (lib_type 2). A camera that does not fit (channel taken,
 * power short) is skipped with a log line, so a second call is harmless.
 * `count`: only the first so many (a fleet's nodes differ).
 */
export function seedCameras(ctx: EmulatorContext, count?: number): void {
  const blacklists = libIdsOfType(ctx, 1);
  const whitelists = libIdsOfType(ctx, 2);
  const seeds: Parameters<typeof insertCamera>[1][] = [
    {
      channel: 1,
      camera_mode: 'VIDEO',
      protocol: 'rtsp',
      url: 'rtsp://admin:admin123@192.168.1.101:554/Streaming/Channels/101',
      camera_name: '正门 Main entrance',
      position: '一号楼大堂入口 Building 1, front door',
      description: '海康 DS-2CD3T46 枪机',
      lib_ids: blacklists,
      threshold: 88,
      snap_mode: 1,
      facesize_min: 80,
      facesize_max: 600,
    },
    {
      channel: 2,
      camera_mode: 'VIDEO',
      protocol: 'onvif',
      ip: '192.168.1.102',
      port: 80,
      camera_user: 'admin',
      camera_pwd: 'admin123',
      decoder: 'onvif',
      camera_name: '大堂 Lobby',
      position: '一号楼一层大堂 Building 1, ground floor',
      description: '',
      lib_ids: blacklists,
      threshold: 87,
      snap_mode: 3,
    },
    {
      channel: 3,
      camera_mode: 'VIDEO',
      // The node itself is the SIP server: its own id, port 5060, and §4.2 c's password.
      protocol: 'GB28181',
      ip: '192.168.1.10',
      port: 5060,
      server_sip_id: sipServerId(ctx),
      camera_sip_id: '34020000001320000003',
      camera_name: '停车场 Car park',
      position: '地下停车场入口 Underground car park, ramp',
      description: 'GB28181 球机',
      lib_ids: blacklists,
      threshold: 86,
      snap_mode: 2,
    },
    {
      channel: 4,
      camera_mode: 'IMAGE',
      ip: '192.168.1.104',
      port: 8000,
      camera_user: 'admin',
      camera_pwd: 'admin123',
      vendor: 'hikvision',
      product: 'DS-2CD7A26G0',
      camera_name: '闸机 A Turnstile A',
      position: '二号楼闸机 Building 2, gates',
      description: '员工通道 Staff lane',
      lib_ids: whitelists,
      threshold: 88,
    },
    {
      channel: 5,
      camera_mode: 'IMAGE',
      ip: '192.168.1.105',
      port: 37777,
      camera_user: 'admin',
      camera_pwd: 'admin123',
      vendor: 'dahua',
      product: 'DH-IPC-HF8249F',
      camera_name: '闸机 B Turnstile B',
      position: '二号楼闸机 Building 2, gates',
      description: '访客通道 Visitor lane',
      lib_ids: whitelists,
      threshold: 88,
    },
  ];
  const added = new Set<number>();
  for (const seed of seeds.slice(0, count)) {
    try {
      added.add(insertCamera(ctx, seed).channel);
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      ctx.log(`demo camera "${seed.camera_name}" skipped: ${e.message}`);
    }
  }
  // Only with its own turnstile, so a second call does not bind it twice.
  if (added.has(4)) {
    insertRelay(ctx, { camera_channel: 4, dev_ip: '192.168.1.204', dev_port: 5679, dev_name: '闸机 A 继电器 Gate A relay', dev_tag: '' });
  }
  ctx.log(`demo data: ${added.size} cameras`);
}
