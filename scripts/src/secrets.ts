/**
 * `npm run secrets`: prints a fresh set of the secrets real mode requires, as shell lines to put in
 * the service's environment (a secret manager, a systemd EnvironmentFile, …). Every instance of one
 * service needs the SAME values: tokens, ID-number indexes and stored photos depend on them.
 */
import { randomBytes } from 'node:crypto';

const key = () => randomBytes(32).toString('base64');
const lines = [
  `TOKEN_SECRET=${randomBytes(48).toString('base64url')}`,
  `PII_KEY=${key()}`,
  `PII_INDEX_KEY=${key()}`,
  `FILE_KEY=${key()}`,
];
console.log(lines.join('\n'));
