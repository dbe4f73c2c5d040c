import { saveFailureText } from '../i18n/saveFailureText';
import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { RefObject } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredNote, RepositoryResult } from '../core';
import { useStationFormat } from '../hooks/useStationFormat';
import classes from './NotesCard.module.css';

type NotesCardProps = {
  readonly notes: readonly StoredNote[] | undefined;
  readonly canWrite: boolean;
  readonly technicianName: (id: string) => string;
  /** The new note's field, focused by the `n` shortcut. */
  readonly inputRef: RefObject<HTMLTextAreaElement | null>;
  readonly onAdd: (body: string) => Promise<RepositoryResult<StoredNote>>;
};

/** Notes on the claim, newest first, and a field to add one (Ctrl+Enter saves). */
export function NotesCard({ notes, canWrite, technicianName, inputRef, onAdd }: NotesCardProps) {
  const { t } = useTranslation();
  const format = useStationFormat();
  const titleId = useId();
  const [body, setBody] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  async function save() {
    if (body.trim() === '' || saving) return;
    setSaving(true);
    const result = await onAdd(body.trim());
    setSaving(false);
    if (result.ok) {
      setBody('');
      setError(undefined);
    } else {
      // What was typed stays in the field, to fix and save again.
      setError(
        saveFailureText(t, result.error, (reason) => t('claimScreen.notes.failed', { reason })),
      );
    }
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={titleId}>
          {t('claimScreen.notes.title')}
        </Title>
        <Textarea
          ref={inputRef}
          label={t('claimScreen.notes.label')}
          description={t('claimScreen.notes.hint')}
          placeholder={t('claimScreen.notes.placeholder')}
          rows={2}
          classNames={{ input: classes.noteInput }}
          value={body}
          error={error}
          disabled={!canWrite}
          onChange={(event) => setBody(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void save();
            }
          }}
        />
        <Group justify="flex-end">
          <Button
            variant="light"
            loading={saving}
            disabled={!canWrite || body.trim() === ''}
            onClick={() => void save()}
          >
            {t('claimScreen.notes.add')}
          </Button>
        </Group>
        {notes === undefined ? null : notes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('claimScreen.notes.empty')}
          </Text>
        ) : (
          <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {notes.map((note) => (
              <li key={note.id}>
                <Paper bg="gray.0" p="xs" radius="sm">
                  <Text size="xs" c="dimmed">
                    {t('claimScreen.notes.byline', {
                      name: technicianName(note.author),
                      time: format.dateTime(note.at),
                    })}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {note.body}
                  </Text>
                </Paper>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
