/**
 * Whether a host is this computer or a private network: the report menu never sends such an
 * address to 10086999, as its name says what is inside a home or company network (`nas.corp`,
 * `wiki`, `fd12:3456::1`). Decided by structure, not by a list of known names: any single-label
 * name, any name under a suffix that only a local network resolves, any address of a range that is
 * not on the public internet. Documentation names and ranges (`.example`, `.test`, 192.0.2.0/24)
 * stay reportable: they name nobody's network, and tests and manuals use them as "some web site".
 *
 * `hostname` is as `URL` gives it: lower case, IPv4 in dotted decimal whatever form was typed
 * (`0x7f.1`, `2130706433`), IPv6 in brackets and compressed.
 */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return isLocalIpv6(host.slice(1, -1));
  const v4 = ipv4(host);
  if (v4 !== null) return isLocalIpv4(v4);
  // `wiki`, `router`, `intranet`: a name with no dot is resolved by the local network's search list.
  if (!host.includes('.')) return true;
  const labels = host.split('.');
  return LOCAL_SUFFIXES.some((suffix) => {
    const parts = suffix.split('.');
    return labels.length > parts.length && labels.slice(-parts.length).join('.') === suffix;
  });
}

/**
 * Suffixes only a local network (or this computer) resolves. RFC 6761 `localhost`; RFC 6762 `local`
 * (mDNS) and the private top-level names its appendix G found in use (`intranet`, `internal`,
 * `private`, `corp`, `home`, `lan`); RFC 8375 `home.arpa`; `localdomain` (the default domain of many
 * Linux systems and routers); `arpa` as a whole (reverse lookups, home.arpa). ICANN reserved
 * `internal` for private use in 2024.
 */
export const LOCAL_SUFFIXES = ['localhost', 'local', 'localdomain', 'home.arpa', 'arpa', 'internal', 'intranet', 'private', 'corp', 'home', 'lan'];

/** Dotted decimal as `URL` writes it, else null. */
function ipv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

/**
 * IANA's IPv4 special-purpose ranges that are not globally reachable, documentation ranges aside:
 * 0.0.0.0/8, 10/8, 100.64/10 (carrier-grade NAT), 127/8, 169.254/16, 172.16/12, 192.0.0/24,
 * 192.168/16, 198.18/15 (benchmarking), 224/4 (multicast) and 240/4 (reserved, broadcast).
 */
function isLocalIpv4([a, b, c]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a! >= 224 ||
    (a === 100 && b! >= 64 && b! <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && c === 0) ||
    (a === 198 && (b === 18 || b === 19))
  );
}

/**
 * IPv6: unspecified `::` and loopback `::1`; an IPv4-mapped (::ffff:0:0/96) or NAT64 (64:ff9b::/96)
 * address by its IPv4 one; unique local fc00::/7 (fd00::/8 in practice), link-local fe80::/10,
 * the old site-local fec0::/10, multicast ff00::/8, discard 100::/64.
 */
function isLocalIpv6(host: string): boolean {
  const hextets = expandIpv6(host);
  if (!hextets) return true; // not an address URL accepts: nothing to report
  if (hextets.slice(0, 7).every((h) => h === 0) && hextets[7]! <= 1) return true;
  const embedded = hextets.slice(0, 5).every((h) => h === 0) && hextets[5] === 0xffff;
  const nat64 = hextets[0] === 0x64 && hextets[1] === 0xff9b && hextets.slice(2, 6).every((h) => h === 0);
  if (embedded || nat64) return isLocalIpv4([hextets[6]! >> 8, hextets[6]! & 255, hextets[7]! >> 8, hextets[7]! & 255]);
  const first = hextets[0]!;
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xffc0) === 0xfec0 || (first & 0xff00) === 0xff00 || (first === 0x100 && hextets.slice(1, 4).every((h) => h === 0));
}

/** Eight numbers from an IPv6 address as `URL` writes it (hex, `::` once, no dotted tail). */
function expandIpv6(host: string): number[] | null {
  const halves = host.split('::');
  if (halves.length > 2) return null;
  const side = (s: string | undefined) => (s ? s.split(':').map((h) => parseInt(h, 16)) : []);
  const [head, tail] = [side(halves[0]), side(halves[1])];
  const fill = 8 - head.length - tail.length;
  if (fill < 0 || (halves.length === 1 && fill !== 0) || [...head, ...tail].some((n) => !Number.isInteger(n) || n < 0 || n > 0xffff)) return null;
  return [...head, ...Array<number>(fill).fill(0), ...tail];
}
