import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '#shared/domain/primitives';
import type { QuoteAnswer } from '../../core';

type AnswerFormProps = {
  readonly initialStatus: QuoteAnswer['status'];
  /** The day the quote was sent and today, in the station's time zone: the answer falls between. */
  readonly sentOn: IsoDate;
  readonly today: IsoDate;
  readonly onRecord: (answer: QuoteAnswer) => Promise<boolean>;
  readonly onCancel: () => void;
};

/** Records what the customer answered to a sent quote, in the technician's words, and when. */
export function AnswerForm({ initialStatus, sentOn, today, onRecord, onCancel }: AnswerFormProps) {
  const { t } = useTranslation();
  const statusLabelId = useId();
  const [status, setStatus] = useState(initialStatus);
  const [text, setText] = useState('');
  const [day, setDay] = useState<string>(today);
  const [touched, setTouched] = useState({ text: false, day: false });
  const blockerId = useId();
  // Checked as the technician goes: a field says what is wrong once touched, and the button
  // stays disabled with the reason beside it until the answer can be recorded.
  const problems = {
    text: text.trim() === '' ? t('quote.actions.answerRequired') : undefined,
    day:
      !/^\d{4}-\d{2}-\d{2}$/.test(day) || day < sentOn || day > today
        ? t('quote.actions.dateInvalid')
        : undefined,
  };
  const blocker = problems.text ?? problems.day;

  async function submit(): Promise<void> {
    setTouched({ text: true, day: true });
    if (blocker !== undefined) return;
    // Today's answer keeps its time; an earlier day is recorded at midday UTC, inside that day.
    const answeredAt = day === today ? new Date().toISOString() : `${day}T12:00:00.000Z`;
    await onRecord({ status, customerAnswer: text.trim(), answeredAt });
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  return (
    <Paper withBorder p="sm" radius="sm">
      <form
        onSubmit={onSubmit}
        onKeyDown={getHotkeyHandler([['mod+Enter', () => void submit()]])}
        noValidate
      >
        <Stack gap="sm">
          <Text fw={600} id={statusLabelId}>
            {t('quote.actions.answerTitle')}
          </Text>
          <SegmentedControl
            aria-labelledby={statusLabelId}
            w="fit-content"
            value={status}
            onChange={(value) => setStatus(value === 'declined' ? 'declined' : 'approved')}
            data={[
              { value: 'approved', label: t('quote.actions.approved') },
              { value: 'declined', label: t('quote.actions.declined') },
            ]}
          />
          <Textarea
            label={t('quote.actions.answerText')}
            description={t('quote.actions.answerTextHint')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            onBlur={() => setTouched((fields) => ({ ...fields, text: true }))}
            error={touched.text ? problems.text : undefined}
            required
            autosize
            minRows={2}
            data-autofocus
          />
          <TextInput
            type="date"
            label={t('quote.actions.answerDate')}
            value={day}
            min={sentOn}
            max={today}
            onChange={(event) => {
              setDay(event.currentTarget.value);
              setTouched((fields) => ({ ...fields, day: true }));
            }}
            error={touched.day ? problems.day : undefined}
            w={200}
          />
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            {blocker === undefined ? (
              <Text size="xs" c="dimmed">
                Ctrl+Enter
              </Text>
            ) : (
              <Text size="sm" c="dimmed" id={blockerId}>
                {blocker}
              </Text>
            )}
            <Group gap="sm">
              <Button variant="default" onClick={onCancel}>
                {t('quote.actions.cancel')}
              </Button>
              <Button
                type="submit"
                disabled={blocker !== undefined}
                aria-describedby={blocker === undefined ? undefined : blockerId}
              >
                {t('quote.actions.record')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
