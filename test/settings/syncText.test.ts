import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ConnectProblem, SyncProblem } from '../../renderer/src/core/sync/syncApi';
import { en } from '../../renderer/src/i18n/en';
import { id } from '../../renderer/src/i18n/id';
import { connectProblemText, syncProblemText } from '../../renderer/src/settings/syncText';

/** Both languages with no fallback, so a sentence one of them lacks comes back as its key. */
const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, id: { translation: id } },
  fallbackLng: false,
  initAsync: false,
});
const context = { serverUrl: 'http://192.168.1.10:7411', stationCode: 'JKT1' };
const message = 'The server speaks sync protocol 2, this station 1: update the station.';

describe('what Settings → Sync says when the protocols differ', () => {
  it('names the side to update, when connecting and once stopped, in both languages', () => {
    for (const language of ['en', 'id']) {
      const t = i18n.getFixedT(language);
      const texts = (['server', 'station'] as const).flatMap((update) => {
        const connect: ConnectProblem = { code: 'protocol-mismatch', message, update };
        const stopped: SyncProblem = { code: 'protocol-mismatch', message, update };
        return [connectProblemText(t, connect, context), syncProblemText(t, stopped)];
      });
      for (const text of texts) expect(text).not.toMatch(/^sync\./);
      expect(new Set(texts).size).toBe(4);
    }
    const t = i18n.getFixedT('en');
    expect(
      connectProblemText(t, { code: 'protocol-mismatch', message, update: 'station' }, context),
    ).toMatch(/update Fixline on this station/);
    expect(
      connectProblemText(t, { code: 'protocol-mismatch', message, update: 'server' }, context),
    ).toMatch(/update the server/);
  });

  it('falls back to naming both sides when the server did not say its version', () => {
    const t = i18n.getFixedT('en');
    expect(connectProblemText(t, { code: 'protocol-mismatch', message }, context)).toMatch(
      /update the server or Fixline on this station/,
    );
  });
});
