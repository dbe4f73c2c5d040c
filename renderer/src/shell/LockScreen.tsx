import { Center, FocusTrap, Overlay, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../core';
import { personRoles, stationPeople } from '../core';
import { personWithRoles } from '../station/peopleText';
import { useStationContext } from '../station/StationContext';
import { PinForm } from './PinForm';

/**
 * Covers the station while it is locked: the person at the bench types their PIN to go on, or
 * someone else signs in instead. Nothing behind it can be reached until then.
 */
export function LockScreen({ benchPerson }: { readonly benchPerson: Person }) {
  const { t } = useTranslation();
  const { station } = useStationContext();
  const titleId = useId();
  const [personId, setPersonId] = useState(benchPerson.id);
  const people = stationPeople(station).filter((person) => personRoles(person).active);
  const person = people.find((candidate) => candidate.id === personId) ?? benchPerson;
  return (
    <Overlay fixed zIndex={1000} backgroundOpacity={1} color="var(--mantine-color-gray-1)">
      <FocusTrap active>
        <Center h="100%" role="dialog" aria-modal aria-labelledby={titleId}>
          <Paper withBorder shadow="md" p="xl" radius="md" w={440}>
            <Stack>
              <Title order={2} size="h3" id={titleId}>
                {t('people.lock.title')}
              </Title>
              <Text size="sm">{t('people.lock.intro', { name: person.name })}</Text>
              <Select
                label={t('people.lock.someoneElse')}
                description={t('people.lock.someoneElseHint')}
                allowDeselect={false}
                comboboxProps={{ zIndex: 1001 }}
                data={people.map((candidate) => ({
                  value: candidate.id,
                  label: personWithRoles(t, candidate),
                }))}
                value={person.id}
                onChange={(value) => setPersonId(value ?? benchPerson.id)}
              />
              <PinForm
                key={person.id}
                person={person}
                submitLabel={t('people.lock.unlock')}
                onSignedIn={() => undefined}
              />
            </Stack>
          </Paper>
        </Center>
      </FocusTrap>
    </Overlay>
  );
}
