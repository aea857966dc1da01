import { createHash } from 'node:crypto';
import { tc3CanonicalRequest, tc3Sign } from './tc3-signer';

/**
 * Tencent's own worked example of 签名方法 v3 (CVM DescribeInstances, SecretKey shown masked as
 * "Gu5t9xGARNpq86cd98joQYCN3*******", timestamp 1551113065, signed headers content-type;host):
 * every intermediate value and the final signature as the documentation prints them.
 */
describe('TC3-HMAC-SHA256 signer', () => {
  const example = {
    secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******',
    secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******',
    service: 'cvm',
    host: 'cvm.tencentcloudapi.com',
    timestamp: 1551113065,
    contentType: 'application/json; charset=utf-8',
    payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
  };

  it('builds the documented canonical request', () => {
    const canonical = tc3CanonicalRequest(example);
    expect(canonical).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    expect(createHash('sha256').update(canonical).digest('hex')).toBe('5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031');
  });

  it('produces the documented signature and Authorization header', () => {
    const signed = tc3Sign(example);
    expect(signed.credentialScope).toBe('2019-02-25/cvm/tc3_request');
    expect(signed.signature).toBe('2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c');
    expect(signed.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c',
    );
  });

  it('takes the credential date in UTC, not local time', () => {
    // 2019-02-26 00:44:25 in Beijing is still the 25th in UTC (the example above).
    expect(tc3Sign({ ...example, timestamp: 1551113065 + 16 * 3600 }).credentialScope).toBe('2019-02-26/cvm/tc3_request');
  });
});
