// What a file must look like before it goes to the device: HTTPS material
// (§8.1) and an upgrade package (§6.11). Checked on this computer first, so a
// wrong pick is said in words instead of as the device's -3596 or -3603.

export type HttpsFileType = 'crt' | 'key';

/** The extensions a certificate or key usually has; .pem fits both. */
export const HTTPS_EXTENSIONS: Record<HttpsFileType, readonly string[]> = {
  crt: ['.crt', '.pem', '.cer'],
  key: ['.key', '.pem'],
};

/** PEM files are small; anything bigger is not one (a bundle of a few certificates stays far below). */
export const HTTPS_FILE_MAX_BYTES = 64 * 1024;

export type HttpsFileProblem = 'extension' | 'tooBig' | 'empty' | 'notPem' | 'keyNotCert' | 'certNotKey' | 'encryptedKey';

const CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;
// PKCS#8, PKCS#1 (RSA) and SEC1 (EC) all end in "PRIVATE KEY".
const KEY = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----[\s\S]+?-----END \1PRIVATE KEY-----/;

const hasExtension = (name: string, list: readonly string[]) => list.some((ext) => name.toLowerCase().endsWith(ext));

/** The name and size first (no need to read a 2 GB file by mistake), then the text. */
export function checkHttpsFileMeta(type: HttpsFileType, name: string, size: number): HttpsFileProblem | null {
  if (!hasExtension(name, HTTPS_EXTENSIONS[type])) return 'extension';
  if (size === 0) return 'empty';
  if (size > HTTPS_FILE_MAX_BYTES) return 'tooBig';
  return null;
}

export function checkHttpsFileText(type: HttpsFileType, text: string): HttpsFileProblem | null {
  const cert = CERT.test(text);
  const key = KEY.exec(text);
  if (type === 'crt') {
    if (cert) return null;
    return key ? 'keyNotCert' : 'notPem';
  }
  if (!key) return cert ? 'certNotKey' : 'notPem';
  // The device has no way to be given a passphrase: an encrypted key could never serve TLS.
  if (key[1]?.includes('ENCRYPTED') || /Proc-Type:\s*4,ENCRYPTED/.test(text)) return 'encryptedKey';
  return null;
}

/**
 * The packages the device takes: §6.11's example is nebula.tar.bz2; we also
 * take .tar.gz and .bin, which the emulator accepts too.
 */
export const UPGRADE_EXTENSIONS = ['.tar.bz2', '.tar.gz', '.bin'] as const;

export type UpgradeFileProblem = 'extension' | 'empty';
export function checkUpgradeFile(name: string, size: number): UpgradeFileProblem | null {
  if (!hasExtension(name, UPGRADE_EXTENSIONS)) return 'extension';
  return size === 0 ? 'empty' : null;
}

/** Bytes for people: 1 decimal from KB on, binary units (the device's total_memory is bytes). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} B` : `${v.toFixed(1)} ${units[i]}`;
}
