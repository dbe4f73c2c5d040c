/** The parts catalog screen's words (namespace `parts`). */
export const partsEn = {
  title: 'Parts catalog',
  intro: 'The parts and services quotes are priced from. Every station quotes from the same list.',
  count_one: '{{count, number}} part',
  count_other: '{{count, number}} parts',
  search: 'Search parts',
  searchPlaceholder: 'SKU, name or model',
  add: 'Add a part',
  import: 'Import CSV…',
  export: 'Export CSV',
  exported: 'Exported {{count, number}} parts to {{path}}.',
  exportFailed: 'The CSV was not saved: {{reason}}',
  empty:
    'No parts yet. Add one, or import a CSV with the columns sku, name, price, currency, compatibleModels.',
  noMatch: 'No part matches “{{query}}”.',
  listLabel: 'Parts',
  columns: {
    sku: 'SKU',
    name: 'Name',
    models: 'Fits',
    price: 'Price',
    currency: 'Currency',
    actions: 'Actions',
  },
  anyModel: 'Any model',
  edit: 'Edit {{sku}}',
  delete: 'Delete {{sku}}',
  form: {
    addTitle: 'Add a part',
    editTitle: 'Edit {{sku}}',
    sku: 'SKU',
    skuHint: 'The code on the shelf and on the supplier’s invoice, e.g. KT3-BAT-01.',
    name: 'Name',
    price: 'Price',
    currency: 'Currency',
    currencyHint: 'Three capital letters, e.g. IDR or USD.',
    currencyInvalid: 'Enter a currency code of three letters, such as IDR or USD.',
    models: 'Fits these models',
    modelsHint: 'Press Enter after each. Leave empty if it fits any.',
    required: 'Fill this in.',
    skuTaken: 'Another part already has the SKU {{sku}}: choose another one or edit that part.',
    save: 'Save part',
    cancel: 'Cancel',
    saveFailed: 'The part was not saved: {{reason}}',
    shortcut: 'Ctrl+Enter saves',
  },
  deleteTitle: 'Delete {{sku}}?',
  deleteBody:
    '“{{name}}” leaves the catalog on every station. Quotes that already list it keep their lines.',
  deleteConfirm: 'Delete part',
  deleteCancel: 'Keep it',
  deleted: '{{sku}} was deleted.',
  dismiss: 'Dismiss',
  csv: {
    previewTitle: 'Import {{file}}',
    ready_one:
      '{{count, number}} row is ready to import: {{created, number}} new, {{updated, number}} updating a part with the same SKU.',
    ready_other:
      '{{count, number}} rows are ready to import: {{created, number}} new, {{updated, number}} updating a part with the same SKU.',
    noneReady: 'No row of this file can be imported. Fix the rows below and choose the file again.',
    skipped_one: '{{count, number}} row will be skipped:',
    skipped_other: '{{count, number}} rows will be skipped:',
    confirm_one: 'Import {{count, number}} part',
    confirm_other: 'Import {{count, number}} parts',
    cancel: 'Cancel',
    imported_one: 'Imported {{count, number}} part.',
    imported_other: 'Imported {{count, number}} parts.',
    importedSkipped_one: '{{count, number}} row of the file was skipped.',
    importedSkipped_other: '{{count, number}} rows of the file were skipped.',
    importing:
      'Importing… {{written, number}} of {{total, number}} parts written; they are kept when all are.',
    importFailed: 'Nothing was imported, the catalog is as it was: {{reason}}',
    storageFull:
      'Nothing was imported, the catalog is as it was: the disk is full. Free some space, then import again.',
    moreIssues_one: '…and {{count, number}} more row will be skipped.',
    moreIssues_other: '…and {{count, number}} more rows will be skipped.',
    unreadable: 'The file could not be read as text. Choose a CSV file saved as UTF-8.',
    issue: {
      emptyFile:
        'The file is empty. The first line must be the header: sku,name,price,currency,compatibleModels.',
      missingColumns:
        'The header lacks {{columns}}. The first line must be: sku,name,price,currency,compatibleModels.',
      malformed: {
        TooFewFields:
          'row {{row}}: the row has fewer cells than the header — check for a missing comma.',
        TooManyFields:
          'row {{row}}: the row has more cells than the header — check for an extra comma, or put a text with commas in quotes.',
        MissingQuotes: 'row {{row}}: a quote is opened but never closed — close it or remove it.',
        InvalidQuotes:
          'row {{row}}: a quote is in the wrong place — put the whole cell in quotes, with any quote inside it doubled.',
        UndetectableDelimiter:
          'row {{row}}: the cells are not separated by commas — save the file as CSV with commas.',
      },
      required: 'row {{row}}: {{column}} is empty — fill it in.',
      currency:
        'row {{row}}: currency "{{value}}" is not a currency code — use three letters, e.g. IDR or USD.',
      price: 'row {{row}}: price "{{value}}" {{reason}}',
      duplicateSku:
        'row {{row}}: SKU "{{value}}" is already on row {{firstRow}} — keep one of them.',
      tooLong: 'row {{row}}: {{column}} is longer than {{max}} characters — shorten it.',
      invalid: 'row {{row}}: {{column}} is not accepted as written — check it.',
    },
  },
};

export const partsId: typeof partsEn = {
  title: 'Katalog suku cadang',
  intro:
    'Suku cadang dan jasa yang menjadi dasar harga penawaran. Semua stasiun memakai daftar yang sama.',
  count_one: '{{count, number}} suku cadang',
  count_other: '{{count, number}} suku cadang',
  search: 'Cari suku cadang',
  searchPlaceholder: 'SKU, nama, atau model',
  add: 'Tambah suku cadang',
  import: 'Impor CSV…',
  export: 'Ekspor CSV',
  exported: '{{count, number}} suku cadang diekspor ke {{path}}.',
  exportFailed: 'CSV tidak tersimpan: {{reason}}',
  empty:
    'Belum ada suku cadang. Tambahkan satu, atau impor CSV dengan kolom sku, name, price, currency, compatibleModels.',
  noMatch: 'Tidak ada suku cadang yang cocok dengan “{{query}}”.',
  listLabel: 'Suku cadang',
  columns: {
    sku: 'SKU',
    name: 'Nama',
    models: 'Cocok untuk',
    price: 'Harga',
    currency: 'Mata uang',
    actions: 'Tindakan',
  },
  anyModel: 'Semua model',
  edit: 'Ubah {{sku}}',
  delete: 'Hapus {{sku}}',
  form: {
    addTitle: 'Tambah suku cadang',
    editTitle: 'Ubah {{sku}}',
    sku: 'SKU',
    skuHint: 'Kode di rak dan di faktur pemasok, mis. KT3-BAT-01.',
    name: 'Nama',
    price: 'Harga',
    currency: 'Mata uang',
    currencyHint: 'Tiga huruf kapital, mis. IDR atau USD.',
    currencyInvalid: 'Masukkan kode mata uang tiga huruf, seperti IDR atau USD.',
    models: 'Cocok untuk model ini',
    modelsHint: 'Tekan Enter setelah masing-masing. Kosongkan jika cocok untuk semua.',
    required: 'Isi kolom ini.',
    skuTaken:
      'Suku cadang lain sudah memakai SKU {{sku}}: pilih SKU lain atau ubah suku cadang itu.',
    save: 'Simpan suku cadang',
    cancel: 'Batal',
    saveFailed: 'Suku cadang tidak tersimpan: {{reason}}',
    shortcut: 'Ctrl+Enter menyimpan',
  },
  deleteTitle: 'Hapus {{sku}}?',
  deleteBody:
    '“{{name}}” dihapus dari katalog di semua stasiun. Penawaran yang sudah mencantumkannya tetap menyimpan barisnya.',
  deleteConfirm: 'Hapus suku cadang',
  deleteCancel: 'Simpan saja',
  deleted: '{{sku}} telah dihapus.',
  dismiss: 'Tutup',
  csv: {
    previewTitle: 'Impor {{file}}',
    ready_one:
      '{{count, number}} baris siap diimpor: {{created, number}} baru, {{updated, number}} memperbarui suku cadang dengan SKU yang sama.',
    ready_other:
      '{{count, number}} baris siap diimpor: {{created, number}} baru, {{updated, number}} memperbarui suku cadang dengan SKU yang sama.',
    noneReady:
      'Tidak ada baris di berkas ini yang dapat diimpor. Perbaiki baris di bawah lalu pilih berkasnya lagi.',
    skipped_one: '{{count, number}} baris akan dilewati:',
    skipped_other: '{{count, number}} baris akan dilewati:',
    confirm_one: 'Impor {{count, number}} suku cadang',
    confirm_other: 'Impor {{count, number}} suku cadang',
    cancel: 'Batal',
    imported_one: '{{count, number}} suku cadang diimpor.',
    imported_other: '{{count, number}} suku cadang diimpor.',
    importedSkipped_one: '{{count, number}} baris berkas dilewati.',
    importedSkipped_other: '{{count, number}} baris berkas dilewati.',
    importing:
      'Mengimpor… {{written, number}} dari {{total, number}} suku cadang ditulis; disimpan setelah semuanya selesai.',
    importFailed: 'Tidak ada yang diimpor, katalog tetap seperti semula: {{reason}}',
    storageFull:
      'Tidak ada yang diimpor, katalog tetap seperti semula: disk penuh. Kosongkan sebagian ruang, lalu impor lagi.',
    moreIssues_one: '…dan {{count, number}} baris lagi akan dilewati.',
    moreIssues_other: '…dan {{count, number}} baris lagi akan dilewati.',
    unreadable:
      'Berkas tidak dapat dibaca sebagai teks. Pilih berkas CSV yang disimpan sebagai UTF-8.',
    issue: {
      emptyFile:
        'Berkas kosong. Baris pertama harus berupa judul kolom: sku,name,price,currency,compatibleModels.',
      missingColumns:
        'Judul kolom tidak memuat {{columns}}. Baris pertama harus: sku,name,price,currency,compatibleModels.',
      malformed: {
        TooFewFields:
          'baris {{row}}: sel baris ini lebih sedikit dari judul kolom — periksa koma yang hilang.',
        TooManyFields:
          'baris {{row}}: sel baris ini lebih banyak dari judul kolom — periksa koma berlebih, atau beri tanda kutip pada teks yang memuat koma.',
        MissingQuotes:
          'baris {{row}}: tanda kutip dibuka tetapi tidak ditutup — tutup atau hapus tanda kutip itu.',
        InvalidQuotes:
          'baris {{row}}: tanda kutip ada di tempat yang salah — kutip seluruh sel, dan gandakan tanda kutip di dalamnya.',
        UndetectableDelimiter:
          'baris {{row}}: sel tidak dipisahkan dengan koma — simpan berkas sebagai CSV dengan koma.',
      },
      required: 'baris {{row}}: {{column}} kosong — isi kolom ini.',
      currency:
        'baris {{row}}: mata uang "{{value}}" bukan kode mata uang — gunakan tiga huruf, mis. IDR atau USD.',
      price: 'baris {{row}}: harga "{{value}}" {{reason}}',
      duplicateSku:
        'baris {{row}}: SKU "{{value}}" sudah ada di baris {{firstRow}} — pertahankan salah satunya.',
      tooLong: 'baris {{row}}: {{column}} lebih dari {{max}} karakter — persingkat.',
      invalid: 'baris {{row}}: {{column}} tidak diterima seperti yang tertulis — periksa kembali.',
    },
  },
};
