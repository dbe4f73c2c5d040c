import { FixlineDatabase } from '../db/database';

let database: FixlineDatabase | undefined;

/** The station's database, opened once for the whole app. */
export function appDatabase(): FixlineDatabase {
  return (database ??= new FixlineDatabase());
}
