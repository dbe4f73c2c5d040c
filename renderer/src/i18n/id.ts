import type { Messages } from './en';

export const id: Messages = {
  app: {
    name: 'Fixline',
    tagline: 'Klaim garansi untuk pusat servis, di meja kerja dan di gudang.',
  },
};
