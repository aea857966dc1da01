import 'reflect-metadata';
import { GRANTABLE_ROLES, isGrantableRole, maskPhone, PHONE_PATTERN, roleNeedsOrg } from '@unionhome/shared';
import { ConfigError, loadConfig } from './config/app-config';

/**
 * `npm run admin -- grant <phone> <role> [--org <orgCode>] [--name <姓名>]`: grants a staff role against
 * the configured database (DB_URL or the SQLite file in DATA_DIR, real-mode secrets as for `npm start`),
 * the very first admin included. It boots the BFF exactly as `npm start` does, without listening: pending
 * migrations run first (so an empty database works), and in the demo an empty database gets the demo
 * data. The grant itself is StaffService's, the same as POST /admin/staff: idempotent, audited.
 * Prints one line; exit 0 when granted or already held, 1 when refused, 2 for a malformed command.
 */
const USAGE = 'usage: npm run admin -- grant <phone> <role> [--org <orgCode>] [--name <姓名>]';

interface GrantCommand {
  phone: string;
  role: string;
  orgCode?: string;
  name?: string;
}

class UsageError extends Error {}

function parse(args: string[]): GrantCommand {
  const [command, ...rest] = args;
  if (command !== 'grant') throw new UsageError(USAGE);
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const option = /^--(org|name)(?:=(.*))?$/.exec(arg);
    if (option) {
      const value = option[2] ?? rest[++i];
      if (value === undefined || value === '') throw new UsageError(`--${option[1]} needs a value (${USAGE})`);
      options[option[1]] = value;
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg} (${USAGE})`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 2) throw new UsageError(USAGE);
  return { phone: positional[0], role: positional[1], orgCode: options.org, name: options.name };
}

/** What needs no database: refused before anything boots. */
function check(cmd: GrantCommand): string | null {
  if (!PHONE_PATTERN.test(cmd.phone)) return `"${cmd.phone}" is not a mobile number (11 digits starting with 1)`;
  if (!isGrantableRole(cmd.role)) return `unknown role "${cmd.role}" (one of ${GRANTABLE_ROLES.join(', ')})`;
  if (roleNeedsOrg(cmd.role) && !cmd.orgCode) return `${cmd.role} is granted for an organisation: add --org <orgCode>`;
  if (!roleNeedsOrg(cmd.role) && cmd.orgCode) return `${cmd.role} is not granted for an organisation: leave out --org`;
  return null;
}

async function main(args: string[]): Promise<number> {
  let cmd: GrantCommand;
  try {
    cmd = parse(args);
  } catch (err) {
    console.error(err instanceof UsageError ? `UnionHome admin: ${err.message}` : String(err));
    return 2;
  }
  const problem = check(cmd);
  if (problem) {
    console.error(`UnionHome admin: ${problem}`);
    return 1;
  }
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`UnionHome admin: ${err.message}`);
      return 1;
    }
    throw err;
  }
  if (config.db.kind === 'mysql') {
    // Nest reports a database it cannot reach with its own log lines and a stack; say it in one.
    const { detectMysqlFlavor } = await import('./database/data-source-options');
    try {
      await detectMysqlFlavor(config.db.url);
    } catch (err) {
      const e = err as { code?: string; message?: string };
      console.error(`UnionHome admin: cannot connect to the database of DB_URL (${e.code ?? e.message ?? String(err)})`);
      return 1;
    }
  }
  const { createApp } = await import('./app.factory');
  const { OrgsRepository } = await import('./orgs/orgs.repository');
  const { StaffService, CLI_ACTOR_ID } = await import('./admin/staff/staff.service');
  const { AppException } = await import('./common/app-exception');
  // The one output line is ours: the BFF's logs stay off, and so do its background jobs and the H5 site.
  const app = await createApp({ ...config, logLevel: 'silent', logFile: null, jobs: false, h5Dir: null });
  try {
    let orgId: string | undefined;
    if (cmd.orgCode) {
      const org = await app.get(OrgsRepository).findByCode(cmd.orgCode);
      if (!org) {
        console.error(`UnionHome admin: no organisation with code "${cmd.orgCode}"`);
        return 1;
      }
      orgId = org.id;
    }
    const outcome = await app.get(StaffService).grant(CLI_ACTOR_ID, { phone: cmd.phone, name: cmd.name, role: cmd.role, orgId });
    const of = outcome.org ? ` of ${outcome.org.code} (${outcome.org.name})` : '';
    const who = maskPhone(cmd.phone);
    console.log(outcome.created ? `granted ${cmd.role}${of} to ${who}${outcome.newUser ? ' (new user)' : ''}` : `already granted ${cmd.role}${of} to ${who}`);
    return 0;
  } catch (err) {
    if (err instanceof AppException) {
      const fields = Object.entries(err.detail.fields ?? {}).map(([k, v]) => `${k}: ${v}`);
      console.error(`UnionHome admin: ${err.code}: ${fields.length ? fields.join('; ') : err.userMessage}`);
      return 1;
    }
    throw err;
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error('UnionHome admin failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
