import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';

/**
 * `npm run files -- <command>`: maintenance of the stored photos, run with the BFF's environment.
 *   rewrap   every photo under the current FILE_KEY (FILE_KEY_VERSION): data keys wrapped by a retired
 *            key (FILE_KEYS_RETIRED) are re-wrapped, photos stored before encryption are sealed.
 *            Prints one summary line; exit 1 when some photo could not be brought over.
 */
async function main(args: string[]): Promise<number> {
  if (args[0] !== 'rewrap' || args.length > 1) {
    console.error('usage: npm run files -- rewrap');
    return 2;
  }
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`UnionHome files: ${err.message}`);
      return 1;
    }
    throw err;
  }
  const { rewrapCommand } = await import('./files/file-keys.command');
  const { summaryLine } = await import('./files/file-keys.maintenance');
  const summary = await rewrapCommand(config);
  console.log(summaryLine(summary));
  return summary.failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error('UnionHome files failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
