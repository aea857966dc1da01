import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { json, startStub } from './stub-server';

/**
 * A local Tencent Cloud SMS (API 3.0 SendSms, 2021-01-11) for tests and the browser harness.
 * Plain Node, no test framework: it checks every request the way Tencent does — it rebuilds the
 * TC3-HMAC-SHA256 signature from the raw method, headers and body with its own code (not the
 * BFF's signer, or a shared mistake would pass both) — and records what would have been sent.
 */
export interface SentSms {
  /** 11 digits, the +86 taken off. */
  phone: string;
  phoneNumber: string;
  templateId: string;
  params: string[];
  signName: string;
  sdkAppId: string;
  region: string;
}

export interface TencentSmsStub {
  url: string;
  sent: SentSms[];
  /** The first parameter of the last login message to this phone: the code. */
  lastCodeFor(phone: string): string | undefined;
  /** Answer the next SendSms with this error: `Response.Error` (error) or a failed SendStatusSet item (status). */
  failNext(failure: { error: string } | { status: string }): void;
  /** Requests refused (signature, timestamp, action …), by Tencent error code. */
  refused: string[];
  close(): Promise<void>;
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

export async function startTencentSmsStub(opts: { secretId: string; secretKey: string; loginTemplateId?: string }): Promise<TencentSmsStub> {
  const sent: SentSms[] = [];
  const refused: string[] = [];
  let failure: { error: string } | { status: string } | null = null;

  const reply = (res: ServerResponse, body: Record<string, unknown>) =>
    json(res, 200, { Response: { ...body, RequestId: `stub-${sent.length + refused.length}` } });
  const refuse = (res: ServerResponse, code: string, message: string) => {
    refused.push(code);
    reply(res, { Error: { Code: code, Message: message } });
  };

  /** null when the request is signed right, else Tencent's error code and message. */
  const checkSignature = (req: IncomingMessage, body: string): [string, string] | null => {
    const auth = String(req.headers.authorization ?? '');
    const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
    if (!m) return ['AuthFailure.InvalidAuthorization', 'Authorization header is malformed'];
    const [, secretId, date, service, signedHeaders, signature] = m;
    if (secretId !== opts.secretId) return ['AuthFailure.SecretIdNotFound', 'SecretId not found'];
    const timestamp = Number(req.headers['x-tc-timestamp']);
    if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) return ['AuthFailure.SignatureExpire', 'X-TC-Timestamp is off by more than 5 minutes'];
    if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return ['AuthFailure.SignatureFailure', 'credential date does not match X-TC-Timestamp'];
    if (service !== 'sms') return ['AuthFailure.SignatureFailure', 'credential scope is not sms'];
    const names = signedHeaders.split(';');
    if (!names.includes('content-type') || !names.includes('host')) return ['AuthFailure.SignatureFailure', 'content-type and host must be signed'];
    const canonicalHeaders = names.map((n) => `${n}:${String(req.headers[n] ?? '').trim().toLowerCase()}\n`).join('');
    const [path, query = ''] = (req.url ?? '/').split('?');
    const canonicalRequest = [req.method, path, query, canonicalHeaders, signedHeaders, sha256Hex(body)].join('\n');
    const stringToSign = ['TC3-HMAC-SHA256', String(timestamp), `${date}/${service}/tc3_request`, sha256Hex(canonicalRequest)].join('\n');
    const signingKey = hmac(hmac(hmac(`TC3${opts.secretKey}`, date), service), 'tc3_request');
    const expected = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest();
    if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return ['AuthFailure.SignatureFailure', 'The provided credentials could not be validated'];
    return null;
  };

  const stub = await startStub((req, res, body) => {
    if (req.method !== 'POST') return refuse(res, 'InvalidParameter', 'only POST with JSON is served here');
    const bad = checkSignature(req, body);
    if (bad) return refuse(res, ...bad);
    if (req.headers['x-tc-action'] !== 'SendSms') return refuse(res, 'InvalidAction', `no action ${String(req.headers['x-tc-action'])}`);
    if (req.headers['x-tc-version'] !== '2021-01-11') return refuse(res, 'NoSuchVersion', `no version ${String(req.headers['x-tc-version'])}`);
    const region = String(req.headers['x-tc-region'] ?? '');
    if (!region) return refuse(res, 'MissingParameter', 'X-TC-Region is required');
    let p: { PhoneNumberSet?: unknown; SmsSdkAppId?: unknown; SignName?: unknown; TemplateId?: unknown; TemplateParamSet?: unknown };
    try {
      p = JSON.parse(body);
    } catch {
      return refuse(res, 'InvalidParameter', 'body is not JSON');
    }
    const phones = Array.isArray(p.PhoneNumberSet) ? (p.PhoneNumberSet as unknown[]).map(String) : [];
    const params = Array.isArray(p.TemplateParamSet) ? (p.TemplateParamSet as unknown[]).map(String) : [];
    if (!phones.length || typeof p.SmsSdkAppId !== 'string' || typeof p.TemplateId !== 'string' || typeof p.SignName !== 'string') {
      return refuse(res, 'MissingParameter', 'PhoneNumberSet, SmsSdkAppId, SignName and TemplateId are required');
    }
    const now = failure;
    failure = null;
    if (now && 'error' in now) return refuse(res, now.error, 'failure asked for by the test');
    const statuses = phones.map((phoneNumber) => {
      if (now && 'status' in now) return { SerialNo: '', PhoneNumber: phoneNumber, Fee: 0, SessionContext: '', Code: now.status, Message: 'failure asked for by the test', IsoCode: 'CN' };
      sent.push({ phone: phoneNumber.replace(/^\+86/, ''), phoneNumber, templateId: p.TemplateId as string, params, signName: p.SignName as string, sdkAppId: p.SmsSdkAppId as string, region });
      return { SerialNo: `stub:${sent.length}`, PhoneNumber: phoneNumber, Fee: 1, SessionContext: '', Code: 'Ok', Message: 'send success', IsoCode: 'CN' };
    });
    reply(res, { SendStatusSet: statuses });
  });

  return {
    url: stub.url,
    sent,
    refused,
    lastCodeFor: (phone) =>
      [...sent].reverse().find((s) => s.phone === phone && (!opts.loginTemplateId || s.templateId === opts.loginTemplateId))?.params[0],
    failNext: (f) => {
      failure = f;
    },
    close: stub.close,
  };
}
