import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { fromBase64, generateKeyPair, keyIdOf, type KeyPair } from '../../../src-shared/bundle';
import { HallError } from '../../../src-shared/errors';
import { writeFileAtomic } from '../atomic-write';

const KEY_FORMAT = 'hall10086-catalog-key/1';
const KeyFileSchema = v.strictObject({ format: v.literal(KEY_FORMAT), keyId: v.string(), publicKey: v.string(), privateKey: v.string() });

const KEY_FILE = 'catalog.key';
const PUBLIC_KEY_FILE = 'catalog.pub';

function fileError(zh: string, en: string, cause?: unknown): HallError {
  return new HallError('cli.file', { zh, en }, cause === undefined ? {} : { cause });
}

/** Writes a new key pair: the private key readable by its owner only, the public key as one base64 line. */
export async function writeNewKeyPair(dir: string, overwrite: boolean): Promise<KeyPair & { keyFile: string; publicFile: string }> {
  const keyFile = join(dir, KEY_FILE);
  const publicFile = join(dir, PUBLIC_KEY_FILE);
  if (!overwrite && (await exists(keyFile))) {
    throw fileError(`${keyFile} 已存在；换一个文件夹，或加 --force 覆盖（旧密钥签的更新将无法再发布）`, `${keyFile} exists; choose another folder, or add --force to replace it (updates can no longer be signed with the old key)`);
  }
  const pair = await generateKeyPair();
  await mkdir(dir, { recursive: true });
  // A new file readable by its owner only, renamed over any old one: writing into an existing file would keep its mode (0644, say).
  await writeFileAtomic(keyFile, `${JSON.stringify({ format: KEY_FORMAT, ...pair })}\n`);
  await writeFile(publicFile, `${pair.publicKey}\n`);
  return { ...pair, keyFile, publicFile };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

export async function readKeyFile(path: string): Promise<KeyPair> {
  const parsed = v.safeParse(KeyFileSchema, await readJson(path));
  if (!parsed.success || (await keyIdOf(parsed.output.publicKey)) !== parsed.output.keyId) {
    throw fileError(`${path} 不是 Hall10086 目录签名私钥文件`, `${path} is not a Hall10086 catalog signing key file`);
  }
  return parsed.output;
}

/** A public key given inline (base64) or as the path of a `.pub` file. */
export async function readPublicKey(keyOrPath: string): Promise<string> {
  const inline = fromBase64(keyOrPath);
  if (inline?.length === 32) return keyOrPath;
  const text = (await readText(keyOrPath)).trim();
  if (fromBase64(text)?.length !== 32) throw fileError(`${keyOrPath} 里不是公钥`, `${keyOrPath} does not hold a public key`);
  return text;
}

export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw fileError(`读不到文件 ${path}`, `Cannot read the file ${path}`, cause);
  }
}

export async function readBytes(path: string): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (cause) {
    throw fileError(`读不到文件 ${path}`, `Cannot read the file ${path}`, cause);
  }
}

export async function readJson(path: string): Promise<unknown> {
  const text = await readText(path);
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw fileError(`${path} 不是 JSON`, `${path} is not JSON`, cause);
  }
}
