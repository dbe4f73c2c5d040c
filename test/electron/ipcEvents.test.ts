import { describe, expect, it } from 'vitest';
import { ipcEventNames, isIpcEventName } from '#shared/ipc/eventNames';
import { ipcEvents } from '#shared/ipc/contract';
import { createEventSender } from '#shared/ipc/events';

describe('createEventSender', () => {
  const progress = {
    batchId: 'batch-1',
    done: 3,
    total: 5,
    failed: [{ index: 1, reason: 'paper jam' }],
    finished: false,
    cancelled: false,
  };

  it('sends a payload the contract allows', () => {
    const sent: unknown[][] = [];
    const send = createEventSender(
      (...args) => sent.push(args),
      () => {},
    );
    expect(send('fixline:printing:progress', progress)).toBe(true);
    expect(sent).toEqual([['fixline:printing:progress', progress]]);
  });

  it('drops and reports a payload outside the contract, naming the field', () => {
    const sent: unknown[][] = [];
    const reports: string[] = [];
    const send = createEventSender(
      (...args) => sent.push(args),
      (message) => reports.push(message),
    );
    expect(send('fixline:printing:progress', { ...progress, done: -1 })).toBe(false);
    expect(sent).toEqual([]);
    expect(reports).toEqual([expect.stringContaining('done:')]);
  });
});

describe('event names', () => {
  it('name exactly the events of the contract', () => {
    expect([...ipcEventNames].sort()).toEqual(Object.keys(ipcEvents).sort());
    expect(isIpcEventName('fixline:printing:progress')).toBe(true);
    expect(isIpcEventName('fixline:files:beginSave')).toBe(false);
  });
});
