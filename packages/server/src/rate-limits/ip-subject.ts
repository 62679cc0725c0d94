import { isIPv6 } from 'node:net';

/**
 * The part of a client IP that per-IP limits count. An IPv4 address is one subscriber; with IPv6
 * one subscriber usually holds a whole /64 (2^64 addresses), so counting single addresses would
 * let one machine pick a fresh address per request. IPv6 is counted by its /64.
 */
export function ipLimitSubject(ip: string): string {
  const address = ip.split('%')[0]!.toLowerCase();
  if (!isIPv6(address)) return ip;
  const [head = '', tail] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail === undefined ? [] : tail ? tail.split(':') : [];
  // an embedded IPv4 tail (::ffff:1.2.3.4 and the like) sits in the low 64 bits: not needed here
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
