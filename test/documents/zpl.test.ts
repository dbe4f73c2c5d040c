import { createServer, type Server, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { sampleDocuments } from '../../electron/documents/sampleDocuments';
import {
  deviceTagZpl,
  escapeFieldData,
  returnLabelZpl,
  sendZpl,
} from '../../electron/printing/zpl';
import { documentsFor } from './documentFixtures';

/** A label printer stand-in on 127.0.0.1 at an ephemeral port. */
async function listen(
  onConnection: (socket: Socket) => void,
): Promise<{ server: Server; port: number }> {
  const server = createServer(onConnection);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no port');
  return { server, port: address.port };
}

async function close(server: Server, sockets: Iterable<Socket> = []): Promise<void> {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

describe('ZPL', () => {
  it('describes the 4 × 6 in return label at 203 dpi with its RMA number as Code128', () => {
    const zpl = returnLabelZpl(sampleDocuments()['return-label']);
    expect(zpl.startsWith('^XA\n^CI28\n^PW812\n^LL1218\n')).toBe(true);
    expect(zpl.trimEnd().endsWith('^XZ')).toBe(true);
    expect(zpl).toMatch(/\^BY\d+,3,\d+\^BCN,\d+,N,N,N,A\^FH\^FDRMA-JKT1-000042\^FS/);
    expect(zpl).toContain('^FDNi Putu Ayu Kartika Sari^FS');
    expect(zpl).toContain('^FDServis Gadget Nusantara^FS');
    // The handling note is printed white on the black band.
    expect(zpl).toMatch(/\^FR\^FH\^FDRETUR GARANSI/);
  });

  it('describes the device tag with its barcode, serial and model', () => {
    const zpl = deviceTagZpl(sampleDocuments()['device-tag']);
    expect(zpl).toContain('^PW457\n^LL254');
    expect(zpl).toContain('^FDRMA-JKT1-000042^FS');
    expect(zpl).toContain('^FDNo. seri KT3U-2604-018842^FS');
    expect(zpl).toContain('^FDKOSPET TANK T3 Ultra^FS');
  });

  it.each([
    ['return label', returnLabelZpl(sampleDocuments()['return-label']), 812, 1218],
    ['device tag', deviceTagZpl(sampleDocuments()['device-tag']), 457, 254],
  ])(
    'places every field and box of the %s inside the label',
    (_name, zpl, widthDots, heightDots) => {
      const fields = [...zpl.matchAll(/\^FO(\d+),(\d+)(?:\^GB(\d+),(\d+))?/g)];
      expect(fields.length).toBeGreaterThan(5);
      for (const [, x = '0', y = '0', width = '0', height = '0'] of fields) {
        expect(Number(x) + Number(width)).toBeLessThanOrEqual(widthDots);
        expect(Number(y) + Number(height)).toBeLessThanOrEqual(heightDots);
      }
    },
  );

  it('keeps field data from being read as commands', () => {
    expect(escapeFieldData('A^B~C_D')).toBe('A_5EB_7EC_5FD');
    const zpl = returnLabelZpl(documentsFor({ name: 'Toko ^XZ~JA_1' })['return-label']);
    expect(zpl).toContain('^FDToko _5EXZ_7EJA_5F1^FS');
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
  });

  it('sends the label to a printer on port 9100-style raw TCP and the printer gets every byte', async () => {
    const zpl = returnLabelZpl(sampleDocuments()['return-label']);
    let received = Buffer.alloc(0);
    let onEnd: () => void = () => undefined;
    const gotAll = new Promise<void>((resolve) => (onEnd = resolve));
    const printer = await listen((socket) => {
      socket.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])));
      socket.on('end', () => {
        socket.end();
        onEnd();
      });
    });
    try {
      const result = await sendZpl('127.0.0.1', printer.port, zpl, 5_000);
      await gotAll;
      expect(result).toEqual({ ok: true, value: { bytesSent: Buffer.byteLength(zpl) } });
      expect(received.toString('utf8')).toBe(zpl);
    } finally {
      await close(printer.server);
    }
  });

  it('says so when the printer refuses the connection', async () => {
    const { server, port } = await listen(() => undefined);
    await close(server);
    const result = await sendZpl('127.0.0.1', port, '^XA^XZ', 2_000);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('refused');
      expect(result.error.message).toContain(`127.0.0.1:${port} refused the connection`);
    }
  });

  it('gives up after the timeout when the printer stops taking data', async () => {
    const sockets: Socket[] = [];
    const { server, port } = await listen((socket) => {
      // A jammed printer: it accepts the connection and never reads.
      socket.pause();
      sockets.push(socket);
    });
    try {
      const started = performance.now();
      const oversized = '^XA^FX'.padEnd(48 * 1024 * 1024, '.') + '^XZ';
      const result = await sendZpl('127.0.0.1', port, oversized, 400);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('timeout');
        expect(result.error.message).toContain('within 400 ms');
      }
    } finally {
      await close(server, sockets);
    }
  });
});
