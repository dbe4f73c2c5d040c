import type { ClauseCatalog } from './clauseText';

/**
 * Clause texts of the `kospet-warranty-refund` pack (docs/policies/clause-catalog.md), quoting
 * docs/policies/kospet-warranty-refund.txt (English only).
 */
export const kospetWarrantyRefundClauses = {
  B1: {
    rule: {
      en: 'Warranty: 1 year of free repair from the day the goods were received (a product page may state another period: per-SKU override).',
      id: 'Garansi: perbaikan gratis selama 1 tahun sejak hari barang diterima (halaman produk dapat mencantumkan masa garansi lain: pengaturan khusus per SKU).',
    },
    source: [
      {
        language: 'en',
        text: 'Unless otherwise noted on the product page, the default product warranty period is one year starting from the date you receive the goods, during which you are eligible for free repair.',
      },
      {
        language: 'en',
        text: 'we promise to provide KOSPET users with a one-year quality warranty service from the date of delivery.',
      },
    ],
  },
  B2: {
    rule: {
      en: 'Dead on arrival: the item arrived damaged or not working and the customer asks for RMA authorization within 7 days after receiving it.',
      id: 'Rusak saat diterima (DOA): barang tiba dalam keadaan rusak atau tidak berfungsi, dan pelanggan meminta otorisasi RMA dalam 7 hari setelah barang diterima.',
    },
    source: [
      {
        language: 'en',
        text: 'If your item arrives damaged or is not working, please follow the warranty process and contact our Service Center for RMA authorization within 7 days of the order being received.',
      },
    ],
  },
  B3: {
    rule: {
      en: 'Before a DOA RMA is authorized the customer must send a clear photo or video of the defective product and of the shipping packaging.',
      id: 'Sebelum RMA DOA diotorisasi, pelanggan wajib mengirim foto atau video yang jelas dari produk yang cacat dan juga dari kemasan pengirimannya.',
    },
    source: [
      {
        language: 'en',
        text: 'Customers must first send a clear photo or video of the damaged or defective product and the shipping packaging before we can consider issuing RMA authorization.',
      },
    ],
  },
  B4: {
    rule: {
      en: "DOA remedy, customer's choice: a new item free of charge, or a full refund (after the item is returned).",
      id: 'Solusi DOA, sesuai pilihan pelanggan: barang baru tanpa biaya, atau pengembalian dana penuh (setelah barang dikembalikan).',
    },
    source: [
      {
        language: 'en',
        text: 'After returning the product to the address provided by our support team, we can send you a new item free of charge (we will reimburse you the return shipping cost), or you can choose to receive a full refund.',
      },
    ],
  },
  B5: {
    rule: {
      en: "DOA return shipping is reimbursed (the receipt's amount) only when the technician confirms the fault and a valid return receipt exists.",
      id: 'Ongkos kirim retur DOA diganti (sebesar nominal pada tanda terima) hanya jika teknisi mengonfirmasi kerusakannya dan ada tanda terima pengiriman retur yang sah.',
    },
    source: [
      {
        language: 'en',
        text: 'After KOSPET has received the returned product and confirmed the product is faulty, the return shipping cost will be refunded based on a valid return receipt. For example, if the return shipping fee is 30 USD, KOSPET will refund the same amount of 30 USD to the customer.',
      },
    ],
  },
  B6: {
    rule: {
      en: 'The technician finds it is not DOA: return shipping is not reimbursed.',
      id: 'Teknisi menyatakan barang bukan DOA: ongkos kirim retur tidak diganti.',
    },
    source: [
      {
        language: 'en',
        text: 'If our technical team determines the item is not DOA, KOSPET will not compensate the return shipping fee.',
      },
    ],
  },
  B7: {
    rule: {
      en: 'A reimbursement request without a valid RMA return receipt is refused.',
      id: 'Permintaan penggantian ongkos kirim tanpa tanda terima retur RMA yang sah ditolak.',
    },
    source: [
      {
        language: 'en',
        text: 'Refund requests for a return shipping fee without a valid RMA return receipt slip will not be accepted.',
      },
    ],
  },
  B8: {
    rule: {
      en: '15-day unconditional refund: within 15 days after receipt, item unopened, unused, in original packaging; the customer pays return shipping, not refunded.',
      id: 'Pengembalian dana tanpa syarat 15 hari: dalam 15 hari setelah barang diterima, barang belum dibuka, belum dipakai, dan dalam kemasan asli; ongkos kirim retur dibayar pelanggan dan tidak dikembalikan.',
    },
    source: [
      {
        language: 'en',
        text: "If for whatever reason you do not want your item within 15 days of receiving it, you may also contact us for a return and refund. Kindly note that in such cases the return shipping fee is the customer's responsibility and is non-refundable. Items MUST be returned in their original packaging, unused and unopened to qualify for a product refund.",
      },
    ],
  },
  B9: {
    rule: {
      en: 'Free repair needs confirmation via customer service; the customer pays shipping to the center, the company pays shipping back.',
      id: 'Perbaikan gratis harus dikonfirmasi melalui layanan pelanggan; pelanggan membayar ongkos kirim ke pusat servis, perusahaan membayar ongkos kirim pengembaliannya ke pelanggan.',
    },
    source: [
      {
        language: 'en',
        text: 'Any free repair needs to be confirmed with the manufacturer via Customer Service. Customers must pay the shipping fees for returning the item accordingly, while we will cover the shipping fees to send the repaired item back to the customer.',
      },
    ],
  },
  B10: {
    rule: {
      en: "Damaged or misused item: no free repair; paid repair is possible, all shipping at the customer's cost.",
      id: 'Barang rusak atau disalahgunakan: tidak ada perbaikan gratis; perbaikan berbayar dimungkinkan, seluruh ongkos kirim ditanggung pelanggan.',
    },
    source: [
      {
        language: 'en',
        text: "If the buyer has damaged/misused the item(s), it will not be eligible for free repair, however, customers can return it at their own cost and pay a fee for the repair. Return shipping fees will be the customer's responsibility in such cases.",
      },
    ],
  },
  B11: {
    rule: {
      en: 'Not covered: normal wear and tear; breakage or damage during use.',
      id: 'Tidak ditanggung garansi: keausan normal; patah atau kerusakan selama pemakaian.',
    },
    source: [
      {
        language: 'en',
        text: "Natural product degradation through wear and tear, along with breakage/damage during use, is solely the customer's responsibility and is not covered by our warranties.",
      },
    ],
  },
  B12: {
    rule: {
      en: 'Damage or misuse voids the warranty at once; the customer may buy replacement parts at component value plus shipping.',
      id: 'Kerusakan atau penyalahgunaan langsung membatalkan garansi; pelanggan dapat membeli suku cadang pengganti seharga nilai komponen ditambah ongkos kirim.',
    },
    source: [
      {
        language: 'en',
        text: "If the customer has damaged/misused the item(s), the product's warranty is immediately rendered void.",
      },
      {
        language: 'en',
        text: 'However, customers are welcome to contact us to purchase a replacement or spare parts (if applicable). We will charge the original value of the components and a shipping fee to dispatch them.',
      },
    ],
  },
  B13: {
    rule: {
      en: 'Void triggers: firmware flashed or device rooted; body opened to attempt a fix; parts modified, removed, customised or swapped; use not as intended; continued use after a fault that caused more damage.',
      id: 'Penyebab batalnya garansi: firmware di-flash atau perangkat di-root; bodi dibuka untuk mencoba memperbaiki sendiri; komponen dimodifikasi, dilepas, diubah atau ditukar; pemakaian tidak sesuai peruntukannya; perangkat tetap dipakai setelah terjadi kerusakan sehingga kerusakan bertambah parah.',
    },
    source: [
      {
        language: 'en',
        text: 'The customer voids the warranty if they: - Flash the firmware of a device or root a device - Open the body in an attempt to fix the device - Modify, remove, customize, or swap parts of the product - Use the device in a way that it is not originally intended for - Continue to use the item once a fault occurs and causes more damage',
      },
    ],
  },
  B14: {
    rule: {
      en: 'Every return needs prior authorization (RMA). Return without authorization, to a wrong address, a wrong item or an empty package, or an incomplete request: compensation may be refused.',
      id: 'Setiap retur memerlukan otorisasi terlebih dahulu (RMA). Retur tanpa otorisasi, ke alamat yang salah, barang yang salah atau paket kosong, atau permintaan yang tidak lengkap: kompensasi dapat ditolak.',
    },
    source: [
      {
        language: 'en',
        text: "All returns must first be authorized by KOSPET's Support Team before return.",
      },
      {
        language: 'en',
        text: 'For incomplete warranty requests, KOSPET reserves the right to refuse any compensation. If the customer has returned the package without prior authorization (RMA form), sends it to the wrong address, returns an incorrect item, or submits an empty package, then again KOSPET reserves the right to refuse any compensation.',
      },
    ],
  },
  B15: {
    rule: {
      en: 'Every returned item is inspected on arrival before any remedy.',
      id: 'Setiap barang retur diperiksa saat tiba sebelum solusi apa pun diberikan.',
    },
    source: [
      { language: 'en', text: 'All returns will be inspected by our technical team upon arrival.' },
    ],
  },
  B16: {
    rule: {
      en: 'An item that cannot be repaired gets an alternative solution (a manual decision, recorded with its reason).',
      id: 'Barang yang tidak dapat diperbaiki mendapat solusi alternatif (keputusan manual, dicatat beserta alasannya).',
    },
    source: [
      {
        language: 'en',
        text: 'If the returned item cannot be repaired, KOSPET will offer an alternative solution.',
      },
    ],
  },
  B17: {
    rule: {
      en: "Shipping to the center is the customer's and not refunded, except for DOA (B5).",
      id: 'Ongkos kirim ke pusat servis ditanggung pelanggan dan tidak dikembalikan, kecuali untuk DOA (B5).',
    },
    source: [
      {
        language: 'en',
        text: 'The shipping fee for returning the product will be paid by the customer and is non-refundable except for in 7 days DOA situations.',
      },
    ],
  },
  B18: {
    rule: {
      en: "Customs, duties and tariffs on the return are the customer's and are deducted from an authorized refund.",
      id: 'Biaya bea cukai, bea masuk dan tarif atas barang retur ditanggung pelanggan dan dipotong dari pengembalian dana yang telah diotorisasi.',
    },
    source: [
      {
        language: 'en',
        text: 'During the return shipping, the customer is responsible for all customs charges, duties, or tariffs during the items return to our warehouse. In these cases, we will deduct the customs fees from your authorized refund amount.',
      },
    ],
  },
  B19: {
    rule: {
      en: 'The item is sent back flat-rate; faster shipping is charged to the customer.',
      id: 'Barang dikirim kembali dengan pengiriman tarif tetap (flat rate); pengiriman yang lebih cepat dibebankan kepada pelanggan.',
    },
    source: [
      {
        language: 'en',
        text: 'KOSPET will by default resend the item to the customer via Flat Rate Shipping. If the customer wants to utilize a faster shipping method, the relevant shipping fee is applicable.',
      },
    ],
  },
  B20: {
    rule: {
      en: "Misuse: repair, accessories and shipping both ways at the customer's cost.",
      id: 'Penyalahgunaan: biaya perbaikan, aksesori, dan ongkos kirim pulang-pergi ditanggung pelanggan.',
    },
    source: [
      {
        language: 'en',
        text: 'In case of any misuse, repairs, accessories, and shipping fees, both ways, are fully the customer’s responsibility and are at their own expense.',
      },
    ],
  },
  B21: {
    rule: {
      en: 'A request includes: problem (what, when, how), full order number, product code (SKU), steps already tried, item code from the outer packaging, clear photo or video of the defect.',
      id: 'Permintaan klaim mencakup: masalah (apa, kapan, bagaimana), nomor pesanan lengkap, kode produk (SKU), langkah yang sudah dicoba, kode barang dari kemasan luar, serta foto atau video kerusakan yang jelas.',
    },
    source: [
      {
        language: 'en',
        text: 'Describe the problem with your item in detail: What happened? When? How? Please also state your full order number and product code (SKU number).',
      },
      {
        language: 'en',
        text: 'Tell us what steps you have already taken to resolve the issue.',
      },
      { language: 'en', text: 'Provide the item code indicated on the outer packaging.' },
      {
        language: 'en',
        text: 'Send a clear photo or video showing the defect(s); these should be taken under good lighting.',
      },
    ],
  },
} satisfies ClauseCatalog;
