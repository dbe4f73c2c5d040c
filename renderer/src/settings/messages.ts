/** The Settings screen's editor of the station, in English. */
export const centerSettingsEn = {
  edit: 'Edit settings',
  formLabel: 'Station settings',
  save: 'Save settings',
  cancel: 'Cancel',
  saved:
    'Settings saved. Documents and new claims use them from now on, at every station of the center once it syncs.',
  failed: 'The settings were not saved: {{reason}}',
  stationCodeFixed: 'It never changes: every RMA number this station made carries it.',
  notSet: 'Not set yet',
  sameAsCenter: 'The center’s address',
};

/** The Settings screen's editor of the station, in Bahasa Indonesia. */
export const centerSettingsId: typeof centerSettingsEn = {
  edit: 'Ubah pengaturan',
  formLabel: 'Pengaturan stasiun',
  save: 'Simpan pengaturan',
  cancel: 'Batal',
  saved:
    'Pengaturan disimpan. Dokumen dan klaim baru memakainya mulai sekarang, di setiap stasiun pusat servis setelah tersinkron.',
  failed: 'Pengaturan tidak disimpan: {{reason}}',
  stationCodeFixed: 'Tidak pernah berubah: setiap nomor RMA yang dibuat stasiun ini memuatnya.',
  notSet: 'Belum diisi',
  sameAsCenter: 'Alamat pusat servis',
};
