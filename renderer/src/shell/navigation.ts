/** The screens of the navbar, in order, with their routes and the i18n keys of their names. */
export const screens = [
  { path: '/', labelKey: 'nav.queue', built: true },
  { path: '/intake', labelKey: 'nav.intake', built: true },
  { path: '/parts', labelKey: 'nav.parts', built: true },
  { path: '/reports', labelKey: 'nav.reports', built: true },
  { path: '/warehouse', labelKey: 'nav.warehouse', built: true },
  { path: '/settings', labelKey: 'nav.settings', built: true },
] as const;

export type ScreenLabelKey = (typeof screens)[number]['labelKey'];
