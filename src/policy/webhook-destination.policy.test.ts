import { refusalOf } from './webhook-destination.policy';

describe('refusalOf: where webhooks may not go', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['255.255.255.255', 'broadcast'],
    ['2002:7f00:1::', '6to4'],
    ['64:ff9b::7f00:1', 'rfc6052'],
  ])('%s is refused (%s)', (address, range) => {
    expect(refusalOf(address)).toBe(`${address} is a ${range} address`);
  });

  it.each(['93.184.215.14', '2606:4700:4700::1111'])('%s, a public address, is allowed', (address) => {
    expect(refusalOf(address)).toBeNull();
  });
});
