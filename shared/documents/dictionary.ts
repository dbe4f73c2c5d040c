import type { QuoteLineKind } from '../domain/quote';
import type { Language, Remedy, ShippingPayer } from '../domain/vocabulary';
import type { Charge } from '../policy/decision';
import type { InstructionKind } from '../policy/pack';
import type { QuoteLineWords } from './quoteLineText';

/**
 * Every word the printed documents show, in each language Fixline speaks. The type lists each
 * string once, so a language that lacks one fails to compile rather than printing a key.
 * Values written by people (names, addresses, the customer's account of the fault, the quote
 * lines they wrote) are printed as they were written and are not here.
 */
export type DocumentText = {
  readonly pageOf: (page: number, pages: number) => string;
  readonly rmaNumber: string;
  readonly customer: string;
  readonly device: string;
  readonly model: string;
  readonly serial: string;
  readonly serialShort: string;
  readonly imei: string;
  readonly sku: string;
  readonly phone: string;
  readonly email: string;
  readonly orderNumber: string;
  readonly reportedFault: string;
  readonly issuedOn: (date: string) => string;
  readonly authorizedOn: (date: string) => string;
  readonly notYetAuthorized: string;
  readonly shipAfterAuthorization: string;
  readonly shipAfterAuthorizationNote: string;

  readonly rmaSlipTitle: string;
  readonly rmaSlipIntro: string;
  readonly rmaSlipIntroPending: string;
  readonly sendTo: string;
  readonly shipBy: (date: string) => string;
  readonly shipByNote: string;
  readonly authorizedTitle: string;
  readonly optionsTitle: string;
  readonly remedies: Readonly<Record<Remedy, string>>;
  readonly shippingToCenter: string;
  readonly shippingToCustomer: string;
  readonly payers: Readonly<Record<ShippingPayer, string>>;
  readonly nothingShipped: string;
  readonly pendingInspection: string;
  readonly manualDecision: string;
  readonly chargesTitle: string;
  readonly charges: Readonly<Record<Charge['kind'], string>>;
  readonly chargeSetPerCase: string;
  readonly chargeRange: (minimum: string, maximum: string) => string;
  readonly deductedFromRefund: string;
  readonly whyTitle: string;
  readonly beforeShippingTitle: string;
  readonly backUpData: string;
  readonly removeSim: string;
  readonly factoryReset: string;
  readonly slipInParcel: string;
  readonly rmaOnParcel: string;
  readonly instructions: Readonly<Record<InstructionKind, string>>;
  readonly cutHere: string;
  readonly stubTitle: string;
  readonly stubExplanation: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly amountPaid: string;
  readonly dateShipped: string;
  readonly attachReceipt: string;

  readonly from: string;
  readonly to: string;
  readonly reference: string;
  readonly labelHandling: string;

  readonly fault: string;
  readonly noFaultDescribed: string;

  readonly quoteTitle: string;
  readonly revision: (revision: number) => string;
  readonly validUntil: (date: string) => string;
  readonly description: string;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly amount: string;
  readonly clauses: string;
  readonly lineKinds: Readonly<Record<QuoteLineKind, string>>;
  /** The words of the lines Fixline generates, said to the customer. */
  readonly quoteLineWords: QuoteLineWords;
  readonly subtotal: string;
  readonly deductions: string;
  readonly totalToPay: string;
  readonly totalToReceive: string;
  readonly quoteClausesTitle: string;
  readonly quoteAcceptance: string;

  readonly packingSlipTitle: string;
  readonly shipTo: string;
  readonly contents: string;
  readonly item: string;
  readonly identifier: string;
  readonly service: (remedy: string) => string;
  readonly packedBy: string;
  readonly receivedBy: string;
};

/** The policy's charges by name: on a slip's options and as the lines of a quote. */
const englishCharges: DocumentText['charges'] = {
  'battery-kit': 'Battery kit',
  depreciation: 'Depreciation',
  'price-difference': 'Price difference',
  'customs-deduction': 'Customs deduction',
  'component-value': 'Component value',
};

const english: DocumentText = {
  pageOf: (page, pages) => `Page ${page} of ${pages}`,
  rmaNumber: 'RMA number',
  customer: 'Customer',
  device: 'Device',
  model: 'Model',
  serial: 'Serial number',
  serialShort: 'S/N',
  imei: 'IMEI',
  sku: 'SKU',
  phone: 'Phone',
  email: 'Email',
  orderNumber: 'Order number',
  reportedFault: 'Reported fault',
  issuedOn: (date) => `Issued ${date}`,
  authorizedOn: (date) => `Authorized ${date}`,
  notYetAuthorized: 'Not yet authorized',
  shipAfterAuthorization: 'Do not ship yet',
  shipAfterAuthorizationNote:
    'This return is not authorized yet. Wait for our authorization; it sets the date to ship by.',

  rmaSlipTitle: 'Return authorization (RMA)',
  rmaSlipIntro:
    'Your return is authorized. Print this slip and put it in the parcel with the device.',
  rmaSlipIntroPending:
    'Your return is not authorized yet. Keep this slip: once we authorize it, put the slip in the parcel with the device.',
  sendTo: 'Send the device to',
  shipBy: (date) => `Ship by ${date}`,
  shipByNote: 'After this date the authorization expires and you must ask for a new one.',
  authorizedTitle: 'What we authorized',
  optionsTitle: 'Options open to you',
  remedies: {
    'refer-to-seller': 'Referred to the seller',
    'doa-replacement': 'Replacement: dead on arrival',
    'doa-refund': 'Refund: dead on arrival',
    'unconditional-refund': 'Unconditional refund',
    'quality-return-refund': 'Return and refund for a quality problem',
    'warranty-repair': 'Repair under warranty',
    'warranty-replacement': 'Replacement under warranty',
    'worry-free-trade-in': 'WORRY FREE+ replacement',
    'depreciated-return': 'Return with a depreciation charge',
    'paid-repair': 'Paid repair',
    'spare-parts-sale': 'Spare parts purchase',
  },
  shippingToCenter: 'Shipping to us',
  shippingToCustomer: 'Shipping back to you',
  payers: { customer: 'paid by you', company: 'paid by us' },
  nothingShipped: 'none',
  pendingInspection: 'Final once we have inspected the device.',
  manualDecision: 'A staff member decides the outcome and records the reason.',
  chargesTitle: 'Charges',
  charges: englishCharges,
  chargeSetPerCase: 'amount set case by case',
  chargeRange: (minimum, maximum) => `${minimum} to ${maximum}`,
  deductedFromRefund: 'taken off the refund',
  whyTitle: 'Why: the policy clauses',
  beforeShippingTitle: 'Before you ship',
  backUpData: 'Back up your data',
  removeSim: 'Remove the SIM card',
  factoryReset: 'Restore factory settings',
  slipInParcel: 'Put this slip in the parcel',
  rmaOnParcel: 'Write the RMA number on the outside of the parcel',
  instructions: {
    'authorize-before-return':
      'Send the device only with this authorization: a parcel without an RMA number may be refused.',
    'prepare-device': 'Back up your data, remove the SIM card and restore factory settings.',
    'inspect-before-remedy': 'We inspect every returned device before the remedy is final.',
    'flat-rate-return': 'We ship back at a flat rate; faster delivery is charged.',
    'battery-send-in-recommended':
      'For a battery problem, sending the device to us is safer than repairing it yourself.',
    'cancel-by-refusing-delivery':
      'To cancel before delivery, refuse the parcel; you bear the shipping cost.',
  },
  cutHere: 'Cut here',
  stubTitle: 'Return shipping receipt',
  stubExplanation:
    'Attach the carrier’s receipt here and put this part in the parcel: we reimburse return shipping only against this receipt.',
  carrier: 'Carrier',
  trackingNumber: 'Tracking number',
  amountPaid: 'Amount paid',
  dateShipped: 'Date shipped',
  attachReceipt: 'Attach the carrier’s receipt here',

  from: 'From',
  to: 'To',
  reference: 'Ref.',
  labelHandling: 'Warranty return: handle with care',

  fault: 'Fault',
  noFaultDescribed: 'No fault described',

  quoteTitle: 'Quote',
  revision: (revision) => `Revision ${revision}`,
  validUntil: (date) => `Valid until ${date}`,
  description: 'Description',
  quantity: 'Qty',
  unitPrice: 'Unit price',
  amount: 'Amount',
  clauses: 'Clauses',
  lineKinds: {
    part: 'Part',
    labour: 'Labour',
    'shipping-inbound': 'Shipping to us',
    'shipping-outbound': 'Shipping to you',
    fee: 'Fee',
    refund: 'Refund',
    depreciation: 'Depreciation',
    'customs-deduction': 'Customs deduction',
  },
  quoteLineWords: {
    shippingInbound: 'Shipping to us',
    shippingOutbound: 'Shipping back to you',
    labour: 'Labour',
    labourHourly: (description, hours, rate) => `${description} (${hours} h × ${rate})`,
    charges: englishCharges,
    refund: 'Refund of the purchase price',
    converted: (source, rate, from, to) => `${source} at ${rate} ${to} per ${from}`,
  },
  subtotal: 'Subtotal',
  deductions: 'Deductions',
  totalToPay: 'Total to pay',
  totalToReceive: 'Total refunded to you',
  quoteClausesTitle: 'The clauses behind these lines',
  quoteAcceptance:
    'To accept this quote, reply before it expires and give the RMA number. Work starts once you accept.',

  packingSlipTitle: 'Packing slip',
  shipTo: 'Ship to',
  contents: 'Contents',
  item: 'Item',
  identifier: 'Serial / IMEI',
  service: (remedy) => `Service: ${remedy}`,
  packedBy: 'Packed by',
  receivedBy: 'Received in good condition (signature)',
};

const indonesianCharges: DocumentText['charges'] = {
  'battery-kit': 'Paket baterai',
  depreciation: 'Penyusutan',
  'price-difference': 'Selisih harga',
  'customs-deduction': 'Potongan bea cukai',
  'component-value': 'Nilai komponen',
};

const indonesian: DocumentText = {
  pageOf: (page, pages) => `Halaman ${page} dari ${pages}`,
  rmaNumber: 'Nomor RMA',
  customer: 'Pelanggan',
  device: 'Perangkat',
  model: 'Model',
  serial: 'Nomor seri',
  serialShort: 'No. seri',
  imei: 'IMEI',
  sku: 'SKU',
  phone: 'Telepon',
  email: 'Email',
  orderNumber: 'Nomor pesanan',
  reportedFault: 'Kerusakan yang dilaporkan',
  issuedOn: (date) => `Diterbitkan ${date}`,
  authorizedOn: (date) => `Disetujui ${date}`,
  notYetAuthorized: 'Belum disetujui',
  shipAfterAuthorization: 'Jangan kirim dulu',
  shipAfterAuthorizationNote:
    'Pengembalian ini belum disetujui. Tunggu persetujuan kami; persetujuan itu menetapkan batas tanggal pengiriman.',

  rmaSlipTitle: 'Otorisasi pengembalian barang (RMA)',
  rmaSlipIntro:
    'Pengembalian Anda telah disetujui. Cetak slip ini dan masukkan ke dalam paket bersama perangkat.',
  rmaSlipIntroPending:
    'Pengembalian Anda belum disetujui. Simpan slip ini: setelah kami menyetujuinya, masukkan slip ke dalam paket bersama perangkat.',
  sendTo: 'Kirim perangkat ke',
  shipBy: (date) => `Kirim paling lambat ${date}`,
  shipByNote: 'Setelah tanggal ini otorisasi berakhir dan Anda harus meminta otorisasi baru.',
  authorizedTitle: 'Yang kami setujui',
  optionsTitle: 'Pilihan yang tersedia untuk Anda',
  remedies: {
    'refer-to-seller': 'Dirujuk ke penjual',
    'doa-replacement': 'Penggantian: rusak saat diterima (DOA)',
    'doa-refund': 'Pengembalian dana: rusak saat diterima (DOA)',
    'unconditional-refund': 'Pengembalian dana tanpa syarat',
    'quality-return-refund': 'Retur dan pengembalian dana karena masalah kualitas',
    'warranty-repair': 'Perbaikan dalam garansi',
    'warranty-replacement': 'Penggantian dalam garansi',
    'worry-free-trade-in': 'Penggantian WORRY FREE+',
    'depreciated-return': 'Retur dengan potongan penyusutan',
    'paid-repair': 'Perbaikan berbayar',
    'spare-parts-sale': 'Pembelian suku cadang',
  },
  shippingToCenter: 'Ongkos kirim ke kami',
  shippingToCustomer: 'Ongkos kirim kembali ke Anda',
  payers: { customer: 'dibayar oleh Anda', company: 'dibayar oleh kami' },
  nothingShipped: 'tidak ada',
  pendingInspection: 'Bersifat final setelah perangkat kami periksa.',
  manualDecision: 'Petugas kami memutuskan hasilnya dan mencatat alasannya.',
  chargesTitle: 'Biaya',
  charges: indonesianCharges,
  chargeSetPerCase: 'jumlah ditentukan per kasus',
  chargeRange: (minimum, maximum) => `${minimum} sampai ${maximum}`,
  deductedFromRefund: 'dipotong dari pengembalian dana',
  whyTitle: 'Alasan: klausul kebijakan',
  beforeShippingTitle: 'Sebelum mengirim',
  backUpData: 'Cadangkan data Anda',
  removeSim: 'Lepaskan kartu SIM',
  factoryReset: 'Kembalikan ke pengaturan pabrik',
  slipInParcel: 'Masukkan slip ini ke dalam paket',
  rmaOnParcel: 'Tulis nomor RMA di bagian luar paket',
  instructions: {
    'authorize-before-return':
      'Kirim perangkat hanya dengan otorisasi ini: paket tanpa nomor RMA dapat ditolak.',
    'prepare-device':
      'Cadangkan data Anda, lepaskan kartu SIM, dan kembalikan ke pengaturan pabrik.',
    'inspect-before-remedy':
      'Setiap perangkat yang dikembalikan kami periksa sebelum solusinya ditetapkan.',
    'flat-rate-return':
      'Kami mengirim kembali dengan tarif tetap; pengiriman lebih cepat dikenai biaya.',
    'battery-send-in-recommended':
      'Untuk masalah baterai, mengirim perangkat ke kami lebih aman daripada memperbaikinya sendiri.',
    'cancel-by-refusing-delivery':
      'Untuk membatalkan sebelum barang diterima, tolak paketnya; ongkos kirim ditanggung Anda.',
  },
  cutHere: 'Gunting di sini',
  stubTitle: 'Tanda terima ongkos kirim retur',
  stubExplanation:
    'Tempelkan tanda terima dari jasa kirim di sini dan masukkan bagian ini ke dalam paket: ongkos kirim retur hanya kami ganti berdasarkan tanda terima ini.',
  carrier: 'Jasa kirim',
  trackingNumber: 'Nomor resi',
  amountPaid: 'Biaya yang dibayar',
  dateShipped: 'Tanggal kirim',
  attachReceipt: 'Tempel tanda terima pengiriman di sini',

  from: 'Dari',
  to: 'Kepada',
  reference: 'Ref.',
  labelHandling: 'Retur garansi: tangani dengan hati-hati',

  fault: 'Kerusakan',
  noFaultDescribed: 'Kerusakan tidak dijelaskan',

  quoteTitle: 'Penawaran harga',
  revision: (revision) => `Revisi ${revision}`,
  validUntil: (date) => `Berlaku sampai ${date}`,
  description: 'Uraian',
  quantity: 'Jml',
  unitPrice: 'Harga satuan',
  amount: 'Jumlah',
  clauses: 'Klausul',
  lineKinds: {
    part: 'Suku cadang',
    labour: 'Jasa',
    'shipping-inbound': 'Ongkos kirim ke kami',
    'shipping-outbound': 'Ongkos kirim ke Anda',
    fee: 'Biaya',
    refund: 'Pengembalian dana',
    depreciation: 'Penyusutan',
    'customs-deduction': 'Potongan bea cukai',
  },
  quoteLineWords: {
    shippingInbound: 'Ongkos kirim ke kami',
    shippingOutbound: 'Ongkos kirim kembali ke Anda',
    labour: 'Jasa servis',
    labourHourly: (description, hours, rate) => `${description} (${hours} jam × ${rate})`,
    charges: indonesianCharges,
    refund: 'Pengembalian harga pembelian',
    converted: (source, rate, from, to) => `${source} dengan kurs ${rate} ${to} per ${from}`,
  },
  subtotal: 'Subtotal',
  deductions: 'Potongan',
  totalToPay: 'Total yang harus dibayar',
  totalToReceive: 'Total yang dikembalikan kepada Anda',
  quoteClausesTitle: 'Klausul yang mendasari baris-baris ini',
  quoteAcceptance:
    'Untuk menyetujui penawaran ini, balas sebelum masa berlakunya habis dan sebutkan nomor RMA. Pekerjaan dimulai setelah Anda setuju.',

  packingSlipTitle: 'Daftar isi paket',
  shipTo: 'Kirim ke',
  contents: 'Isi paket',
  item: 'Barang',
  identifier: 'No. seri / IMEI',
  service: (remedy) => `Layanan: ${remedy}`,
  packedBy: 'Dikemas oleh',
  receivedBy: 'Diterima dalam keadaan baik (tanda tangan)',
};

/** The words of the printed documents, by language. */
export const documentText: Readonly<Record<Language, DocumentText>> = {
  en: english,
  id: indonesian,
};
