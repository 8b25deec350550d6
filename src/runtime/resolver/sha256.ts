/**
 * SHA-256 of a download, hex. Web Crypto where the page is a secure
 * context; elsewhere (`http://` from another host has no `crypto.subtle`)
 * the audited `@noble/hashes` implementation.
 */
import { sha256 } from '@noble/hashes/sha2.js';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = globalThis.crypto?.subtle
    ? new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
    : sha256(bytes);
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
