/** The screens of the navbar, in order, with their routes and the i18n keys of their names. */
export const screens = [
  { path: '/', labelKey: 'nav.queue' },
  { path: '/intake', labelKey: 'nav.intake' },
  { path: '/warehouse', labelKey: 'nav.warehouse' },
  { path: '/parts', labelKey: 'nav.parts' },
  { path: '/reports', labelKey: 'nav.reports' },
  { path: '/settings', labelKey: 'nav.settings' },
] as const;

export type ScreenLabelKey = (typeof screens)[number]['labelKey'];
