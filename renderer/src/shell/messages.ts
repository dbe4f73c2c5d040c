/** What a screen that failed to draw says instead (namespace `routeError`). */
export const routeErrorEn = {
  title: 'This screen could not be shown',
  explain:
    'Something on it failed. Nothing saved was lost, and the other screens still work. If it happens again, give support the details below.',
  back: 'Go back',
  queue: 'Open the queue',
};

export const routeErrorId: typeof routeErrorEn = {
  title: 'Layar ini tidak dapat ditampilkan',
  explain:
    'Ada yang gagal di layar ini. Tidak ada data tersimpan yang hilang, dan layar lain tetap berfungsi. Bila terulang, berikan rincian di bawah ini kepada bagian dukungan.',
  back: 'Kembali',
  queue: 'Buka antrean',
};
