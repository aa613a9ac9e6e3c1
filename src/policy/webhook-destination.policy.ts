import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

/** An address a webhook may be sent to, as `net.connect` takes it. */
export interface Destination {
  address: string;
  family: 4 | 6;
}

/** A webhook URL whose host cannot be reached: refused by this policy, or not resolved; `message` says why. */
export class UnreachableDestination extends Error {
  constructor(
    message: string,
    /** The policy refused it (as opposed to DNS failing); `message` then names the address and its range. */
    readonly refused: boolean,
  ) {
    super(message);
  }
}

/** How long createWebhook waits for DNS before it accepts a name it could not check yet. */
const CREATE_LOOKUP_TIMEOUT_MS = 3000;

/**
 * Why `address` may not be connected to, or null when it may: only public unicast addresses
 * pass. ipaddr.js names every special range (loopback, private, link-local, multicast,
 * unspecified, broadcast, carrier-grade NAT, documentation and benchmarking blocks, unique-local,
 * and the IPv6 forms that carry an IPv4 address: mapped, 6to4, Teredo, NAT64), so anything it
 * does not call `unicast` is refused; IPv4-mapped IPv6 is judged as the IPv4 address it is.
 */
export function refusalOf(address: string): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? null : `${address} is a ${range} address`;
}

/** The URL's host without the brackets of an IPv6 literal. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Every address the host stands for: an IP literal itself, a name as the system resolves it. */
async function addressesOf(host: string): Promise<Destination[]> {
  const family = net.isIP(host);
  if (family !== 0) return [{ address: host, family: family as 4 | 6 }];
  const found = await dns.promises.lookup(host, { all: true, verbatim: true });
  return found.map(({ address, family: f }) => ({ address, family: f === 6 ? 6 : 4 }));
}

/**
 * Where to connect for `url`, checked: the first address its host resolves to, unless any of
 * them is refused (a name that mixes a public and a private address is refused whole). The
 * caller connects to exactly this address (not to the name again), so a DNS answer that changes
 * between the check and the connection (DNS rebinding) cannot lead elsewhere. Throws
 * UnreachableDestination with the reason.
 */
export async function checkedDestination(url: URL, allowPrivateNetworks: boolean): Promise<Destination> {
  let addresses: Destination[];
  try {
    addresses = await addressesOf(hostOf(url));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UnreachableDestination(`could not resolve ${url.hostname}: ${code}`, false);
  }
  if (addresses.length === 0) throw new UnreachableDestination(`${url.hostname} has no address`, false);
  if (!allowPrivateNetworks) {
    for (const { address } of addresses) {
      const refusal = refusalOf(address);
      if (refusal)
        throw new UnreachableDestination(`refused: ${refusal} (WEBHOOK_ALLOW_PRIVATE_NETWORKS is off)`, true);
    }
  }
  return addresses[0];
}

/**
 * For createWebhook and updateWebhook: why the URL's host is refused, or null. A name that does
 * not resolve (yet), or not in time, is accepted: deliveries check again at every attempt.
 */
export async function refusalOfUrl(url: URL, allowPrivateNetworks: boolean): Promise<string | null> {
  if (allowPrivateNetworks) return null;
  // A lookup that outlives the wait settles into nothing: no rejection is left unhandled.
  const check = checkedDestination(url, false).then(
    () => null,
    (error: unknown) => (error instanceof UnreachableDestination && error.refused ? error.message : null),
  );
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), CREATE_LOOKUP_TIMEOUT_MS)));
  try {
    return await Promise.race([check, gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}
