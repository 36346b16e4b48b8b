import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A certificate and its key, as files (for mosquitto) and the certificate as PEM text. */
export interface CertFiles {
  cert: string;
  key: string;
  pem: string;
}

/**
 * A small private PKI made by openssl in a temp folder the test owns: a CA, and server
 * certificates that are good (127.0.0.1), for another name, expired, or self-signed (no CA).
 */
export interface Pki {
  /** The CA's certificate: what a user pastes as the broker's CA. */
  caPem: string;
  good: CertFiles;
  wrongName: CertFiles;
  expired: CertFiles;
  selfSigned: CertFiles;
  /** A client certificate from the same CA (mutual TLS). */
  client: CertFiles;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'ignore' });
}

/** `openssl ca` is the one openssl 3.0 command that sets a validity in the past (for the expired one). */
async function signed(dir: string, name: string, san: string, dates: string[], usage = 'serverAuth'): Promise<CertFiles> {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.pem`);
  openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${name}`, '-keyout', key, '-out', join(dir, `${name}.csr`)], dir);
  await writeFile(join(dir, `${name}.ext`), `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=${usage}\n`);
  openssl(['ca', '-batch', '-config', 'ca.cnf', '-notext', '-in', `${name}.csr`, '-out', cert, '-extfile', `${name}.ext`, ...dates], dir);
  return { cert, key, pem: await readFile(cert, 'utf8') };
}

/** A certificate that is its own issuer (as `mosquitto` set up in a hurry), for 127.0.0.1. */
export async function selfSignedCert(dir: string): Promise<CertFiles> {
  const key = join(dir, 'self.key');
  const cert = join(dir, 'self.pem');
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], dir);
  return { cert, key, pem: await readFile(cert, 'utf8') };
}

export async function makePki(dir: string): Promise<Pki> {
  await writeFile(join(dir, 'index.txt'), '');
  await writeFile(join(dir, 'serial'), '1000\n');
  await writeFile(
    join(dir, 'ca.cnf'),
    [
      '[ca]', 'default_ca = test_ca', '[test_ca]', `dir = ${dir}`, 'database = $dir/index.txt', 'serial = $dir/serial',
      'new_certs_dir = $dir', 'certificate = $dir/ca.pem', 'private_key = $dir/ca.key', 'default_md = sha256',
      'policy = any', 'unique_subject = no', 'copy_extensions = none', '[any]', 'commonName = supplied', '',
    ].join('\n'),
  );
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Hall10086 test CA', '-keyout', 'ca.key', '-out', 'ca.pem'], dir);
  const days = ['-days', '2'];
  return {
    caPem: await readFile(join(dir, 'ca.pem'), 'utf8'),
    good: await signed(dir, 'good', 'IP:127.0.0.1,DNS:localhost', days),
    wrongName: await signed(dir, 'wrong-name', 'DNS:broker.invalid', days),
    expired: await signed(dir, 'expired', 'IP:127.0.0.1,DNS:localhost', ['-startdate', '20200101000000Z', '-enddate', '20200102000000Z']),
    selfSigned: await selfSignedCert(dir),
    client: await signed(dir, 'client', 'DNS:desk1', days, 'clientAuth'),
  };
}
