import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CenterFieldPath } from '../setup/centerForm';
import { settingsFieldParameter } from '../settings/StationSettingsPanel';
import type { MissingForDocuments } from '../core';

/** The Settings field that supplies what documents lack, where the station is what lacks it. */
const settingsFieldOf: Partial<Record<MissingForDocuments, CenterFieldPath>> = {
  'center-address': 'address.lines',
  'center-phone': 'phone',
  currency: 'currency',
};

type MissingForDocumentsTextProps = { readonly missing: MissingForDocuments };

/** Why documents cannot be drawn yet, with a link straight to the Settings field to fill in. */
export function MissingForDocumentsText({ missing }: MissingForDocumentsTextProps) {
  const { t } = useTranslation();
  const field = settingsFieldOf[missing];
  return (
    <>
      {t(`documents.missing.${missing}`)}
      {field === undefined ? null : (
        <>
          {' '}
          <Anchor
            component={Link}
            to={`/settings?${new URLSearchParams({ [settingsFieldParameter]: field }).toString()}`}
            inherit
            fw={600}
          >
            {t('documents.addInSettings')}
          </Anchor>
        </>
      )}
    </>
  );
}
