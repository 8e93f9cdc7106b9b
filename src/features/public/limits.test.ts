import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { ACCEPTED_PER_ADDRESS_PER_DAY, ACCEPTED_PER_AUTHORITY_PER_DAY, addressKey, refusalFor } from './limits.ts'

describe('the address a public form is counted against', () => {
  test('an IPv4 address is itself', () => {
    assert.equal(addressKey('192.0.2.10'), '192.0.2.10')
  })

  test('an IPv6 address counts by its /64, however it is written', () => {
    assert.equal(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd'), '2001:db8:1:2::/64')
    assert.equal(addressKey('2001:0db8:0001:0002::1'), '2001:db8:1:2::/64')
    assert.equal(addressKey('2001:DB8:1:2:ffff::9'), '2001:db8:1:2::/64')
    assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64')
    assert.equal(addressKey('::1'), '0:0:0:0::/64')
  })

  test('an IPv4 address written as IPv6 is the IPv4 address', () => {
    assert.equal(addressKey('::ffff:192.0.2.10'), '192.0.2.10')
    assert.equal(addressKey('::ffff:c000:20a'), '192.0.2.10')
  })

  test('anything else counts as itself, never throws', () => {
    for (const odd of ['', 'not an address', ':::', '1::2::3', '1:2:3:4:5:6:7:8:9', '::ffff:999.1.1.1', 'fe80::1%eth0']) {
      assert.equal(typeof addressKey(odd), 'string', odd)
    }
    assert.equal(addressKey('fe80::1%eth0'), 'fe80:0:0:0::/64')
  })
})

describe('how many forms are accepted', () => {
  test('a few a day from one address, then no more', () => {
    const most = ACCEPTED_PER_ADDRESS_PER_DAY.enquiry
    assert.equal(refusalFor('enquiry', most - 1, 0), null)
    assert.equal(refusalFor('enquiry', most, 0), 'address')
  })

  test('a ceiling a day for the authority from every address together', () => {
    const ceiling = ACCEPTED_PER_AUTHORITY_PER_DAY.application
    assert.equal(refusalFor('application', 0, ceiling - 1), null)
    assert.equal(refusalFor('application', 0, ceiling), 'authority')
  })
})
