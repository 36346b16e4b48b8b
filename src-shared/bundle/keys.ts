import { fromBase64, toBase64 } from './base64';
import { bundleError } from './bundle-error';
import { sha256Hex } from './canonical-json';

const ED25519 = { name: 'Ed25519' } as const;

export interface KeyPair {
  /** 32 raw bytes as base64: short enough to paste into a settings field. */
  publicKey: string;
  /** PKCS#8 as base64. Goes to a file readable by its owner only; never printed. */
  privateKey: string;
  keyId: string;
}

/** A short fingerprint naming which trusted key signed a bundle (minisign's key id, in hex). */
export async function keyIdOf(publicKey: string): Promise<string> {
  return (await sha256Hex(`hall10086-catalog-key:${publicKey}`)).slice(0, 16);
}

export async function generateKeyPair(): Promise<KeyPair> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
  const privateKey = toBase64(new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey)));
  return { publicKey, privateKey, keyId: await keyIdOf(publicKey) };
}

function badKey(what: 'public' | 'private', cause?: unknown): Error {
  return what === 'public'
    ? bundleError('bundle.bad-key', { zh: '公钥格式不对（应为 32 字节的 base64）', en: 'The public key is not valid (expected 32 bytes as base64)' }, cause)
    : bundleError('bundle.bad-key', { zh: '私钥文件格式不对', en: 'The private key file is not valid' }, cause);
}

export async function signBytes(privateKey: string, data: Uint8Array<ArrayBuffer>): Promise<string> {
  const pkcs8 = fromBase64(privateKey);
  if (!pkcs8) throw badKey('private');
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('pkcs8', pkcs8, ED25519, false, ['sign']);
  } catch (cause) {
    throw badKey('private', cause);
  }
  return toBase64(new Uint8Array(await crypto.subtle.sign(ED25519, key, data)));
}

export async function verifyBytes(publicKey: string, signature: string, data: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const raw = fromBase64(publicKey);
  if (!raw || raw.length !== 32) throw badKey('public');
  const sig = fromBase64(signature);
  if (!sig || sig.length !== 64) return false;
  const key = await crypto.subtle.importKey('raw', raw, ED25519, false, ['verify']);
  return crypto.subtle.verify(ED25519, key, sig, data);
}
