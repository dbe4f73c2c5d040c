/**
 * What the page says when the app's own code could not load (namespace `start`). main.tsx reads
 * these before i18next and the rest of the translations have loaded, so they stand on their own.
 */
export const startEn = {
  codeNotLoaded:
    'Fixline could not load its code: {{reason}}. Reload the window; if this repeats, reinstall Fixline.',
};

export const startId: typeof startEn = {
  codeNotLoaded:
    'Fixline tidak dapat memuat kodenya: {{reason}}. Muat ulang jendela; bila terulang, pasang ulang Fixline.',
};
