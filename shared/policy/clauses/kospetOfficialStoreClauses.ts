import type { ClauseCatalog } from './clauseText';

/**
 * Clause texts of the `kospet-official-store` pack (docs/policies/clause-catalog.md), quoting
 * docs/policies/kospet-official-store.txt (English only).
 */
export const kospetOfficialStoreClauses = {
  C1: {
    rule: {
      en: "Applies only to purchases from the brand's official online store; other channels (Amazon, AliExpress, eBay, Walmart, offline stores, …) are referred to that seller.",
      id: 'Hanya berlaku untuk pembelian dari toko online resmi merek; pembelian dari kanal lain (Amazon, AliExpress, eBay, Walmart, toko offline, …) diarahkan ke penjual tersebut.',
    },
    source: [
      {
        language: 'en',
        text: 'The following policies only apply to users from KOSPET official online store (www.kospet.com). If you’ve purchased through other channels, such as Amazon, Aliexpress, eBay, Walmart and offline stores, etc., we recommend that you contact the customer service correspondingly to obtain faster solution.',
      },
    ],
  },
  C2: {
    rule: {
      en: 'Quality-issue return and refund: requested by the later of (maximum estimated delivery date + 7 calendar days) and (order date + 30 days).',
      id: 'Retur dan pengembalian dana karena masalah kualitas: diajukan paling lambat pada tanggal yang lebih akhir antara (batas akhir perkiraan tanggal pengiriman + 7 hari kalender) dan (tanggal pesanan + 30 hari).',
    },
    source: [
      {
        language: 'en',
        text: 'You have 30 days (from date of purchase) to request a return/refund. You need to request a return in 7 calendar days past the maximum estimated delivery date OR 30 days from the order date, whichever is later.',
      },
    ],
  },
  C3: {
    rule: {
      en: 'Quality problem within 2 years from purchase: a free replacement unit, given order number, purchase link and video or pictures showing the problem, once approved.',
      id: 'Masalah kualitas dalam 2 tahun sejak pembelian: unit pengganti gratis setelah disetujui, dengan menyertakan nomor pesanan, tautan pembelian, serta video atau foto yang menunjukkan masalahnya.',
    },
    source: [
      {
        language: 'en',
        text: 'If there is a product quality problem within 2 years from the date of purchase, please provide the following information to apply for a new one. 1) Product order number; 2) Purchase link where you bought this item; 3) Videos or pictures that can clearly show the problem of the product.',
      },
      {
        language: 'en',
        text: 'Once the replacement application is approved, we will send you a replacement unit for free.',
      },
    ],
  },
  C4: {
    rule: {
      en: 'For C3, more than 30 days after purchase the buyer pays the shipping.',
      id: 'Untuk C3, jika sudah lebih dari 30 hari sejak pembelian, ongkos kirim ditanggung pembeli.',
    },
    source: [
      {
        language: 'en',
        text: 'However, the shipping fee will be borne by the buyer if it has exceeded 30 days from the purchase date.',
      },
    ],
  },
  C5: {
    rule: {
      en: 'Return without a quality problem: allowed until the later of (order date + 30 days) and (delivery + 7 days); the buyer bears a depreciation charge (parameter `depreciationRate`, default 0.70 of the price) and shipping both ways.',
      id: 'Retur tanpa masalah kualitas: diperbolehkan hingga tanggal yang lebih akhir antara (tanggal pesanan + 30 hari) dan (tanggal barang diterima + 7 hari); pembeli menanggung biaya penyusutan (parameter `depreciationRate`, default 0.70 dari harga) dan ongkos kirim pulang-pergi.',
    },
    source: [
      {
        language: 'en',
        text: 'You have at least 7 days from delivery date to request a return and refund if you are not satisfied with the product you bought or if you have some other subjective views. An 70% depreciation charge and shipping fees for both ways will be borne by the buyer if returned without defects within 30 days from the purchase date or 7 days from delivery date, whichever is later.',
      },
    ],
  },
  C6: {
    rule: {
      en: 'Cancelling after shipment: the customer rejects the package and bears the shipping cost.',
      id: 'Pembatalan setelah barang dikirim: pelanggan menolak paket dan menanggung ongkos kirimnya.',
    },
    source: [
      {
        language: 'en',
        text: "If you purchased an item from Kospet's official website and would like to cancel the order after the product has been shipped, you need to reject the package and bear the shipping cost, please be informed.",
      },
    ],
  },
  C7: {
    rule: {
      en: "No replacement: beyond the warranty period; proof of purchase missing, forged or tampered; no defect found after testing; failure from unauthorized use or modification; transit damage without the carrier's proof; other exclusions.",
      id: 'Tidak ada penggantian: di luar masa garansi; bukti pembelian tidak ada, dipalsukan atau diubah; tidak ditemukan cacat setelah pengujian; kerusakan akibat penggunaan atau modifikasi tanpa izin; kerusakan dalam pengiriman tanpa bukti dari jasa pengiriman; pengecualian lainnya.',
    },
    source: [
      {
        language: 'en',
        text: 'Replacement Service will not be provided where: 1) Service is required beyond the warranty period. 2) Legal proof-of-purchase, receipts, or invoices are not provided or are reasonably believed to have been forged or tampered with. 3) Products sent to KOSPET for replacement are found to be free of defects after all appropriate testing has been performed. Any failure or damage to the product results from unauthorized use or modification of the product. 4) Proof of damage during transit issued by the carrier cannot be provided. 5) Other situations specified in this policy.',
      },
    ],
  },
  C8: {
    rule: {
      en: 'WORRY FREE+: within 2 years from the order, failures from accidents in normal use (misuse, abuse, modification, collision, improper storage or installation, abrasion, breakage, water or moisture, disassembly, flashed or rooted firmware, late repair) are traded in for a new unit against a price difference.',
      id: 'WORRY FREE+: dalam 2 tahun sejak pemesanan, kerusakan akibat kecelakaan dalam pemakaian normal (penyalahgunaan, pemakaian kasar, modifikasi, benturan, penyimpanan atau pemasangan yang tidak tepat, lecet/aus, patah, terkena air atau kelembapan, dibongkar, firmware di-flash atau di-root, perbaikan terlambat) dapat ditukar tambah dengan unit baru dengan membayar selisih harga.',
    },
    source: [
      {
        language: 'en',
        text: 'Within 2 years from the date of order, we offer a trade-in to fill the price difference if your product failed due to accidental causes in normal use.',
      },
      {
        language: 'en',
        text: "KOSPET's warranty is for Quality Problems (Physical damage not covered) and WORRY FREE+ is for other failures besides Quality Problems, such as: · Malfunction due to misuse, abuse, modification, or collision · Improper storage or installation · Normal abrasion · Broke, water damaged or moisture products · Disassembled products · Flash the firmware or root the device · Not repaired in time and make more malfunction",
      },
    ],
  },
  C9: {
    rule: {
      en: 'WORRY FREE+ price difference: usually 10–30 USD, set per model and failure (a quoted amount).',
      id: 'Selisih harga WORRY FREE+: biasanya 10–30 USD, ditetapkan per model dan jenis kerusakan (nominal sesuai penawaran).',
    },
    source: [
      {
        language: 'en',
        text: 'Usually, it is 10-30 USD. It Depends on the actual product model and failure issues case by case.',
      },
    ],
  },
  C10: {
    rule: {
      en: 'WORRY FREE+: at most 2 replacements within the 2 years.',
      id: 'WORRY FREE+: paling banyak 2 kali penggantian dalam masa 2 tahun.',
    },
    source: [{ language: 'en', text: 'Two years. You can replace it twice in two years.' }],
  },
  C11: {
    rule: {
      en: 'WORRY FREE+ freight: the customer pays shipping to the company; the company pays shipping of the new unit.',
      id: 'Ongkos kirim WORRY FREE+: pelanggan membayar ongkos kirim ke perusahaan; perusahaan membayar ongkos kirim unit baru.',
    },
    source: [
      {
        language: 'en',
        text: 'Back freight will be undertaken by customer and KOSPET pays the shipping freight.',
      },
    ],
  },
  C12: {
    rule: {
      en: 'WORRY FREE+ timeline: reply within 24 h; customer ships within 7 working days and reports the tracking number; price difference paid on receipt; new unit ships within 48 h; delivery usually 10–30 working days.',
      id: 'Alur waktu WORRY FREE+: balasan dalam 24 jam; pelanggan mengirim barang dalam 7 hari kerja dan melaporkan nomor resi; selisih harga dibayar setelah barang diterima; unit baru dikirim dalam 48 jam; pengiriman biasanya 10–30 hari kerja.',
    },
    source: [
      {
        language: 'en',
        text: 'After submitting the form, we will reply to you via email within 24 hours to confirm the information and the price difference you filled.',
      },
      {
        language: 'en',
        text: 'After confirming the information above, please follow our return address and return the product within 7 working days. Then be sure to notify us of your tracking number.',
      },
      {
        language: 'en',
        text: 'Usually, after we receive the returned package from the customer, we will notify you to fill the price difference, and then we will send the new product within 48 hours. The delivery time is usually 10-30 working days.',
      },
    ],
  },
  C13: {
    rule: {
      en: 'WORRY FREE+ form: model, purchase platform, purchase time, name, email.',
      id: 'Formulir WORRY FREE+: model, platform pembelian, waktu pembelian, nama, email.',
    },
    source: [
      {
        language: 'en',
        text: 'Fill out the form and tell us your information such as watch model, purchase platform, purchase time, name, email, etc.',
      },
    ],
  },
  C14: {
    rule: {
      en: 'Before shipping a device, the customer backs up data, removes the SIM card and restores factory settings.',
      id: 'Sebelum mengirim perangkat, pelanggan mencadangkan data, melepas kartu SIM, dan mengembalikan perangkat ke pengaturan pabrik.',
    },
    source: [
      {
        language: 'en',
        text: 'To protect your privacy, please backup and save your data (such as photos, contacts, call logs, etc.) In advance, remove your SIM card, and restore the watch to factory settings.',
      },
    ],
  },
} satisfies ClauseCatalog;
