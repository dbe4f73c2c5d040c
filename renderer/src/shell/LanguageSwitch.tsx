import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../hooks/useStationFormat';

/** Switches the screen between English and Bahasa Indonesia at once, without a reload. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      value={language}
      onChange={(value) => void i18n.changeLanguage(value)}
      data={[
        {
          value: 'en',
          label: (
            <span lang="en" title={t('language.en')}>
              EN
            </span>
          ),
        },
        {
          value: 'id',
          label: (
            <span lang="id" title={t('language.id')}>
              ID
            </span>
          ),
        },
      ]}
    />
  );
}
