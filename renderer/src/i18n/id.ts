import type { Messages } from './en';

export const id: Messages = {
  app: {
    name: 'Fixline',
    tagline: 'Klaim garansi untuk pusat servis, di meja kerja dan di gudang.',
  },
  storage: {
    notPersistent:
      'Browser ini dapat menghapus data Fixline saat ruang disk hampir penuh. Ekspor cadangan secara rutin, atau gunakan aplikasi desktop yang menyimpannya dengan aman.',
  },
};
