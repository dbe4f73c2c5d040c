import { describe, expect, it } from 'vitest';
import { createIpcRegistry, IpcRefusal } from '../../electron/main/ipc';
import { appPage, fakeIpcMain, fakeWindow } from '../support/ipcHarness';

function setUp() {
  const fake = fakeIpcMain();
  const window = fakeWindow();
  const reports: string[] = [];
  const registry = createIpcRegistry({
    ipcMain: fake.ipcMain,
    trustedOrigins: ['app://fixline'],
    report: (message) => reports.push(message),
  });
  return {
    registry,
    reports,
    window,
    /** Calls `channel` from a frame at `senderUrl` (null: a destroyed frame). */
    invoke: (channel: string, senderUrl: string | null, ...args: unknown[]) =>
      fake.invoke(channel, { window, url: senderUrl }, ...args),
  };
}

/** A PDF for `fixline:files:openDocument`. */
const openPdf = { name: 'rma.pdf', type: 'pdf', bytes: new TextEncoder().encode('%PDF-1.7') };

describe('createIpcRegistry', () => {
  it("answers the implementation's value as a successful result", async () => {
    const { registry, invoke } = setUp();
    registry.handle('fixline:station:dataFolder', () => ({ path: '/data/station' }));
    expect(await invoke('fixline:station:dataFolder', appPage)).toEqual({
      ok: true,
      value: { path: '/data/station' },
    });
  });

  it('tells the implementation which window and page called', async () => {
    const { registry, invoke, window } = setUp();
    let context: unknown;
    registry.handle('fixline:station:dataFolder', (_input, callContext) => {
      context = callContext;
      return { path: '/data/station' };
    });
    await invoke('fixline:station:dataFolder', appPage);
    expect(context).toEqual({ senderUrl: appPage, sender: window });
  });

  it('passes the parsed input, without the fields the contract does not know', async () => {
    const { registry, invoke } = setUp();
    let received: unknown;
    registry.handle('fixline:files:openDocument', (input) => {
      received = input;
      return null;
    });
    await invoke('fixline:files:openDocument', appPage, {
      ...openPdf,
      filters: [{ name: 'Program', extensions: ['exe'] }],
    });
    expect(received).toEqual(openPdf);
  });

  it('answers bad input with a failure naming the field, without running the implementation', async () => {
    const { registry, invoke } = setUp();
    let ran = false;
    registry.handle('fixline:files:openDocument', () => {
      ran = true;
      return null;
    });
    const answer = await invoke('fixline:files:openDocument', appPage, {
      ...openPdf,
      name: '../../.bashrc',
    });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/^name: /) },
    });
    expect(ran).toBe(false);
  });

  it('names a field of the wrong type', async () => {
    const { registry, invoke } = setUp();
    registry.handle('fixline:files:openDocument', () => null);
    const answer = await invoke('fixline:files:openDocument', appPage, {
      ...openPdf,
      bytes: 'not bytes',
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/^bytes: /) },
    });
  });

  it('refuses an argument on a channel that takes none', async () => {
    const { registry, invoke } = setUp();
    registry.handle('fixline:app:info', () => {
      throw new Error('must not run');
    });
    const answer = await invoke('fixline:app:info', appPage, { sneaky: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses more than one argument', async () => {
    const { registry, invoke } = setUp();
    registry.handle('fixline:files:openDocument', () => null);
    const answer = await invoke('fixline:files:openDocument', appPage, openPdf, 'extra');
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it.each([
    ['a page from another origin', 'https://evil.example/'],
    ['another app host', 'app://evil/index.html'],
    ['a local file', 'file:///tmp/page.html'],
    ['a destroyed frame', null],
  ])('refuses a call from %s', async (_label, senderUrl) => {
    const { registry, invoke, reports } = setUp();
    let ran = false;
    registry.handle('fixline:station:dataFolder', () => {
      ran = true;
      return { path: '/data/station' };
    });
    const answer = await invoke('fixline:station:dataFolder', senderUrl);
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(ran).toBe(false);
    expect(reports).toHaveLength(1);
  });

  it('answers an exception thrown by the implementation as a failure, and reports it', async () => {
    const { registry, invoke, reports } = setUp();
    registry.handle('fixline:files:openDocument', async () => {
      throw new Error('EACCES: permission denied');
    });
    const answer = await invoke('fixline:files:openDocument', appPage, openPdf);
    expect(answer).toEqual({
      ok: false,
      error: { code: 'failed', message: 'EACCES: permission denied' },
    });
    expect(reports).toEqual(['fixline:files:openDocument: EACCES: permission denied']);
  });

  it('answers a refusal with its own code', async () => {
    const { registry, invoke } = setUp();
    registry.handle('fixline:files:openDocument', () => {
      throw new IpcRefusal('invalid-input', 'bytes: the file is not a PDF');
    });
    const answer = await invoke('fixline:files:openDocument', appPage, openPdf);
    expect(answer).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'bytes: the file is not a PDF' },
    });
  });

  it('refuses a value outside the contract rather than passing it on', async () => {
    const { registry, invoke } = setUp();
    // A typed implementation cannot return this; a careless one in plain JavaScript could.
    const careless: () => { path: string } = () => JSON.parse('{"path": 42, "token": "x"}');
    registry.handle('fixline:station:dataFolder', careless);
    const answer = await invoke('fixline:station:dataFolder', appPage);
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid-output', message: expect.stringContaining('path') },
    });
  });

  it('drops fields the contract does not declare', async () => {
    const { registry, invoke } = setUp();
    const leaky: () => { path: string } = () => JSON.parse('{"path": "/d", "secret": "x"}');
    registry.handle('fixline:station:dataFolder', leaky);
    expect(await invoke('fixline:station:dataFolder', appPage)).toEqual({
      ok: true,
      value: { path: '/d' },
    });
  });

  it('refuses a second handler for the same channel', () => {
    const { registry } = setUp();
    registry.handle('fixline:station:dataFolder', () => ({ path: '/a' }));
    expect(() => registry.handle('fixline:station:dataFolder', () => ({ path: '/b' }))).toThrow(
      /already has a handler/,
    );
  });
});
