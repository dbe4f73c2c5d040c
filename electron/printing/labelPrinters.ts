import { randomUUID } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { IpcRefusal } from '#shared/ipc/answer';
import { labelPrinterSchema, type LabelPrinter, type IpcParsedInput } from '#shared/ipc/contract';

/**
 * The network label printers of this station, kept by main in its own settings file: the page
 * names a printer by id and never an address, so a compromised page cannot send bytes to any
 * host and port it likes (a service on this computer, the cloud metadata address at
 * 169.254.169.254, a port scan). An address must be on the local network, checked when the
 * printer is added and again, by resolving its host name, before every job.
 */

/** The file of the label printers, in the app's data folder. */
export const labelPrintersFileName = 'label-printers.json';

/** The IPv4 ranges a label printer may be in: the private LAN ranges and this computer. */
const allowedIpv4Ranges = new Set(['private', 'loopback']);
/** The IPv6 ranges: unique local (fc00::/7), link-local (fe80::/10) and this computer. */
const allowedIpv6Ranges = new Set(['uniqueLocal', 'linkLocal', 'loopback']);

/** Whether `address` (an IP address as text) is on the local network or this computer. */
export function isLocalNetworkAddress(address: string): boolean {
  // A zone (fe80::1%eth0) names the interface, not the address.
  const [bare = ''] = address.split('%');
  if (!ipaddr.isValid(bare)) return false;
  const parsed = ipaddr.parse(bare);
  if (parsed instanceof ipaddr.IPv4) return allowedIpv4Ranges.has(parsed.range());
  // ::ffff:169.254.169.254 is the IPv4 address it carries.
  if (parsed.isIPv4MappedAddress()) return allowedIpv4Ranges.has(parsed.toIPv4Address().range());
  return allowedIpv6Ranges.has(parsed.range());
}

/** Resolves a host name to every address it has; `dns.lookup` in the app. */
export type ResolveHost = (host: string) => Promise<readonly string[]>;

/** Every address of `host` through the system's resolver (hosts file, mDNS, DNS). */
export const resolveWithSystem: ResolveHost = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * The address to connect to for `host`: itself when it is an IP address, else the first of the
 * addresses it resolves to, each of which must be on the local network (a name that resolves to
 * one public address among private ones is refused). Refuses with a message that says why.
 */
export async function localAddressOf(host: string, resolve: ResolveHost): Promise<string> {
  const outside = `${host} is not on the local network: a label printer must have a private address (10.x.x.x, 172.16–31.x.x, 192.168.x.x, an fc00::/7 or fe80:: IPv6 address) or be this computer`;
  if (ipaddr.isValid(host.split('%')[0] ?? '')) {
    if (!isLocalNetworkAddress(host)) throw new IpcRefusal('not-allowed', outside);
    return host;
  }
  let addresses: readonly string[];
  try {
    addresses = await resolve(host);
  } catch {
    throw new IpcRefusal(
      'not-found',
      `no computer is called ${host} on this network: check the name, or give the printer's IP address`,
    );
  }
  const [first] = addresses;
  if (first === undefined || !addresses.every(isLocalNetworkAddress))
    throw new IpcRefusal('not-allowed', `${outside} (it resolves to ${addresses.join(', ')})`);
  return first;
}

/** The refusal of a print job naming a label printer this station does not have. */
export function unknownLabelPrinter(id: string): IpcRefusal {
  return new IpcRefusal(
    'not-found',
    `no label printer ${id} on this station: choose one in Settings → Printers`,
  );
}

/** The label printer store: list, add (checked), remove, and find by id. */
export type LabelPrinters = {
  list(): Promise<LabelPrinter[]>;
  add(input: IpcParsedInput<'fixline:printers:addLabelPrinter'>): Promise<LabelPrinter>;
  remove(id: string): Promise<void>;
  /** The printer with `id`; refuses (`not-found`) when there is none. */
  find(id: string): Promise<LabelPrinter>;
};

const storedSchema = z.object({ labelPrinters: z.array(labelPrinterSchema) });

/** Label printers kept in `file` (JSON), checked with `resolve` as they are added. */
export function createLabelPrinters(
  file: string,
  resolve: ResolveHost = resolveWithSystem,
): LabelPrinters {
  async function read(): Promise<LabelPrinter[]> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return [];
    }
    // A file this version cannot read is no printers, rather than a station that cannot start.
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return [];
    }
    return storedSchema.safeParse(json).data?.labelPrinters ?? [];
  }

  async function write(printers: readonly LabelPrinter[]): Promise<void> {
    await mkdir(dirname(file), { recursive: true });
    // Written aside, then renamed over: a crash mid-write never leaves half a file.
    const partial = `${file}.partial`;
    await writeFile(partial, JSON.stringify({ labelPrinters: printers }, null, 2));
    await rename(partial, file);
  }

  return {
    list: read,
    async add(input) {
      await localAddressOf(input.host, resolve);
      const printer: LabelPrinter = { id: randomUUID(), ...input };
      await write([...(await read()), printer]);
      return printer;
    },
    async remove(id) {
      const printers = await read();
      if (!printers.some((printer) => printer.id === id))
        throw new IpcRefusal('not-found', `no label printer ${id} on this station`);
      await write(printers.filter((printer) => printer.id !== id));
    },
    async find(id) {
      const printer = (await read()).find((candidate) => candidate.id === id);
      if (printer === undefined) throw unknownLabelPrinter(id);
      return printer;
    },
  };
}
