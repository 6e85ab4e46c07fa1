/**
 * Opens the PostgreSQL store for the service, the admin CLI and the store copy alike: a failure to reach or use the
 * database becomes one line that never quotes the connection string (a driver's message may).
 */
import { AppError } from '../data/errors.js';
import { openPostgresStore, type PostgresStoreOptions } from '../data/store/postgresStore.js';
import type { Store } from '../data/store/store.js';
import { errorKind } from './log.js';

export async function openDatabase(options: PostgresStoreOptions): Promise<Store> {
  try {
    return await openPostgresStore(options);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(
      'database-unusable',
      `The database in DATABASE_URL cannot be used (${errorKind(err)}): check it is running and reachable.`,
    );
  }
}
