import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * A SOCKS5 proxy on 127.0.0.1 for the sync transport's proxy tests: no authentication, CONNECT
 * only (RFC 1928), recording the `host:port` of each tunnel it opens. Each message is taken as
 * arriving whole, which a client on loopback that waits for every answer gives it.
 */
export type Socks5TestServer = {
  readonly port: number;
  /** `host:port` of every CONNECT, in order. */
  readonly tunnels: string[];
  readonly close: () => Promise<void>;
};

const socksVersion = 5;
const noAuthentication = 0;
const connectCommand = 1;
const [ipv4Address, domainAddress] = [1, 3];

/** The target of a CONNECT request (VER CMD RSV ATYP DST.ADDR DST.PORT), or undefined. */
function connectTarget(request: Buffer): { host: string; port: number } | undefined {
  if (request[0] !== socksVersion || request[1] !== connectCommand) return undefined;
  if (request[3] === ipv4Address && request.length === 10)
    return { host: [...request.subarray(4, 8)].join('.'), port: request.readUInt16BE(8) };
  const nameLength = request[4] ?? 0;
  if (request[3] === domainAddress && request.length === 7 + nameLength)
    return {
      host: request.subarray(5, 5 + nameLength).toString('latin1'),
      port: request.readUInt16BE(5 + nameLength),
    };
  return undefined;
}

export async function startSocks5TestServer(): Promise<Socks5TestServer> {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const keep = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    keep(client);
    client.once('data', (greeting: Buffer) => {
      if (greeting[0] !== socksVersion || !greeting.subarray(2).includes(noAuthentication)) {
        client.destroy();
        return;
      }
      client.write(Buffer.from([socksVersion, noAuthentication]));
      client.once('data', (request: Buffer) => {
        const target = connectTarget(request);
        if (target === undefined) {
          client.destroy();
          return;
        }
        tunnels.push(`${target.host}:${target.port}`);
        const upstream = connect(target.port, target.host, () => {
          // Succeeded, bound to 0.0.0.0:0 (the client does not use it).
          client.write(Buffer.from([socksVersion, 0, 0, ipv4Address, 0, 0, 0, 0, 0, 0]));
          client.pipe(upstream).pipe(client);
        });
        keep(upstream);
        upstream.on('close', () => client.destroy());
        client.on('close', () => upstream.destroy());
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    tunnels,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
