import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * Every setting of the BFF, read once from the environment at boot and validated.
 * A bad value stops the start with one clear line (ConfigError), never a stack trace later.
 * The table in README.md lists the same names, defaults and meanings.
 */
export interface AppConfig {
  nodeEnv: string;
  /**
   * Demo mode: the embedded demo (seed, dev-login, generated keys). On by default only when DB_URL
   * is unset; `DEMO=true|false` overrides it; never with NODE_ENV=production. Everything else is
   * real mode: no seed, no dev-login, and every secret must come from the environment.
   */
  demo: boolean;
  port: number;
  host: string;
  dataDir: string;
  db: { kind: 'sqlite'; file: string } | { kind: 'mysql'; url: string };
  devLogin: boolean;
  seedDemo: boolean;
  tokenSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** 32-byte key for AES-256-GCM of personal data, and a separate one for blind indexes. */
  piiKey: Buffer;
  piiIndexKey: Buffer;
  /** 32-byte key that wraps the per-file keys of stored photos (envelope encryption). */
  fileKey: Buffer;
  /** The version recorded with every wrap made under fileKey (FILE_KEY_VERSION, default 1). */
  fileKeyVersion: number;
  /** Earlier file keys still needed to read photos wrapped under them, until `npm run files -- rewrap` has run. */
  retiredFileKeys: Array<{ version: number; key: Buffer }>;
  wechat: {
    apiBase: string;
    appId: string;
    appSecret: string;
    /** Subscribe-message template ids by topic (empty: that notice is not sent through WeChat). */
    subscribeTemplates: { claim_status: string };
    /** Which mini-program version a subscribe message opens: formal, trial or developer. */
    miniprogramState: 'formal' | 'trial' | 'developer';
  };
  /** Login and refresh requests per client address: a flood guard that a factory's NAT never reaches. */
  authRateLimit: { limit: number; ttlSeconds: number };
  /**
   * Limits keyed by what they protect: every request per client address (a flood guard), booking
   * attempts and photo uploads per person. Shared across instances through Redis when redisUrl is set.
   */
  rateLimits: Record<RateLimitBucket, { limit: number; ttlSeconds: number }>;
  /**
   * Applications one invite code takes per window, counted in the database (exact across instances):
   * a poster's code photographed and fed to a script must not bury the officer's review queue.
   */
  applicationInviteLimit: { limit: number; ttlSeconds: number };
  /** redis://… for rate-limit counters shared by every instance; null keeps them in each instance's memory. */
  redisUrl: string | null;
  /** Prefix of this service's keys in Redis (several services or test runs may share one server). */
  redisKeyPrefix: string;
  /**
   * Where text messages go: Tencent Cloud SMS, the log (demo only), or nowhere (real mode without
   * SMS_PROVIDER: the app runs, SMS login answers 503 SMS_NOT_CONFIGURED).
   */
  sms: SmsConfig;
  logLevel: string;
  /** Write logs to this file instead of stdout. */
  logFile: string | null;
  h5Dir: string | null;
  publicUrl: string | null;
  /**
   * Which proxies' X-Forwarded-For gives the client address (rate limits, logs): false (default:
   * the socket's peer), true (any), a hop count, or addresses/CIDRs. Passed to Express' `trust proxy`.
   */
  trustProxy: boolean | number | string[];
  /**
   * How long an idle keep-alive connection stays open (seconds). Longer than a load balancer's idle
   * timeout (60 s on most), so the balancer, not the BFF, closes it: otherwise a request sent just as
   * Node closes at its default 5 s fails with a reset at the balancer (502).
   */
  keepAliveSeconds: number;
  storage:
    | { kind: 'local'; dir: string }
    | { kind: 's3'; endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };
  jobs: boolean;
}

export type SmsConfig =
  | { provider: 'none' }
  | { provider: 'log' }
  | {
      provider: 'tencent';
      apiBase: string;
      region: string;
      secretId: string;
      secretKey: string;
      sdkAppId: string;
      signName: string;
      /** Template ids by message kind; an empty one means that kind is not sent by SMS. */
      templates: { login: string; claim_paid: string; claim_needs_documents: string };
    };

export type RateLimitBucket = 'address' | 'booking' | 'upload' | 'application';

export class ConfigError extends Error {}

export const DEFAULT_TOKEN_SECRET = 'unionhome-dev-token-secret-change-me';

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function bool(env: Env, name: string, def: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (['1', 'true', 'on', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'off', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, def: T, allowed: readonly T[]): T {
  const raw = (env[name] ?? '') as T;
  if (!raw) return def;
  if (!allowed.includes(raw)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw;
}

function required(env: Env, name: string, why: string): string {
  const raw = env[name];
  if (!raw) throw new ConfigError(`${name} is required ${why}`);
  return raw;
}

/**
 * A key from the environment (base64 of 32 bytes). Only the demo generates one, once, into the data
 * directory: in real mode a generated key would differ per instance and die with its disk.
 */
function key(env: Env, name: string, dataDir: string, demo: boolean): Buffer {
  const raw = env[name];
  if (raw) {
    const buf = Buffer.from(raw, 'base64');
    if (buf.length !== 32) throw new ConfigError(`${name} must be 32 bytes in base64 (npm run secrets, or openssl rand -base64 32)`);
    return buf;
  }
  if (!demo) throw new ConfigError(`${name} is required outside demo mode (npm run secrets prints a set)`);
  const file = join(dataDir, `${name.toLowerCase()}.key`);
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  const generated = randomBytes(32);
  writeFileSync(file, generated.toString('base64') + '\n', { mode: 0o600 });
  return generated;
}

/**
 * FILE_KEYS_RETIRED: "<version>:<base64 of 32 bytes>,…", the keys a rotation replaced, kept only
 * for reading until every photo is re-wrapped under the current one.
 */
function retiredFileKeys(env: Env, currentVersion: number): AppConfig['retiredFileKeys'] {
  const raw = (env.FILE_KEYS_RETIRED ?? '').trim();
  if (!raw) return [];
  const seen = new Set<number>([currentVersion]);
  return raw.split(',').map((item) => {
    const m = /^\s*(\d{1,7}):([A-Za-z0-9+/=]+)\s*$/.exec(item);
    const key = m ? Buffer.from(m[2], 'base64') : null;
    if (!m || !key || key.length !== 32 || Number(m[1]) < 1) {
      throw new ConfigError('FILE_KEYS_RETIRED must look like "1:<base64 of 32 bytes>,2:<base64 of 32 bytes>"');
    }
    const version = Number(m[1]);
    if (seen.has(version)) throw new ConfigError(`FILE_KEYS_RETIRED names key version ${version} twice, or also as FILE_KEY_VERSION`);
    seen.add(version);
    return { version, key };
  });
}

function smsConfig(env: Env, demo: boolean): SmsConfig {
  const provider = oneOf(env, 'SMS_PROVIDER', demo ? 'log' : 'none', ['tencent', 'log', 'none'] as const);
  if (provider === 'log' && !demo) {
    throw new ConfigError('SMS_PROVIDER=log is only allowed in demo mode: set SMS_PROVIDER=tencent with the SMS_* variables, or leave it unset');
  }
  if (provider !== 'tencent') return { provider };
  const why = 'when SMS_PROVIDER=tencent';
  const digits = (name: string, value: string) => {
    if (!/^\d{1,20}$/.test(value)) throw new ConfigError(`${name} must be the numeric id from the Tencent Cloud SMS console, got "${value}"`);
    return value;
  };
  const optionalTemplate = (name: string) => (env[name] ? digits(name, env[name]!) : '');
  const apiBase = (env.SMS_API_BASE || 'https://sms.tencentcloudapi.com').replace(/\/$/, '');
  if (!/^https?:\/\/[^/]+$/.test(apiBase)) throw new ConfigError(`SMS_API_BASE must look like https://sms.tencentcloudapi.com, got "${apiBase}"`);
  return {
    provider,
    apiBase,
    region: env.SMS_REGION || 'ap-guangzhou',
    secretId: required(env, 'TENCENTCLOUD_SECRET_ID', why),
    secretKey: required(env, 'TENCENTCLOUD_SECRET_KEY', why),
    sdkAppId: digits('SMS_SDK_APP_ID', required(env, 'SMS_SDK_APP_ID', why)),
    signName: required(env, 'SMS_SIGN_NAME', why),
    templates: {
      login: digits('SMS_TEMPLATE_LOGIN', required(env, 'SMS_TEMPLATE_LOGIN', why)),
      claim_paid: optionalTemplate('SMS_TEMPLATE_CLAIM_PAID'),
      claim_needs_documents: optionalTemplate('SMS_TEMPLATE_CLAIM_NEEDS_DOCUMENTS'),
    },
  };
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const nodeEnv = env.NODE_ENV || 'development';
  const production = nodeEnv === 'production';
  const dataDirRaw = env.DATA_DIR || './data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw new ConfigError(`DATA_DIR "${dataDir}" cannot be created: ${(e as Error).message}`);
  }

  let db: AppConfig['db'];
  const dbUrl = env.DB_URL;
  if (dbUrl) {
    if (!/^mysql:\/\/[^/]+\/\w+/.test(dbUrl)) {
      throw new ConfigError('DB_URL must look like mysql://user:password@host:3306/database');
    }
    db = { kind: 'mysql', url: dbUrl };
  } else {
    db = { kind: 'sqlite', file: join(dataDir, 'unionhome.sqlite') };
  }

  const demo = bool(env, 'DEMO', !dbUrl && !production);
  if (production && demo) throw new ConfigError('DEMO must not be true when NODE_ENV=production');
  // Outside the demo, dev-login and the seed cannot be switched on; in the demo they can be switched off.
  const devLogin = bool(env, 'DEV_LOGIN', demo);
  if (devLogin && !demo) throw new ConfigError('DEV_LOGIN can only be on in demo mode (DEMO=true, never with NODE_ENV=production)');
  const seedDemo = bool(env, 'SEED_DEMO', demo);
  if (seedDemo && !demo) throw new ConfigError('SEED_DEMO can only be on in demo mode (DEMO=true)');
  const tokenSecret = env.TOKEN_SECRET || (demo ? DEFAULT_TOKEN_SECRET : '');
  if (!demo) {
    if (!tokenSecret) throw new ConfigError('TOKEN_SECRET is required outside demo mode (npm run secrets prints one)');
    if (tokenSecret === DEFAULT_TOKEN_SECRET) throw new ConfigError('TOKEN_SECRET must be a secret of your own, not the built-in demo one');
    if (tokenSecret.length < 32) throw new ConfigError('TOKEN_SECRET must be at least 32 characters outside demo mode');
  }
  if (tokenSecret.length < 16) throw new ConfigError('TOKEN_SECRET must be at least 16 characters');

  const storageKind = oneOf(env, 'STORAGE', 'local', ['local', 's3'] as const);
  const storage: AppConfig['storage'] =
    storageKind === 'local'
      ? { kind: 'local', dir: join(dataDir, 'files') }
      : {
          kind: 's3',
          endpoint: required(env, 'S3_ENDPOINT', 'when STORAGE=s3'),
          bucket: required(env, 'S3_BUCKET', 'when STORAGE=s3'),
          region: env.S3_REGION || 'us-east-1',
          accessKeyId: required(env, 'S3_ACCESS_KEY_ID', 'when STORAGE=s3'),
          secretAccessKey: required(env, 'S3_SECRET_ACCESS_KEY', 'when STORAGE=s3'),
        };

  const fileKeyVersion = int(env, 'FILE_KEY_VERSION', 1, 1, 1_000_000);

  const h5Raw = env.H5_DIR ?? resolve(__dirname, '../../../miniapp/dist/h5');
  const h5Dir = h5Raw && existsSync(h5Raw) ? h5Raw : null;

  return {
    nodeEnv,
    demo,
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir,
    db,
    devLogin,
    seedDemo,
    tokenSecret,
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 10, 86_400),
    refreshTokenTtlDays: int(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    piiKey: key(env, 'PII_KEY', dataDir, demo),
    piiIndexKey: key(env, 'PII_INDEX_KEY', dataDir, demo),
    fileKey: key(env, 'FILE_KEY', dataDir, demo),
    fileKeyVersion,
    retiredFileKeys: retiredFileKeys(env, fileKeyVersion),
    wechat: {
      apiBase: (env.WECHAT_API_BASE || 'https://api.weixin.qq.com').replace(/\/$/, ''),
      appId: env.WECHAT_APP_ID || '',
      appSecret: env.WECHAT_APP_SECRET || '',
      subscribeTemplates: { claim_status: env.WECHAT_CLAIM_TEMPLATE_ID || '' },
      miniprogramState: oneOf(env, 'WECHAT_MINIPROGRAM_STATE', 'formal', ['formal', 'trial', 'developer'] as const),
    },
    authRateLimit: {
      limit: int(env, 'AUTH_RATE_LIMIT', 1000, 1, 10_000_000),
      ttlSeconds: int(env, 'AUTH_RATE_WINDOW_SECONDS', 60, 1, 86_400),
    },
    rateLimits: {
      address: { limit: int(env, 'RATE_LIMIT_ADDRESS', 6000, 1, 100_000_000), ttlSeconds: int(env, 'RATE_LIMIT_ADDRESS_WINDOW_SECONDS', 60, 1, 86_400) },
      booking: { limit: int(env, 'RATE_LIMIT_BOOKING', 5, 1, 1_000_000), ttlSeconds: int(env, 'RATE_LIMIT_BOOKING_WINDOW_SECONDS', 10, 1, 86_400) },
      upload: { limit: int(env, 'RATE_LIMIT_UPLOAD', 30, 1, 1_000_000), ttlSeconds: int(env, 'RATE_LIMIT_UPLOAD_WINDOW_SECONDS', 60, 1, 86_400) },
      application: { limit: int(env, 'RATE_LIMIT_APPLICATION', 5, 1, 1_000_000), ttlSeconds: int(env, 'RATE_LIMIT_APPLICATION_WINDOW_SECONDS', 3600, 1, 86_400) },
    },
    applicationInviteLimit: {
      limit: int(env, 'RATE_LIMIT_APPLICATION_INVITE', 500, 1, 10_000_000),
      ttlSeconds: int(env, 'RATE_LIMIT_APPLICATION_INVITE_WINDOW_SECONDS', 3600, 1, 86_400),
    },
    redisUrl: redisUrl(env.REDIS_URL),
    redisKeyPrefix: env.REDIS_KEY_PREFIX || 'uh:rl:',
    sms: smsConfig(env, demo),
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
    logFile: env.LOG_FILE || null,
    h5Dir,
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/$/, '') : null,
    trustProxy: trustProxy(env.TRUST_PROXY),
    keepAliveSeconds: int(env, 'HTTP_KEEP_ALIVE_SECONDS', 75, 1, 3600),
    storage,
    jobs: bool(env, 'JOBS', true),
  };
}

function redisUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  if (!/^rediss?:\/\/[^\s]+$/.test(raw)) throw new ConfigError(`REDIS_URL must look like redis://host:6379 or rediss://…, got "${raw.replace(/\/\/[^@]*@/, '//…@')}"`);
  return raw;
}

/** Express' own names for address ranges, accepted as list entries besides addresses and CIDRs. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function trustProxy(raw: string | undefined): AppConfig['trustProxy'] {
  const value = (raw ?? '').trim();
  if (value === '' || value.toLowerCase() === 'false') return false;
  if (value.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new ConfigError(`TRUST_PROXY hop count must be at most 10, got "${value}"`);
    return hops;
  }
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    if (PROXY_RANGE_NAMES.includes(entry)) continue;
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const maxPrefix = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (!family || !prefixOk || rest.length) {
      throw new ConfigError(`TRUST_PROXY must be true, false, a hop count, or comma-separated addresses/CIDRs; "${entry}" is none of these`);
    }
  }
  return entries;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
