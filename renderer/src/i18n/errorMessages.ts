/**
 * The sentences of errors, chosen by code (namespace `errors`, worded by `errorText.ts`): what a
 * repository refused, what the desktop bridge answered, a file the store refused, a document that
 * could not be drawn, and a failure nobody foresaw.
 */
export const errorsEn = {
  repository: {
    invalidInput: '“{{field}}” is not accepted as entered: check it and try again.',
    invalidInputNoField: 'Something entered is not accepted: check the form and try again.',
    notFound: '“{{field}}” names a record that is not on this station, or was deleted.',
    notFoundNoField: 'This record is not on this station, or was deleted: reload the screen.',
    fixedField: '“{{field}}” cannot change once the record is saved.',
    fixedFieldNoField: 'This value cannot change once the record is saved.',
    stationNotSetUp: 'This station is not set up yet: set it up first.',
    stationAlreadySetUp: 'This station is already set up, and its station code cannot change.',
    quoteNotEditable: 'This quote was already sent, so it cannot change: make a new revision.',
    attachmentMissing: 'The file is not stored on this station: attach it again.',
    notAuthor: 'Only the author of a note may change it.',
    conflict:
      'A value that must be unique is already stored (for example an RMA number, when two stations were given the same station code). Nothing was saved.',
    notPermitted: 'Your role may not do this: switch to someone who may (header).',
    unknownPerson: 'Sign in (header) as someone who works at this station first.',
    lastManager:
      'The station would be left without an active manager: make someone else a manager first.',
    deviceNotReceived:
      'The device has not arrived at the center yet: receive it before recording the inspection (B14).',
  },
  bridge: {
    'invalid-input': 'The request was not accepted: some of what was sent does not fit.',
    'invalid-output': 'The answer to the request was not what Fixline expects.',
    'forbidden-sender': 'The request was refused: it did not come from Fixline itself.',
    'not-allowed': 'The computer does not allow this (for example a file outside the data folder).',
    'not-found': 'What was asked for is no longer there (a file, a printer or a print job).',
    'not-supported': 'This needs the Fixline desktop app: a browser cannot do it.',
    failed: 'The computer reported an error.',
  },
  attachment: {
    tooLarge:
      '{{file}} is {{size}}, over the limit of {{limit}} for an attachment: shorten the video or lower its resolution, then attach it again.',
    aFile: 'The file',
  },
  document: {
    invalid: 'The document cannot be made from this claim’s data.',
    failed: 'The document could not be drawn.',
  },
  unexpected:
    'Something went wrong that Fixline did not expect: try again, and if it happens again, give support the details below.',
  /** The technical line under a failure, for support; never the sentence itself. */
  details: 'Details (for support): {{detail}}',
  viewName: {
    empty: 'Name the view, e.g. “My overdue claims”.',
    tooLong: 'Keep the name to {{max}} characters or fewer.',
  },
};

/** The sentences of errors, in Bahasa Indonesia. */
export const errorsId: typeof errorsEn = {
  repository: {
    invalidInput: '“{{field}}” tidak diterima seperti yang dimasukkan: periksa lalu coba lagi.',
    invalidInputNoField: 'Ada isian yang tidak diterima: periksa formulir lalu coba lagi.',
    notFound: '“{{field}}” merujuk ke data yang tidak ada di stasiun ini, atau sudah dihapus.',
    notFoundNoField: 'Data ini tidak ada di stasiun ini, atau sudah dihapus: muat ulang layar.',
    fixedField: '“{{field}}” tidak dapat diubah setelah data disimpan.',
    fixedFieldNoField: 'Nilai ini tidak dapat diubah setelah data disimpan.',
    stationNotSetUp: 'Stasiun ini belum disiapkan: siapkan terlebih dahulu.',
    stationAlreadySetUp: 'Stasiun ini sudah disiapkan, dan kode stasiunnya tidak dapat diubah.',
    quoteNotEditable: 'Penawaran ini sudah dikirim sehingga tidak dapat diubah: buat revisi baru.',
    attachmentMissing: 'Berkasnya tidak tersimpan di stasiun ini: lampirkan lagi.',
    notAuthor: 'Hanya penulis catatan yang boleh mengubahnya.',
    conflict:
      'Nilai yang harus unik sudah tersimpan (misalnya nomor RMA, bila dua stasiun diberi kode stasiun yang sama). Tidak ada yang disimpan.',
    notPermitted: 'Peran Anda tidak boleh melakukan ini: ganti ke orang yang boleh (header).',
    unknownPerson: 'Masuk (header) sebagai orang yang bekerja di stasiun ini terlebih dahulu.',
    lastManager:
      'Stasiun akan kehilangan manajer aktif: jadikan orang lain manajer terlebih dahulu.',
    deviceNotReceived:
      'Perangkat belum tiba di pusat servis: terima dulu sebelum mencatat pemeriksaan (B14).',
  },
  bridge: {
    'invalid-input': 'Permintaan tidak diterima: sebagian isinya tidak sesuai.',
    'invalid-output': 'Jawaban atas permintaan ini tidak seperti yang diharapkan Fixline.',
    'forbidden-sender': 'Permintaan ditolak: tidak berasal dari Fixline sendiri.',
    'not-allowed': 'Komputer tidak mengizinkan ini (misalnya berkas di luar folder data).',
    'not-found': 'Yang diminta sudah tidak ada (berkas, printer, atau tugas cetak).',
    'not-supported': 'Ini memerlukan aplikasi desktop Fixline: peramban tidak dapat melakukannya.',
    failed: 'Komputer melaporkan kesalahan.',
  },
  attachment: {
    tooLarge:
      '{{file}} berukuran {{size}}, melebihi batas {{limit}} untuk lampiran: perpendek video atau turunkan resolusinya, lalu lampirkan lagi.',
    aFile: 'Berkas ini',
  },
  document: {
    invalid: 'Dokumen tidak dapat dibuat dari data klaim ini.',
    failed: 'Dokumen tidak dapat digambar.',
  },
  unexpected:
    'Terjadi kesalahan yang tidak terduga oleh Fixline: coba lagi, dan bila terulang, berikan rincian di bawah ini kepada bagian dukungan.',
  details: 'Rincian (untuk dukungan): {{detail}}',
  viewName: {
    empty: 'Beri nama tampilan, mis. “Klaim saya yang terlambat”.',
    tooLong: 'Nama paling banyak {{max}} karakter.',
  },
};
