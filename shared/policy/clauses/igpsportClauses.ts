import type { ClauseCatalog } from './clauseText';

/**
 * Clause texts of the `igpsport` pack (docs/policies/clause-catalog.md), quoting
 * docs/policies/igpsport.txt. The seed has its "Lingkup Garansi" block and the
 * 1X24 jam sentence only in Bahasa Indonesia and the rest only in English; each clause quotes
 * what the seed has, in its own language. The main block appears twice in the seed: quoted once.
 */
export const igpsportClauses = {
  A1: {
    rule: {
      en: 'Warranty is 1 year for defects not caused by user negligence.',
      id: 'Garansi berlaku 1 tahun untuk kerusakan yang tidak disebabkan oleh kelalaian pengguna.',
    },
    source: [
      {
        language: 'id',
        text: 'Dalam kebijakan kami, kami menyediakan 1 tahun garansi untuk kerusakan produk yang tidak disebabkan oleh kelalaian pengguna.',
      },
    ],
  },
  A2: {
    rule: {
      en: 'The warranty runs from the date on the purchase invoice ("nota pembelian").',
      id: 'Masa garansi dihitung sejak tanggal yang tertera pada nota pembelian.',
    },
    source: [{ language: 'id', text: 'Garansi berlaku sejak tanggal nota pembelian.' }],
  },
  A3: {
    rule: {
      en: 'Heart-rate-monitor straps and bike mounts: 6 months instead of 1 year.',
      id: 'Tali heart rate monitor dan bike mount (dudukan sepeda): garansi 6 bulan, bukan 1 tahun.',
    },
    source: [
      {
        language: 'id',
        text: 'Masa berlaku garansi untuk tali heart rate monitor dan bike mount adalah 6 bulan',
      },
    ],
  },
  A4: {
    rule: {
      en: 'Outside the warranty scope (expired, or caused by the user): shipping and replacement material are charged to the customer.',
      id: 'Di luar cakupan garansi (masa garansi sudah habis, atau kerusakan disebabkan oleh pengguna): ongkos kirim dan material pengganti dibebankan kepada pelanggan.',
    },
    source: [
      {
        language: 'id',
        text: 'Untuk produk di luar lingkup jaminan, maka pengiriman dan penggantian material akan dikenakan biaya.',
      },
    ],
  },
  A5: {
    rule: {
      en: 'Inside the scope and found defective: the maker repairs ("maintain") or replaces; no refund path.',
      id: 'Masih dalam cakupan garansi dan terbukti cacat: produsen melakukan perbaikan ("maintain") atau penggantian; tidak ada opsi pengembalian dana.',
    },
    source: [
      {
        language: 'en',
        text: 'iGSPORT would maintain or replace the products for you when it is identified as defective within warrnty scope .',
      },
    ],
  },
  A6: {
    rule: {
      en: 'A claim needs: product model, serial number or ID, purchase date from the invoice, and a defect description (what, how it arose, when it started).',
      id: 'Klaim wajib menyertakan: model produk, nomor seri atau ID, tanggal pembelian sesuai nota pembelian, dan deskripsi kerusakan (apa kerusakannya, bagaimana terjadinya, sejak kapan).',
    },
    source: [
      {
        language: 'en',
        text: 'To learn more details about the problem, pls help to show us the following details: a) Product model: b) Serial number (SN) or ID; c) Purchase date from the invoice: d) Defect description: what the defect is, how the defect generated, when it started.',
      },
    ],
  },
  A7: {
    rule: {
      en: 'Evidence by symptom: visible damage → photos; malfunction → video; data error → video.',
      id: 'Bukti sesuai gejala: kerusakan yang terlihat → foto; perangkat tidak berfungsi normal → video; kesalahan data → video.',
    },
    source: [
      {
        language: 'en',
        text: 'The following information is also required for problem identifying: a) Pictures for visible damages b) Videos for malfunctions c) Videos for data errors',
      },
    ],
  },
  A8: {
    rule: {
      en: 'Starting a warranty also needs: shop link, purchase ID, purchase date.',
      id: 'Untuk memulai proses garansi juga diperlukan: tautan toko, ID pembelian, dan tanggal pembelian.',
    },
    source: [
      {
        language: 'en',
        text: 'To start a warranty, pls provide the following information: a) Shop link: b) Purchase ID: c) Purchase date:',
      },
    ],
  },
  A9: {
    rule: {
      en: 'Submitted claims are answered within 24 hours ("1X24 jam").',
      id: 'Klaim yang sudah diajukan dijawab dalam waktu 24 jam ("1X24 jam").',
    },
    source: [
      {
        language: 'id',
        text: 'Silahkan mengisi formulir berikut untuk melakukan klaim garansi. Pengajuan Anda akan kami proses dalam waktu 1X24 jam',
      },
    ],
  },
  A10: {
    rule: {
      en: 'Battery replacement: sending the device to the maker is recommended; a self-repair battery can be shipped instead, with the warning that the device will no longer be as waterproof.',
      id: 'Penggantian baterai: disarankan mengirim perangkat ke produsen; sebagai gantinya, baterai untuk perbaikan sendiri dapat dikirimkan, dengan peringatan bahwa ketahanan air perangkat tidak akan lagi sebaik sebelumnya.',
    },
    source: [
      {
        language: 'en',
        text: 'We may also send you a piece of battery , if it can be assembled by yourself.',
      },
      {
        language: 'en',
        text: 'But I would like to emphasize that the product will not be as waterproof as before without professional technical tools for maintenance.',
      },
      {
        language: 'en',
        text: 'It is recommended to send the device back to China for maintenance.',
      },
    ],
  },
  A11: {
    rule: {
      en: 'Self-repair battery kit: 11 USD material + 15 USD shipping = 26 USD.',
      id: 'Kit baterai untuk perbaikan sendiri: material 11 USD + ongkos kirim 15 USD = 26 USD.',
    },
    source: [
      {
        language: 'en',
        text: 'The totol cost will be $26, if you wants to buy the battery for self-repair: 1. Actual material cost: $11 2. Shipping cost: $15',
      },
    ],
  },
} satisfies ClauseCatalog;
