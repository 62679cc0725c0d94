import {
  isForbiddenWebhookAddress,
  webhookUrlProblem,
} from '../../src/webhooks/webhook-address-guard';

describe('isForbiddenWebhookAddress', () => {
  it.each([
    ['127.0.0.1', 'IPv4 loopback'],
    ['127.255.255.254', 'the rest of 127/8'],
    ['0.0.0.0', 'unspecified (reaches this machine on Linux)'],
    ['0.1.2.3', 'this network 0/8'],
    ['10.0.0.1', 'private 10/8'],
    ['10.255.255.255', 'end of 10/8'],
    ['172.16.0.1', 'private 172.16/12'],
    ['172.31.255.255', 'end of 172.16/12'],
    ['192.168.1.1', 'private 192.168/16'],
    ['100.64.0.1', 'CGNAT 100.64/10'],
    ['100.127.255.255', 'end of CGNAT'],
    ['169.254.169.254', 'cloud metadata (link-local)'],
    ['169.254.0.1', 'link-local 169.254/16'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast (SSDP)'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved 240/4'],
    ['192.0.2.10', 'documentation TEST-NET-1'],
    ['198.51.100.7', 'documentation TEST-NET-2'],
    ['203.0.113.9', 'documentation TEST-NET-3'],
    ['198.18.0.1', 'benchmarking 198.18/15'],
    ['192.0.0.170', 'IETF protocol assignments 192.0.0/24'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fc00::1', 'unique local fc00::/7'],
    ['fd00:ec2::254', 'AWS metadata over IPv6 (unique local)'],
    ['fe80::1', 'link-local fe80::/10'],
    ['fe80::1%eth0', 'link-local with a zone'],
    ['febf:ffff::1', 'end of fe80::/10'],
    ['fec0::1', 'deprecated site-local'],
    ['ff02::1', 'multicast ff00::/8'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback in hex'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:0:127.0.0.1', 'SIIT-translated loopback'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of the metadata address'],
    ['64:ff9b::127.0.0.1', 'NAT64 of loopback'],
    ['64:ff9b:1::1', 'local-use NAT64 prefix'],
    ['2002:7f00:1::', '6to4 of loopback'],
    ['2002:c0a8:101::1', '6to4 of 192.168.1.1'],
    ['::127.0.0.1', 'deprecated IPv4-compatible form'],
    ['2001:db8::1', 'IPv6 documentation'],
    ['2001::1', 'Teredo'],
    ['100::1', 'discard-only 100::/64'],
    ['4000::1', 'outside global unicast 2000::/3'],
    ['not-an-ip', 'not an address at all (fail closed)'],
    ['', 'empty'],
  ])('should refuse %s (%s)', (ip) => {
    expect(isForbiddenWebhookAddress(ip)).toBe(true);
  });

  it.each([
    ['93.184.215.14', 'a public IPv4 address'],
    ['8.8.8.8', 'a public resolver'],
    ['172.32.0.1', 'just past 172.16/12'],
    ['100.128.0.1', 'just past CGNAT'],
    ['169.253.255.255', 'just before link-local'],
    ['11.0.0.1', 'just past 10/8'],
    ['2606:2800:220:1:248:1893:25c8:1946', 'a public IPv6 address'],
    ['2a00:1450:4001:82a::200e', 'another public IPv6 address'],
    ['::ffff:93.184.215.14', 'IPv4-mapped public address'],
    ['64:ff9b::5db8:d70e', 'NAT64 of a public address'],
    ['2002:5db8:d70e::1', '6to4 of a public address'],
  ])('should allow %s (%s)', (ip) => {
    expect(isForbiddenWebhookAddress(ip)).toBe(false);
  });
});

describe('webhookUrlProblem', () => {
  const production = { allowPrivate: false, requireHttps: true };
  const development = { allowPrivate: false, requireHttps: false };
  const privateAllowed = { allowPrivate: true, requireHttps: false };

  it.each([
    ['https://hooks.example.com/entry', production],
    ['https://93.184.215.14/hook', production],
    ['https://[2606:2800:220:1:248:1893:25c8:1946]/hook', production],
    ['http://hooks.example.com/entry', development],
    ['http://127.0.0.1:3000/hook', privateAllowed],
    ['http://localhost:3000/hook', privateAllowed],
    ['http://10.1.2.3/hook', privateAllowed],
    // a name that resolves to a private address is caught at delivery, after DNS
    ['https://internal.example.com/hook', production],
  ] as const)('should accept %s when the rules are %p', (url, rules) => {
    expect(webhookUrlProblem(url, rules)).toBeNull();
  });

  it.each([
    ['nonsense', production, 'INVALID_URL'],
    ['gopher://hooks.example.com/', development, 'INVALID_URL'],
    ['http://hooks.example.com/entry', production, 'HTTPS_REQUIRED'],
    ['https://a:b@hooks.example.com/', production, 'CREDENTIALS_IN_URL'],
    [`https://hooks.example.com/${'x'.repeat(2000)}`, production, 'TOO_LONG'],
    ['https://localhost/hook', production, 'PRIVATE_ADDRESS'],
    ['http://LOCALHOST.:8080/hook', development, 'PRIVATE_ADDRESS'],
    ['https://api.localhost/hook', production, 'PRIVATE_ADDRESS'],
    ['https://127.0.0.1/hook', production, 'PRIVATE_ADDRESS'],
    ['https://2130706433/hook', production, 'PRIVATE_ADDRESS'],
    ['https://0x7f.1/hook', production, 'PRIVATE_ADDRESS'],
    ['https://169.254.169.254/latest/meta-data/', production, 'PRIVATE_ADDRESS'],
    ['https://[::1]/hook', production, 'PRIVATE_ADDRESS'],
    ['https://[::ffff:127.0.0.1]/hook', production, 'PRIVATE_ADDRESS'],
    ['https://[fd00:ec2::254]/hook', production, 'PRIVATE_ADDRESS'],
    ['http://192.168.0.10/hook', development, 'PRIVATE_ADDRESS'],
    // allowPrivate lifts the address rule, never the URL's shape
    ['ftp://127.0.0.1/hook', privateAllowed, 'INVALID_URL'],
    ['http://u:p@127.0.0.1/hook', privateAllowed, 'CREDENTIALS_IN_URL'],
  ] as const)('should refuse %s when the rules are %p with %s', (url, rules, problem) => {
    expect(webhookUrlProblem(url, rules)).toBe(problem);
  });
});
