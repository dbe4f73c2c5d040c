import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUntranslatedMessages } from './untranslatedMessages';

/**
 * An error's `message` is English, for logs; the screens word errors by their code (see
 * renderer/src/i18n/errorText.ts). This check fails when a `.message` is put into a translated
 * sentence, a notification or a rendered element anywhere the person at the screen reads it.
 */
const rendererSource = join(import.meta.dirname, '../../renderer/src');

/**
 * Where an English message is in its place: the data layer and the station core (they make the
 * messages, for logs), the workers and their protocols (they carry them), and i18n itself
 * (errorText.ts puts a failure's technical detail on its own labelled line).
 */
const diagnosticFolders = ['db', 'core', 'i18n'];
const isWorker = (path: string) => /Worker/.test(path);

function screenFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      const top = relative(rendererSource, path).split(sep)[0] ?? '';
      return diagnosticFolders.includes(top) ? [] : screenFiles(path);
    }
    return /\.tsx?$/.test(entry.name) && !isWorker(entry.name) ? [path] : [];
  });
}

const fixture = `
function Refused({ outcome, error, removed }) {
  const { t } = useTranslation();
  notifications.show({ color: 'red', message: removed.error.message });
  const reason = t('printers.addFailed', { reason: error.message });
  const detail = error.message;
  const fine = t('printers.addFailed', { reason: failureText(t, outcome.failure) });
  return (
    <Alert key={outcome.message} title={i18n.t('x', { reason: String(detail).length })}>
      {outcome.message}
      <RefusalAlert message={outcome.refusal.message} />
      {outcome.ok ? null : <Text>{t('documents.refused', { reason: outcome.error.message })}</Text>}
      {fine}
    </Alert>
  );
}
`;

describe('untranslated error messages', () => {
  it('flags every way a message reaches the screen, and nothing else, in a fixture', () => {
    const found = findUntranslatedMessages('fixture.tsx', fixture);
    expect(found.map(({ line, where }) => ({ line, where }))).toEqual([
      { line: 4, where: 'notification' },
      { line: 5, where: 'translation' },
      { line: 10, where: 'jsx-child' },
      { line: 11, where: 'jsx-attribute' },
      { line: 12, where: 'translation' },
    ]);
  });

  it('scans the screens: every folder of renderer/src but the data layer, the core and i18n', () => {
    const files = screenFiles(rendererSource).map((path) => relative(rendererSource, path));
    expect(files.length).toBeGreaterThan(150);
    expect(files).toContain(join('warehouse', 'ReceivingPanel.tsx'));
    expect(files).toContain(join('hooks', 'useStationBackup.ts'));
    expect(files.some((file) => file.startsWith(`db${sep}`))).toBe(false);
    expect(files.some((file) => file.includes('Worker'))).toBe(false);
  });

  it('finds no error message put into a sentence or on the screen', () => {
    const found = screenFiles(rendererSource).flatMap((path) =>
      findUntranslatedMessages(relative(rendererSource, path), readFileSync(path, 'utf8')),
    );
    expect(found).toEqual([]);
  });
});
