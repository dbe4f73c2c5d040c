import { describe, expect, it } from 'vitest';
import { proxiesByOrigin, proxyUrlOf } from '../../electron/main/systemProxy';

describe('proxyUrlOf', () => {
  it.each([
    ['DIRECT', undefined],
    ['PROXY proxy.example:8080', 'http://proxy.example:8080'],
    ['PROXY proxy.example:8080; DIRECT', 'http://proxy.example:8080'],
    // Chromium joins the entries without a space.
    ['PROXY proxy.example:8080;DIRECT', 'http://proxy.example:8080'],
    ['DIRECT;PROXY proxy.example:8080', undefined],
    ['HTTPS secure-proxy.example:443', 'https://secure-proxy.example'],
    ['HTTPS secure-proxy.example:8443', 'https://secure-proxy.example:8443'],
    ['PROXY [2001:db8::1]:3128', 'http://[2001:db8::1]:3128'],
    ['PROXY 10.0.0.2', 'http://10.0.0.2'],
    ['proxy proxy.example:8080', 'http://proxy.example:8080'],
    ['  PROXY   proxy.example:8080  ', 'http://proxy.example:8080'],
  ])('reads %j as %j', (pacResult, proxyUrl) => {
    expect(proxyUrlOf(pacResult)).toBe(proxyUrl);
  });

  it.each([
    // SOCKS (4, and 5, which undici speaks only experimentally) and QUIC are not used.
    ['SOCKS socks.example:1080; PROXY proxy.example:8080', 'http://proxy.example:8080'],
    ['SOCKS4 socks.example:1080; HTTPS secure.example:443', 'https://secure.example'],
    ['QUIC quic.example:443; PROXY proxy.example:8080; DIRECT', 'http://proxy.example:8080'],
    ['SOCKS socks.example:1080; DIRECT; PROXY proxy.example:8080', undefined],
    ['SOCKS5 socks.example:1080; PROXY proxy.example:8080', 'http://proxy.example:8080'],
  ])('skips the entries undici cannot use: %j is %j', (pacResult, proxyUrl) => {
    expect(proxyUrlOf(pacResult)).toBe(proxyUrl);
  });

  it.each([
    'PROXY',
    'PROXY proxy.example:8080 extra',
    'PROXY user:secret@proxy.example:8080',
    'PROXY proxy.example:8080/path',
    'PROXY proxy.example:99999',
    'DIRECT proxy.example:8080',
    'FTP proxy.example:21',
    '<html>',
  ])('skips the malformed entry %j for the next one', (garbage) => {
    expect(proxyUrlOf(`${garbage}; PROXY other.example:3128`)).toBe('http://other.example:3128');
  });

  it.each([
    ['an empty answer (a failed lookup)', ''],
    ['garbage', 'nonsense; ;;'],
    ['only kinds undici cannot use', 'SOCKS socks.example:1080; QUIC quic.example:443'],
  ])('connects directly when the answer is %s', (_case, pacResult) => {
    expect(proxyUrlOf(pacResult)).toBeUndefined();
  });
});

describe('proxiesByOrigin', () => {
  /** A system whose answer a test sets, counting the lookups, on a clock the test moves. */
  function system(firstAnswer: string) {
    const asked: string[] = [];
    const setting = { answer: firstAnswer };
    let nowMs = 0;
    return {
      asked,
      setAnswer: (answer: string) => (setting.answer = answer),
      advance: (ms: number) => (nowMs += ms),
      proxyFor: proxiesByOrigin(
        async (url) => {
          asked.push(url);
          return setting.answer;
        },
        { keptMs: 1_000, now: () => nowMs },
      ),
    };
  }

  it('asks the system once per server origin, with the origin only', async () => {
    const station = system('PROXY proxy.example:8080');
    expect(await station.proxyFor('https://sync.example/sync/v1/pull')).toBe(
      'http://proxy.example:8080',
    );
    expect(await station.proxyFor('https://sync.example/sync/v1/push')).toBe(
      'http://proxy.example:8080',
    );
    await station.proxyFor('http://sync.example:7411/sync/v1/hello');
    expect(station.asked).toEqual(['https://sync.example/', 'http://sync.example:7411/']);
  });

  it('asks again once its answer is old, so a changed setting applies without a restart', async () => {
    const station = system('DIRECT');
    expect(await station.proxyFor('https://sync.example/sync/v1/pull')).toBeUndefined();
    station.setAnswer('PROXY proxy.example:8080');
    station.advance(999);
    expect(await station.proxyFor('https://sync.example/sync/v1/pull')).toBeUndefined();
    station.advance(1);
    expect(await station.proxyFor('https://sync.example/sync/v1/pull')).toBe(
      'http://proxy.example:8080',
    );
    expect(station.asked).toHaveLength(2);
  });

  it('asks once for requests made while the first lookup is under way', async () => {
    const station = system('PROXY proxy.example:8080');
    const answers = await Promise.all([
      station.proxyFor('https://sync.example/sync/v1/pull'),
      station.proxyFor('https://sync.example/sync/v1/blobs/standing'),
    ]);
    expect(answers).toEqual(['http://proxy.example:8080', 'http://proxy.example:8080']);
    expect(station.asked).toHaveLength(1);
  });
});
