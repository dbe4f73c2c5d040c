import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleDocuments } from '../../electron/documents/sampleDocuments';
import { createLabelPrinters, isLocalNetworkAddress } from '../../electron/printing/labelPrinters';
import { createPrintService } from '../../electron/printing/printService';
import { desktopHarness } from '../support/ipcHarness';

let workspace: string;

beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'fixline-label-printers-'));
});

afterEach(async () => {
  await rm(workspace, { recursive: true, force: true });
});

/**
 * Main's handlers with the real label printer store and print service; the resolver answers
 * from `names` (what DNS would say now), and ZPL goes to a recorder instead of the network.
 */
function desktop(names: Map<string, readonly string[]>) {
  const sent: { host: string; port: number | undefined }[] = [];
  const resolveHost = async (host: string) => {
    const addresses = names.get(host);
    if (addresses === undefined) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
    return addresses;
  };
  const labelPrinters = createLabelPrinters(join(workspace, 'label-printers.json'), resolveHost);
  const { invoke } = desktopHarness({
    labelPrinters,
    printing: createPrintService({
      labelPrinters,
      resolveHost,
      sendZpl: async (host, port) => {
        sent.push({ host, port });
        return { ok: true, value: { bytesSent: 1 } };
      },
    }),
  });
  return { invoke, sent };
}

const label = { kind: 'return-label', data: sampleDocuments()['return-label'] } as const;

describe('label printers, kept by main', () => {
  it.each([
    ['192.168.1.50', 9100],
    ['10.0.0.7', 6101],
    ['172.31.255.254', 9100],
    ['127.0.0.1', 9100],
    ['fd12:3456:789a::5', 9100],
    ['fe80::1', 9100],
    ['::1', 9100],
  ])('adds a printer at %s on port %i', async (host, port) => {
    const { invoke } = desktop(new Map());
    const added = await invoke('fixline:printers:addLabelPrinter', { name: 'Bench', host, port });
    expect(added).toEqual({
      ok: true,
      value: { id: expect.any(String), name: 'Bench', host, port },
    });
    expect(await invoke('fixline:printers:listLabelPrinters')).toEqual({
      ok: true,
      value: [(added as { value: unknown }).value],
    });
  });

  it('gives a printer port 9100 unless the user sets another', async () => {
    const { invoke } = desktop(new Map());
    expect(
      await invoke('fixline:printers:addLabelPrinter', { name: 'Bench', host: '192.168.1.50' }),
    ).toMatchObject({ ok: true, value: { port: 9100 } });
  });

  it.each([
    ['the cloud metadata address', '169.254.169.254'],
    ['another IPv4 link-local address', '169.254.1.1'],
    ['a public IPv4 address', '8.8.8.8'],
    ['a public address next to a private range', '172.32.0.1'],
    ['a public IPv6 address', '2001:4860:4860::8888'],
    ['an IPv4-mapped metadata address', '::ffff:169.254.169.254'],
    ['the unspecified address', '0.0.0.0'],
    ['a broadcast address', '255.255.255.255'],
    ['a multicast address', '224.0.0.251'],
  ])('refuses %s (%s), storing nothing', async (_label, host) => {
    const { invoke } = desktop(new Map());
    expect(await invoke('fixline:printers:addLabelPrinter', { name: 'Bench', host })).toMatchObject(
      { ok: false, error: { code: 'not-allowed' } },
    );
    expect(await invoke('fixline:printers:listLabelPrinters')).toEqual({ ok: true, value: [] });
  });

  it('resolves a host name and refuses it unless every address is on the local network', async () => {
    const { invoke } = desktop(
      new Map([
        ['zebra.lan', ['192.168.1.60']],
        ['metadata.google.internal', ['169.254.169.254']],
        ['printer.example.com', ['93.184.216.34']],
        ['split.lan', ['192.168.1.61', '8.8.8.8']],
      ]),
    );
    const add = (host: string) =>
      invoke('fixline:printers:addLabelPrinter', { name: 'Bench', host });
    expect(await add('zebra.lan')).toMatchObject({ ok: true, value: { host: 'zebra.lan' } });
    for (const host of ['metadata.google.internal', 'printer.example.com', 'split.lan'])
      expect(await add(host)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await add('nowhere.lan')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it.each([0, 65536, 70000, -1, 9100.5])('refuses port %s', async (port) => {
    const { invoke } = desktop(new Map());
    expect(
      await invoke('fixline:printers:addLabelPrinter', { name: 'Bench', host: '10.0.0.7', port }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input', message: /^port: / } });
  });

  it('prints on a printer named by its id, at its checked address and port', async () => {
    const { invoke, sent } = desktop(new Map([['zebra.lan', ['192.168.1.60']]]));
    const added = (await invoke('fixline:printers:addLabelPrinter', {
      name: 'Bench',
      host: 'zebra.lan',
      port: 6101,
    })) as { value: { id: string } };
    expect(
      await invoke('fixline:printing:print', {
        ...label,
        target: { type: 'zpl', printerId: added.value.id },
      }),
    ).toEqual({ ok: true, value: {} });
    expect(sent).toEqual([{ host: '192.168.1.60', port: 6101 }]);
  });

  it('refuses a job for a printer whose name now resolves off the network', async () => {
    const names = new Map([['zebra.lan', ['192.168.1.60']]]);
    const { invoke, sent } = desktop(names);
    const added = (await invoke('fixline:printers:addLabelPrinter', {
      name: 'Bench',
      host: 'zebra.lan',
    })) as { value: { id: string } };
    names.set('zebra.lan', ['169.254.169.254']);
    expect(
      await invoke('fixline:printing:print', {
        ...label,
        target: { type: 'zpl', printerId: added.value.id },
      }),
    ).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(sent).toEqual([]);
  });

  it('refuses a job naming a printer this station does not have, or an address', async () => {
    const { invoke, sent } = desktop(new Map());
    expect(
      await invoke('fixline:printing:print', {
        ...label,
        target: { type: 'zpl', printerId: '0196f0a2-7c3e-7000-8000-000000000009' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(
      await invoke('fixline:printing:print', {
        ...label,
        target: { type: 'zpl', host: '127.0.0.1', port: 22 },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(sent).toEqual([]);
  });

  it('removes a printer, after which its jobs are refused', async () => {
    const { invoke } = desktop(new Map());
    const added = (await invoke('fixline:printers:addLabelPrinter', {
      name: 'Bench',
      host: '192.168.1.50',
    })) as { value: { id: string } };
    expect(await invoke('fixline:printers:removeLabelPrinter', { id: added.value.id })).toEqual({
      ok: true,
      value: null,
    });
    expect(JSON.parse(await readFile(join(workspace, 'label-printers.json'), 'utf8'))).toEqual({
      labelPrinters: [],
    });
    expect(
      await invoke('fixline:printing:print', {
        ...label,
        target: { type: 'zpl', printerId: added.value.id },
      }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('isLocalNetworkAddress', () => {
  it('takes the private ranges, IPv6 unique-local and link-local, and loopback only', () => {
    expect(
      [
        '10.1.2.3',
        '172.16.0.1',
        '192.168.0.1',
        '127.0.0.1',
        'fc00::1',
        'fe80::1%eth0',
        '::1',
      ].every(isLocalNetworkAddress),
    ).toBe(true);
    expect(
      ['169.254.169.254', '100.64.0.1', '8.8.4.4', '2606:4700::1111', 'not an address'].some(
        isLocalNetworkAddress,
      ),
    ).toBe(false);
  });
});
