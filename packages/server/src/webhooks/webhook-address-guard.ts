import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { webhookUrlShapeProblem, type WebhookUrlProblem } from '@entry/shared';

export interface WebhookUrlRules {
  /** WEBHOOK_ALLOW_PRIVATE_URLS: tests and private networks may post to their own hosts */
  readonly allowPrivate: boolean;
  readonly requireHttps: boolean;
}

/**
 * The only IPv4 range ipaddr.js calls "unicast" is the public internet; everything else it names
 * (loopback, private, CGNAT, link-local with the cloud metadata address, multicast, broadcast,
 * reserved, documentation, benchmarking, AS112, AMT) is somewhere a webhook has no business going.
 */
function isForbiddenIPv4(address: ipaddr.IPv4): boolean {
  return address.range() !== 'unicast';
}

/**
 * The IPv4 address an IPv6 one carries when the network delivers it to that IPv4 host: mapped
 * (::ffff:a.b.c.d), SIIT (::ffff:0:a.b.c.d), NAT64 well-known prefix (64:ff9b::/96) and 6to4
 * (2002:AABB:CCDD::). Judging these by their IPv6 range would let ::ffff:127.0.0.1 through.
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const parts = address.parts;
  const fromWords = (high: number, low: number) =>
    new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  switch (address.range()) {
    case 'ipv4Mapped':
    case 'rfc6145':
      return fromWords(parts[6]!, parts[7]!);
    case 'rfc6052':
      // 64:ff9b::/96 only; the local-use 64:ff9b:1::/48 places the address by a prefix we
      // cannot know, and is refused as a whole below.
      return parts[2] === 0 ? fromWords(parts[6]!, parts[7]!) : null;
    case '6to4':
      return fromWords(parts[1]!, parts[2]!);
    default:
      return null;
  }
}

/** Global unicast is 2000::/3; nothing else is the public internet today. */
function isGlobalUnicastIPv6(address: ipaddr.IPv6): boolean {
  return (address.parts[0]! & 0xe000) === 0x2000 && address.range() === 'unicast';
}

/**
 * Whether a webhook may not connect to `ip` (as dns.lookup answers it, or an IP literal). An
 * address that is not an IP at all is refused too: this guard fails closed.
 */
export function isForbiddenWebhookAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return true;
  const address = ipaddr.parse(ip);
  if (address.kind() === 'ipv4') return isForbiddenIPv4(address as ipaddr.IPv4);
  const v6 = address as ipaddr.IPv6;
  const embedded = embeddedIPv4(v6);
  if (embedded) return isForbiddenIPv4(embedded);
  return !isGlobalUnicastIPv6(v6);
}

/** "localhost", "LOCALHOST.", "api.localhost": RFC 6761 names that always mean this machine. */
function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

/** The host of a parsed URL as DNS and sockets take it: an IPv6 literal without its brackets. */
export function webhookUrlHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Whether the URL's host is forbidden by what it says itself, before any DNS: a localhost name
 * or an IP literal in a forbidden range. (The WHATWG parser has already turned IPv4 spellings
 * such as 0x7f.1 and 2130706433 into dotted quads.)
 */
export function isForbiddenWebhookHost(host: string): boolean {
  return isLocalhostName(host) || (isIP(host) !== 0 && isForbiddenWebhookAddress(host));
}

/**
 * The first problem of `url` as an endpoint when it is saved, or null. A host name is judged
 * again after DNS on every delivery (webhook-sender.ts); here only what the URL itself says.
 */
export function webhookUrlProblem(url: string, rules: WebhookUrlRules): WebhookUrlProblem | null {
  const shapeProblem = webhookUrlShapeProblem(url, rules);
  if (shapeProblem) return shapeProblem;
  if (rules.allowPrivate) return null;
  return isForbiddenWebhookHost(webhookUrlHost(new URL(url))) ? 'PRIVATE_ADDRESS' : null;
}
