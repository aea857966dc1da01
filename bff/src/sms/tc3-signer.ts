import { createHash, createHmac } from 'node:crypto';

/**
 * Tencent Cloud API 3.0 request signing, TC3-HMAC-SHA256, as documented at
 * https://cloud.tencent.com/document/api/213/30654 (签名方法 v3): a canonical request over the signed headers and the body's SHA-256, a string to sign with the
 * credential scope `date/service/tc3_request`, and a signing key derived from the secret key by
 * HMAC over date, service and "tc3_request".
 */
export interface Tc3Request {
  secretId: string;
  secretKey: string;
  /** The product, e.g. "sms": first label of the endpoint host and part of the credential scope. */
  service: string;
  /** The Host header exactly as sent (host[:port]). */
  host: string;
  /** Unix seconds; also decides the UTC date of the credential scope. */
  timestamp: number;
  contentType: string;
  payload: string;
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

/** The signed headers are content-type and host (the minimum Tencent requires), in this order. */
export function tc3CanonicalRequest(req: Pick<Tc3Request, 'host' | 'contentType' | 'payload'>): string {
  const canonicalHeaders = `content-type:${req.contentType.toLowerCase()}\nhost:${req.host.toLowerCase()}\n`;
  return ['POST', '/', '', canonicalHeaders, 'content-type;host', sha256Hex(req.payload)].join('\n');
}

export function tc3Sign(req: Tc3Request): { authorization: string; signature: string; credentialScope: string } {
  const date = new Date(req.timestamp * 1000).toISOString().slice(0, 10);
  const credentialScope = `${date}/${req.service}/tc3_request`;
  const stringToSign = [TC3_ALGORITHM, String(req.timestamp), credentialScope, sha256Hex(tc3CanonicalRequest(req))].join('\n');
  const secretDate = hmac(`TC3${req.secretKey}`, date);
  const secretService = hmac(secretDate, req.service);
  const secretSigning = hmac(secretService, 'tc3_request');
  const signature = createHmac('sha256', secretSigning).update(stringToSign, 'utf8').digest('hex');
  return {
    signature,
    credentialScope,
    authorization: `${TC3_ALGORITHM} Credential=${req.secretId}/${credentialScope}, SignedHeaders=content-type;host, Signature=${signature}`,
  };
}
