import { describe, expect, it } from 'vitest';
import { listenerApplicationNameOf } from '../../server/src/storage/postgresDatabase';

// How a server's listening connections are named in pg_stat_activity (an administrator, and the
// scale-out test, tell several servers on one PostgreSQL apart by it).
describe('listenerApplicationNameOf', () => {
  it('names the listening connections fixline-listen, after the URL’s own application name if any', () => {
    expect(listenerApplicationNameOf('postgres://fixline@db.example:5432/fixline')).toBe(
      'fixline-listen',
    );
    expect(
      listenerApplicationNameOf('postgres://fixline@db.example/fixline?application_name=site-2'),
    ).toBe('fixline-listen site-2');
  });

  it('keeps the plain name for a connection string that is not a URL', () => {
    expect(listenerApplicationNameOf('host=db.example dbname=fixline')).toBe('fixline-listen');
  });
});
