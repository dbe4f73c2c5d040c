/** The center's fields, as first-run setup and Settings both show them, in English. */
export const centerFormEn = {
  phone: 'Phone',
  phoneHint: 'Printed on slips and labels, e.g. +62 21 5890 1234.',
  email: 'Email',
  emailHint: 'Optional; printed on slips and quotes.',
  documentsNeed:
    'RMA slips, return labels and device tags print the center’s address and phone. You may leave them for later: documents wait for them and link to them in Settings.',
  address: 'Center address',
  addressLinesHint: 'Street lines, one per line, up to 4.',
  city: 'City',
  region: 'Province or state',
  postalCode: 'Postal code',
  countryCode: 'Country',
  countryCodeHint: 'ID',
  separateReturnAddress: 'Parcels go to another address',
  separateReturnAddressHint:
    'Return labels and RMA slips then send customers’ parcels there, for example to a warehouse.',
  returnAddress: 'Return address',
  rule: 'rule {{number}}',
  removeRule: 'Remove {{rule}}',
  removeRuleColumn: 'Remove',
  addRule: 'Add a rule',
  errors: {
    addressLines: 'Type the street address, one line each, up to 4 lines.',
    city: 'Type the city.',
    region: 'Type the province or state, or leave it empty.',
    postalCode: 'Type the postal code, or leave it empty.',
    countryCode: 'Use the 2-letter country code, e.g. ID or US.',
    phone: 'Type a phone number of 6 to 15 digits, e.g. +62 21 5890 1234.',
    email: 'Type an email address such as service@example.com, or leave it empty.',
    brand: 'Type the brand as written on its devices, e.g. KOSPET.',
  },
};

/** The center's fields, in Bahasa Indonesia. */
export const centerFormId: typeof centerFormEn = {
  phone: 'Telepon',
  phoneHint: 'Dicetak pada slip dan label, mis. +62 21 5890 1234.',
  email: 'Email',
  emailHint: 'Opsional; dicetak pada slip dan penawaran.',
  documentsNeed:
    'Slip RMA, label retur dan tag perangkat mencetak alamat dan telepon pusat servis. Boleh diisi nanti: dokumen menunggu keduanya dan menautkan ke kolomnya di Pengaturan.',
  address: 'Alamat pusat servis',
  addressLinesHint: 'Baris alamat jalan, satu per baris, paling banyak 4.',
  city: 'Kota',
  region: 'Provinsi atau negara bagian',
  postalCode: 'Kode pos',
  countryCode: 'Negara',
  countryCodeHint: 'ID',
  separateReturnAddress: 'Paket dikirim ke alamat lain',
  separateReturnAddressHint:
    'Label retur dan slip RMA lalu mengarahkan paket pelanggan ke sana, misalnya ke gudang.',
  returnAddress: 'Alamat retur',
  rule: 'aturan {{number}}',
  removeRule: 'Hapus {{rule}}',
  removeRuleColumn: 'Hapus',
  addRule: 'Tambah aturan',
  errors: {
    addressLines: 'Ketik alamat jalan, satu baris masing-masing, paling banyak 4 baris.',
    city: 'Ketik kotanya.',
    region: 'Ketik provinsi atau negara bagian, atau kosongkan.',
    postalCode: 'Ketik kode pos, atau kosongkan.',
    countryCode: 'Gunakan kode negara 2 huruf, mis. ID atau US.',
    phone: 'Ketik nomor telepon 6 sampai 15 digit, mis. +62 21 5890 1234.',
    email: 'Ketik alamat email seperti service@example.com, atau kosongkan.',
    brand: 'Ketik merek seperti tertulis pada perangkatnya, mis. KOSPET.',
  },
};
