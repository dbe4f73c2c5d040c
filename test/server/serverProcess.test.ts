import { execFile, spawn } from 'node:child_process';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { syncProtocolHeader, syncProtocolVersion } from '#shared/sync/protocol';
import { listDevices } from '../../server/src/identity';
import { openPgliteDatabase } from '../../server/src/storage/pgliteDatabase';
import { nextId } from '../factories/domain';

const projectRoot = join(import.meta.dirname, '../..');

describe('npm run server', () => {
  let dataDir: string | undefined;
  afterAll(async () => {
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  });

  it('prints its address and a pairing code, gives the next code, lists and revokes stations while it runs, and closes on SIGTERM', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fixline-server-'));
    // Its own process group, so the signal reaches npm and the server alike.
    const server = spawn(
      'npm',
      ['run', 'server', '--', '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir],
      { cwd: projectRoot, detached: true, env: { ...process.env, FIXLINE_SERVER_LOG: 'warn' } },
    );
    let stdout = '';
    server.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const closed = new Promise<void>((resolve) => server.on('close', () => resolve()));
    const started = Date.now();
    while (!/Pairing code: \S+/.test(stdout)) {
      if (Date.now() - started > 200_000) throw new Error(`the server did not start:\n${stdout}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const address = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
    const pairingCode = /Pairing code: (\S+)/.exec(stdout)?.[1];
    expect(address).toBeDefined();
    const enroll = (code: string | undefined, stationCode: string, clientId = nextId()) =>
      fetch(`${address}/sync/v1/enroll`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [syncProtocolHeader]: String(syncProtocolVersion),
        },
        body: JSON.stringify({ pairingCode: code, stationCode, clientId }),
      });
    const jakartaClientId = nextId();
    const jakarta = await enroll(pairingCode, 'JKT1', jakartaClientId);
    expect(jakarta.status).toBe(200);
    const { deviceId, deviceToken } = (await jakarta.json()) as {
      deviceId: string;
      deviceToken: string;
    };
    const pull = () =>
      fetch(`${address}/sync/v1/pull`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${deviceToken}`,
          [syncProtocolHeader]: String(syncProtocolVersion),
        },
        body: JSON.stringify({ clientId: jakartaClientId, cursor: null }),
      });
    expect((await pull()).status).toBe(200);

    // The next station's code, asked of the running server (it holds the embedded database).
    const next = await promisify(execFile)(
      'npx',
      ['tsx', 'server/src/main.ts', 'pairing-code', '--data-dir', dataDir],
      { cwd: projectRoot, timeout: 120_000 },
    );
    const nextCode = /Pairing code: (\S+)/.exec(next.stdout)?.[1];
    expect(nextCode).toBeDefined();
    expect(nextCode).not.toBe(pairingCode);
    expect((await enroll(nextCode, 'BDG2')).status).toBe(200);

    // The running server lists its stations and revokes one: its next request is refused.
    const cli = (...args: string[]) =>
      promisify(execFile)(
        'npm',
        ['run', '--silent', 'server', '--', ...args, '--data-dir', dataDir ?? ''],
        {
          cwd: projectRoot,
          timeout: 120_000,
        },
      );
    const listed = await cli('devices', 'list');
    expect(listed.stdout).toMatch(new RegExp(`${deviceId}\\s+JKT1\\s+.*active`));
    expect(listed.stdout).toContain('BDG2');
    const revoked = await cli('devices', 'revoke', deviceId);
    expect(revoked.stdout).toContain(`Revoked ${deviceId}`);
    const refused = await pull();
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'device-revoked',
    );
    expect((await cli('devices', 'list')).stdout).toMatch(
      new RegExp(`${deviceId}\\s+JKT1\\s+.*revoked`),
    );

    if (server.pid === undefined) throw new Error('no pid');
    process.kill(-server.pid, 'SIGTERM');
    await closed;
    expect(stdout).toContain('Fixline sync server closed');
    await expect(access(join(dataDir, 'server.pid'))).rejects.toThrow();
    await expect(access(join(dataDir, 'admin.sock'))).rejects.toThrow();
    // The database was closed whole: it opens again with the station in it.
    const database = await openPgliteDatabase(dataDir);
    try {
      expect((await listDevices(database)).map((device) => device.stationCode).sort()).toEqual([
        'BDG2',
        'JKT1',
      ]);
    } finally {
      await database.close();
    }
  }, 400_000);
});

/** The JSON-array form of a Dockerfile instruction (`CMD [...]`, `HEALTHCHECK … CMD [...]`). */
function execForm(dockerfile: string, instruction: RegExp): string[] {
  const line = dockerfile.split('\n').find((text) => instruction.test(text));
  const array = line === undefined ? undefined : /(\[.*\])\s*$/.exec(line)?.[1];
  if (array === undefined) throw new Error(`the Dockerfile has no ${String(instruction)} line`);
  return JSON.parse(array) as string[];
}

describe('the container recipe (Dockerfile)', () => {
  let scratch: string | undefined;
  afterAll(async () => {
    if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
  });

  // No container engine here: the recipe's own command runs in this checkout instead, its
  // volume and web build moved to a scratch folder and its address to 127.0.0.1, a free port.
  it('starts a server with its command that passes its health check', async () => {
    scratch = await mkdtemp(join(tmpdir(), 'fixline-container-'));
    const dockerfile = await readFile(join(projectRoot, 'Dockerfile'), 'utf8');
    const command = execForm(dockerfile, /^CMD /);
    const healthCheck = execForm(dockerfile, /^HEALTHCHECK /);
    const webRoot = join(scratch, 'web');
    await mkdir(webRoot);
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Fixline</title>');
    const moved = command.map((argument, index) => {
      const flag = command[index - 1];
      if (flag === '--host') return '127.0.0.1';
      if (flag === '--port') return '0';
      if (flag === '--web-root') return webRoot;
      return argument.startsWith('/data/') ? join(scratch ?? '', argument.slice(1)) : argument;
    });
    expect(moved).toContain('--data-dir');
    const [program = '', ...args] = moved;
    const server = spawn(program, args, {
      cwd: projectRoot,
      detached: true,
      env: { ...process.env, FIXLINE_SERVER_LOG: 'warn' },
    });
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const closed = new Promise<void>((resolve) => server.on('close', () => resolve()));
    try {
      const started = Date.now();
      // The pairing code is printed after the address, once it is stored.
      while (!/listening at http:\/\/127\.0\.0\.1:\d+[^]*Pairing code: \S+/.test(output)) {
        if (Date.now() - started > 200_000 || server.exitCode !== null) {
          throw new Error(`the server did not start:\n${output}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const address = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? '';
      // Nothing logged at warning level or above while starting.
      expect(output).not.toMatch(/"level":[4-6]\d/);
      expect(await (await fetch(`${address}/`)).text()).toContain('<title>Fixline</title>');
      // The health check, as the container engine runs it, pointed at this server's port.
      const [checker = '', ...checkArgs] = healthCheck.map((argument) =>
        argument.replace('http://127.0.0.1:7411', address),
      );
      const checked = await promisify(execFile)(checker, checkArgs, { timeout: 30_000 }).then(
        () => 0,
        (error: { code?: number }) => error.code ?? 1,
      );
      expect(checked).toBe(0);
      await access(join(scratch, 'data', 'db'));
    } finally {
      if (server.pid !== undefined && server.exitCode === null)
        process.kill(-server.pid, 'SIGTERM');
      await closed;
    }
  }, 300_000);
});
