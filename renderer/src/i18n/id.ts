import type { Messages } from './en';

export const id: Messages = {
  app: {
    name: 'Fixline',
    tagline: 'Klaim garansi untuk pusat servis, di meja kerja dan di gudang.',
  },
  backup: {
    title: 'Cadangan',
    explain:
      'Ekspor menyimpan semua klaim, catatan, dan lampiran stasiun ini dalam satu berkas. Pulihkan memasang berkas itu kembali di stasiun baru atau yang telah direset.',
    export: 'Ekspor cadangan…',
    restore: 'Pulihkan cadangan:',
    working: 'Sedang diproses…',
    saved: 'Cadangan disimpan di {{path}}.',
    canceled: 'Tidak ada cadangan yang disimpan.',
    tooLarge:
      'Cadangan stasiun ini berukuran {{size}} MB, melebihi batas {{limit}} MB untuk satu berkas saat ini. Salin folder data stasiun sebagai gantinya (lihat README).',
    saveFailed: 'Cadangan tidak dapat disimpan: {{reason}}',
    restored: 'Cadangan dipulihkan. Muat ulang Fixline untuk melihatnya.',
    refused: {
      'not-a-backup': 'Berkas ini bukan cadangan Fixline, atau rusak. Pilih berkas hasil ekspor.',
      'version-mismatch':
        'Cadangan ini dibuat oleh versi Fixline lain. Pulihkan dengan versi yang membuatnya.',
      'database-not-empty':
        'Stasiun ini sudah berisi data, dan pemulihan akan menimpanya. Pulihkan hanya di stasiun baru atau yang telah direset.',
      'storage-full':
        'Disk penuh: kosongkan sebagian ruang, lalu pulihkan lagi. Tidak ada yang berubah.',
    },
  },
  storage: {
    notPersistent:
      'Browser ini dapat menghapus data Fixline saat ruang disk hampir penuh. Ekspor cadangan secara rutin, atau gunakan aplikasi desktop yang menyimpannya dengan aman.',
  },
};
