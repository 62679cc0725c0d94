import { ipLimitSubject } from './ip-subject';

describe('ipLimitSubject', () => {
  it('should count an IPv4 address on its own', () => {
    expect(ipLimitSubject('203.0.113.9')).toBe('203.0.113.9');
  });

  it('should count every address of one IPv6 /64 together whatever their spelling', () => {
    const subjects = [
      '2001:db8:aa:1::1',
      '2001:0db8:00aa:0001:ffff:ffff:ffff:ffff',
      '2001:DB8:AA:1:0:0:0:2%eth0',
    ].map(ipLimitSubject);
    expect(new Set(subjects)).toEqual(new Set(['2001:db8:aa:1::/64']));
    expect(ipLimitSubject('2001:db8:aa:2::1')).toBe('2001:db8:aa:2::/64');
    expect(ipLimitSubject('::1')).toBe('0:0:0:0::/64');
  });
});
