import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  documentKinds,
  documentText,
  pageSizes,
  type BarcodeOperation,
  type DocumentDataByKind,
  type DocumentKind,
} from '#shared/documents';
import {
  layoutForPrinting,
  renderDocument,
  renderDocumentBatch,
  type RenderOptions,
} from '../../electron/documents/renderDocument';
import { sampleDocuments } from '../../electron/documents/sampleDocuments';
import { documentsFor, longAddress, longName, longNameDocuments } from './documentFixtures';
import {
  decodeBarcode,
  normalizeSpace,
  pdfInfo,
  pdfText,
  savePdf,
  scratchFolder,
} from './pdfTools';

const run = promisify(execFile);

let folder: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  folder = await scratchFolder('documents');
});
afterAll(async () => {
  await folder.remove();
});

async function render<Kind extends DocumentKind>(
  kind: Kind,
  data: DocumentDataByKind[Kind],
  options: RenderOptions = {},
  name = `${kind}.pdf`,
): Promise<string> {
  return savePdf(folder.path, name, await renderDocument(kind, data, options));
}

/** What each sample document must say in Bahasa Indonesia, besides the RMA number. */
const indonesianWords: Record<DocumentKind, string[]> = {
  'rma-slip': [
    'Otorisasi pengembalian barang (RMA)',
    'Kirim paling lambat 20 Mei 2026',
    'Sebelum mengirim (C14)',
    'Gunting di sini',
  ],
  'return-label': ['DARI', 'KEPADA', 'RETUR GARANSI'],
  'device-tag': ['No. seri', 'Kerusakan'],
  quote: ['Penawaran harga', 'Berlaku sampai 24 Mei 2026', 'Total yang harus dibayar'],
  'packing-slip': ['Daftar isi paket', 'Isi paket', 'Dikemas oleh'],
};

/** The identifier each document prints: the device's serial, or what the parcel holds. */
const identifiers: Record<DocumentKind, string> = {
  'rma-slip': 'KT3U-2604-018842',
  'return-label': 'Ni Putu Ayu Kartika Sari',
  'device-tag': 'KT3U-2604-018842',
  quote: 'KT3U-2604-018842',
  'packing-slip': 'KT3U-2605-020117',
};

describe('PDF rendering', () => {
  it.each(documentKinds)(
    'renders the %s at its page size with its text in Bahasa Indonesia',
    async (kind) => {
      const data = sampleDocuments()[kind];
      const path = await render(kind, data);
      const size =
        kind === 'return-label'
          ? pageSizes['label-4x6in']
          : kind === 'device-tag'
            ? pageSizes['tag-2.25x1.25in']
            : pageSizes.A4;
      const info = await pdfInfo(path);
      expect(info).toMatchObject({ width: size.width, height: size.height });
      expect(info.pages).toBe(layoutForPrinting(kind, data).pages.length);
      const text = normalizeSpace(await pdfText(path));
      expect(text).toContain('RMA-JKT1-000042');
      expect(text).toContain(identifiers[kind]);
      for (const words of indonesianWords[kind]) expect(text).toContain(words);
    },
  );

  it.each(documentKinds)(
    'draws every barcode of the %s so that a scanner reads the RMA number',
    async (kind) => {
      const data = sampleDocuments()[kind];
      const path = await render(kind, data, {}, `${kind}-barcodes.pdf`);
      const barcodes = layoutForPrinting(kind, data).pages.flatMap((page, index) =>
        page.operations
          .filter(
            (operation): operation is BarcodeOperation =>
              operation.kind === 'code128' || operation.kind === 'qr',
          )
          .map((operation) => ({ operation, page: index + 1 })),
      );
      expect(barcodes.length).toBeGreaterThan(0);
      for (const { operation, page } of barcodes) {
        const decoded = await decodeBarcode(path, page, operation, folder.path);
        const symbology = operation.kind === 'qr' ? 'QR-Code' : 'CODE-128';
        expect(decoded).toEqual([`${symbology}:RMA-JKT1-000042`]);
      }
    },
  );

  it('puts both a Code128 and a QR code of the RMA number on the slip', async () => {
    const slip = layoutForPrinting('rma-slip', sampleDocuments()['rma-slip']);
    const kinds = slip.pages.flatMap((page) => page.operations.map((operation) => operation.kind));
    expect(kinds).toContain('code128');
    expect(kinds).toContain('qr');
  });

  it('prints on Letter paper when asked', async () => {
    const path = await render(
      'rma-slip',
      sampleDocuments()['rma-slip'],
      { paper: 'Letter' },
      'slip-letter.pdf',
    );
    expect(await pdfInfo(path)).toMatchObject({ width: 612, height: 792 });
  });

  it.each([
    { paper: 'A4', language: 'en' },
    { paper: 'A4', language: 'id' },
    { paper: 'Letter', language: 'en' },
    { paper: 'Letter', language: 'id' },
  ] as const)(
    'fits the sample slip on one $paper page in $language, stub and clauses included',
    async ({ paper, language }) => {
      const path = await render(
        'rma-slip',
        sampleDocuments()['rma-slip'],
        { paper, language },
        `slip-${paper}-${language}.pdf`,
      );
      expect(await pdfInfo(path)).toMatchObject({
        pages: 1,
        width: pageSizes[paper].width,
        height: pageSizes[paper].height,
      });
      const text = normalizeSpace(await pdfText(path));
      expect(text).toContain(documentText[language].stubTitle);
      expect(text).toContain(documentText[language].whyTitle);
    },
  );

  it('prints in English for a customer who reads English', async () => {
    const samples = documentsFor({ preferredLanguage: 'en' });
    const slip = normalizeSpace(
      await pdfText(await render('rma-slip', samples['rma-slip'], {}, 'slip-en.pdf')),
    );
    expect(slip).toContain('Return authorization (RMA)');
    expect(slip).toContain('Ship by 20 May 2026');
    expect(slip).toContain(documentText.en.stubTitle);
    const quote = normalizeSpace(
      await pdfText(await render('quote', samples.quote, {}, 'quote-en.pdf')),
    );
    expect(quote).toContain('IDR 177,000');
  });

  it('embeds its own font, so accented names print the same on any machine', async () => {
    const path = await render(
      'return-label',
      documentsFor({ name: 'Zoë Łukasiewicz-Şahin' })['return-label'],
      {},
      'accents.pdf',
    );
    const { stdout } = await run('pdffonts', [path]);
    expect(stdout).toMatch(/DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(await pdfText(path)).toContain('Zoë Łukasiewicz-Şahin');
  });

  it('prints no currency amount on the packing slip', async () => {
    const text = await pdfText(
      await render('packing-slip', sampleDocuments()['packing-slip'], {}, 'packing-prices.pdf'),
    );
    expect(text).not.toMatch(/Rp|IDR|USD|US\$|\$|€/);
    expect(text).not.toMatch(/\d{1,3}([.,]\d{3})+/);
  });

  it.each(['rma-slip', 'return-label', 'packing-slip'] as const)(
    'prints a very long customer name and address in full in the %s',
    async (kind) => {
      const text = normalizeSpace(
        await pdfText(await render(kind, longNameDocuments()[kind], {}, `long-${kind}.pdf`)),
      );
      const words = [longName, ...longAddress.lines].flatMap((line) => line.split(' '));
      for (const word of words) expect(text).toContain(word);
      expect(text).not.toContain('…');
    },
  );

  it('renders a batch of return labels as one file with a label a page', async () => {
    const label = sampleDocuments()['return-label'];
    const batch = Array.from({ length: 5 }, (_, index) => ({
      ...label,
      claim: { ...label.claim, rmaNumber: `RMA-JKT1-00010${index}` },
    }));
    const path = await savePdf(
      folder.path,
      'labels.pdf',
      await renderDocumentBatch('return-label', batch),
    );
    expect(await pdfInfo(path)).toMatchObject({ pages: 5, width: 288, height: 432 });
    const text = await pdfText(path);
    for (const data of batch) expect(text).toContain(data.claim.rmaNumber);
  });

  it('rejects a document its data cannot make, with the reason', async () => {
    const quote = sampleDocuments().quote;
    await expect(
      renderDocument('quote', { ...quote, quote: { ...quote.quote, currency: 'USD' } }),
    ).rejects.toThrow('this station quotes in IDR');
  });
});
