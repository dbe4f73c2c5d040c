/** The station backup's words (namespace `backup`): export, restore, each refusal, reset. */
export const backupEn = {
  title: 'Backup',
  explain:
    'Export saves every claim, record and attachment of this station in one ZIP file, checked by reading it back. Restore puts such a file back on a new or reset station.',
  passphrase: 'Passphrase',
  passphraseHint:
    'At least 8 characters. The backup cannot be restored without it: keep it apart from the file.',
  repeatPassphrase: 'Repeat the passphrase',
  passphraseTooShort: 'Use at least 8 characters.',
  passphraseMismatch: 'The two passphrases differ: type the same one twice.',
  noEncryption:
    'No encryption (anyone who has the file can read customers’ names, phones and addresses)',
  export: 'Export a backup…',
  restore: 'Restore a backup:',
  restorePassphrase: 'Passphrase of this backup',
  restoreWithPassphrase: 'Restore with this passphrase',
  exporting: 'Writing the backup, then reading it back to check it…',
  restoring: 'Checking and restoring the backup…',
  saved: 'Backup saved to {{path}} and checked: {{claims}} claims, {{attachments}} attachments.',
  savedEncrypted:
    'Backup saved to {{path}}, encrypted, and checked: {{claims}} claims, {{attachments}} attachments.',
  canceled: 'No backup was saved.',
  exportFailed: 'The backup was not saved: {{reason}}',
  restored: 'Backup restored: {{claims}} claims, {{attachments}} attachments.',
  restoredLegacy:
    'Backup restored: {{claims}} claims, {{attachments}} attachments (an older backup, brought up to date).',
  restoreFailed: 'The backup was not restored: {{reason}}',
  refused: {
    'not-a-backup':
      'This file is not a Fixline backup. Choose the .zip file an export made (or an older .json one).',
    damaged:
      'This backup is damaged or cut short ({{entry}} cannot be read). Nothing was changed: use another copy of it.',
    'newer-version': 'This backup was made by a newer Fixline. Update Fixline, then restore it.',
    'count-mismatch':
      'This backup is incomplete: its {{table}} holds {{found}} rows where its manifest says {{expected}}. Nothing was changed: use another copy of it.',
    'checksum-mismatch':
      'The records in this backup were changed after it was made (their checksum differs). Nothing was changed: use another copy of it.',
    'invalid-row':
      'Row {{row}} of {{table}} is not valid ({{field}}: {{problem}}). Nothing was restored: use another copy of the backup.',
    'attachment-mismatch':
      'A photo or video in this backup is missing or changed ({{entry}}). Nothing was changed: use another copy of it.',
    'passphrase-needed': 'This backup is encrypted: type its passphrase below.',
    'wrong-passphrase':
      'This passphrase does not open the backup. Check it (capitals count) and try again. Nothing was changed.',
    'database-not-empty':
      'This station already holds data, and a restore would overwrite it. Restore only on a new or reset station.',
    'storage-full': 'The disk is full: free some space, then restore again. Nothing was changed.',
  },
  tables: {
    settings: 'settings',
    sequences: 'RMA number counters',
    outbox: 'changes waiting to sync',
    customers: 'customers',
    devices: 'devices',
    claims: 'claims',
    evidence: 'evidence',
    inspections: 'inspections',
    misuseFindings: 'misuse findings',
    quotes: 'quotes',
    quoteLines: 'quote lines',
    shipmentLegs: 'shipments',
    notes: 'notes',
    auditEvents: 'timeline',
    partsCatalog: 'parts catalog',
    attachments: 'attachments',
    drafts: 'unsaved drafts',
  },
  reset: {
    title: 'Reset this station',
    explain:
      'Deletes every claim, record, attachment and setting of this station, so that it can be set up again or restored from a backup. Export a backup first.',
    open: 'Reset this station…',
    warning:
      'This deletes every claim, record, attachment and setting of this station. Export a backup first:',
    confirmLabel: 'Type the station code {{code}} to confirm',
    confirm: 'Delete everything and reset',
    cancel: 'Cancel',
    done: 'The station was reset. Set it up again, or restore a backup.',
    failed: 'The station was not reset: {{reason}}',
  },
};

export const backupId: typeof backupEn = {
  title: 'Cadangan',
  explain:
    'Ekspor menyimpan semua klaim, catatan, dan lampiran stasiun ini dalam satu berkas ZIP, yang diperiksa dengan membacanya kembali. Pulihkan memasang berkas itu kembali di stasiun baru atau yang telah direset.',
  passphrase: 'Frasa sandi',
  passphraseHint:
    'Minimal 8 karakter. Cadangan tidak dapat dipulihkan tanpanya: simpan terpisah dari berkasnya.',
  repeatPassphrase: 'Ulangi frasa sandi',
  passphraseTooShort: 'Gunakan minimal 8 karakter.',
  passphraseMismatch: 'Kedua frasa sandi berbeda: ketik frasa yang sama dua kali.',
  noEncryption:
    'Tanpa enkripsi (siapa pun yang memegang berkas dapat membaca nama, telepon, dan alamat pelanggan)',
  export: 'Ekspor cadangan…',
  restore: 'Pulihkan cadangan:',
  restorePassphrase: 'Frasa sandi cadangan ini',
  restoreWithPassphrase: 'Pulihkan dengan frasa sandi ini',
  exporting: 'Menulis cadangan, lalu membacanya kembali untuk memeriksanya…',
  restoring: 'Memeriksa dan memulihkan cadangan…',
  saved:
    'Cadangan disimpan di {{path}} dan sudah diperiksa: {{claims}} klaim, {{attachments}} lampiran.',
  savedEncrypted:
    'Cadangan disimpan di {{path}}, terenkripsi, dan sudah diperiksa: {{claims}} klaim, {{attachments}} lampiran.',
  canceled: 'Tidak ada cadangan yang disimpan.',
  exportFailed: 'Cadangan tidak disimpan: {{reason}}',
  restored: 'Cadangan dipulihkan: {{claims}} klaim, {{attachments}} lampiran.',
  restoredLegacy:
    'Cadangan dipulihkan: {{claims}} klaim, {{attachments}} lampiran (cadangan lama, sudah diperbarui).',
  restoreFailed: 'Cadangan tidak dipulihkan: {{reason}}',
  refused: {
    'not-a-backup':
      'Berkas ini bukan cadangan Fixline. Pilih berkas .zip hasil ekspor (atau berkas .json yang lebih lama).',
    damaged:
      'Cadangan ini rusak atau terpotong ({{entry}} tidak dapat dibaca). Tidak ada yang berubah: gunakan salinan lain.',
    'newer-version':
      'Cadangan ini dibuat oleh Fixline yang lebih baru. Perbarui Fixline, lalu pulihkan.',
    'count-mismatch':
      'Cadangan ini tidak lengkap: {{table}} berisi {{found}} baris, padahal manifesnya menyebut {{expected}}. Tidak ada yang berubah: gunakan salinan lain.',
    'checksum-mismatch':
      'Catatan dalam cadangan ini diubah setelah dibuat (checksum-nya berbeda). Tidak ada yang berubah: gunakan salinan lain.',
    'invalid-row':
      'Baris {{row}} dari {{table}} tidak valid ({{field}}: {{problem}}). Tidak ada yang dipulihkan: gunakan salinan cadangan lain.',
    'attachment-mismatch':
      'Sebuah foto atau video dalam cadangan ini hilang atau berubah ({{entry}}). Tidak ada yang berubah: gunakan salinan lain.',
    'passphrase-needed': 'Cadangan ini terenkripsi: ketik frasa sandinya di bawah.',
    'wrong-passphrase':
      'Frasa sandi ini tidak membuka cadangan. Periksa kembali (huruf besar berpengaruh) dan coba lagi. Tidak ada yang berubah.',
    'database-not-empty':
      'Stasiun ini sudah berisi data, dan pemulihan akan menimpanya. Pulihkan hanya di stasiun baru atau yang telah direset.',
    'storage-full':
      'Disk penuh: kosongkan sebagian ruang, lalu pulihkan lagi. Tidak ada yang berubah.',
  },
  tables: {
    settings: 'pengaturan',
    sequences: 'penghitung nomor RMA',
    outbox: 'perubahan yang menunggu sinkronisasi',
    customers: 'pelanggan',
    devices: 'perangkat',
    claims: 'klaim',
    evidence: 'bukti',
    inspections: 'inspeksi',
    misuseFindings: 'temuan penyalahgunaan',
    quotes: 'penawaran',
    quoteLines: 'baris penawaran',
    shipmentLegs: 'pengiriman',
    notes: 'catatan',
    auditEvents: 'riwayat',
    partsCatalog: 'katalog suku cadang',
    attachments: 'lampiran',
    drafts: 'draf yang belum disimpan',
  },
  reset: {
    title: 'Reset stasiun ini',
    explain:
      'Menghapus semua klaim, catatan, lampiran, dan pengaturan stasiun ini, agar dapat disiapkan ulang atau dipulihkan dari cadangan. Ekspor cadangan terlebih dahulu.',
    open: 'Reset stasiun ini…',
    warning:
      'Ini menghapus semua klaim, catatan, lampiran, dan pengaturan stasiun ini. Ekspor cadangan terlebih dahulu:',
    confirmLabel: 'Ketik kode stasiun {{code}} untuk mengonfirmasi',
    confirm: 'Hapus semuanya dan reset',
    cancel: 'Batal',
    done: 'Stasiun telah direset. Siapkan ulang, atau pulihkan cadangan.',
    failed: 'Stasiun tidak direset: {{reason}}',
  },
};
