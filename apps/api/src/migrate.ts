import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AppConfig, dataSourceOptions } from '@wetube/platform';

/** `npm run migrate`: brings the configured database to the latest schema, then exits. */
async function main(): Promise<void> {
  const config = AppConfig.fromEnv();
  const ds = new DataSource(dataSourceOptions(config));
  await ds.initialize();
  const ran = await ds.runMigrations({ transaction: 'all' });
  console.log(ran.length ? `applied ${ran.map((m) => m.name).join(', ')}` : 'schema is up to date');
  await ds.destroy();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
