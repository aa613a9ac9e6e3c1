import { checkedDestination, refusalOf } from './webhook-destination.policy';

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

describe('checkedDestination: the host of a URL as it will be connected to', () => {
  it.each([
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0177.0.0.1/',
    'http://127.1/',
    'http://[::ffff:7f00:1]/',
    'http://[0:0:0:0:0:0:0:1]/',
  ])('%s, however it spells 127.0.0.1 or ::1, is refused', async (url) => {
    await expect(checkedDestination(new URL(url), false)).rejects.toThrow(/^refused: .* is a loopback address/);
  });

  it('connects anywhere when private networks are allowed', async () => {
    await expect(checkedDestination(new URL('http://2130706433:8080/'), true)).resolves.toEqual({
      address: '127.0.0.1',
      family: 4,
    });
  });
});
