import { z } from 'zod';
import { syncServerUrlSchema } from '#shared/sync/syncHttp';
import type { MessageKey } from '../i18n/messageKey';

/** The form that connects a station to a sync server: what was typed, and what is wrong with it. */
export type SyncConnectValues = { readonly serverUrl: string; readonly pairingCode: string };
export type SyncConnectErrors = { readonly [Field in keyof SyncConnectValues]?: MessageKey };

const syncConnectSchema = z.object({
  serverUrl: z.string().trim().pipe(syncServerUrlSchema),
  pairingCode: z.string().trim().min(1),
});

const fieldMessages: Record<keyof SyncConnectValues, MessageKey> = {
  serverUrl: 'sync.errors.serverUrl',
  pairingCode: 'sync.errors.pairingCode',
};

/** The trimmed values, or the message of each field that needs a fix. */
export function checkSyncConnect(
  values: SyncConnectValues,
):
  | { readonly ok: true; readonly values: SyncConnectValues }
  | { readonly ok: false; readonly errors: SyncConnectErrors } {
  const parsed = syncConnectSchema.safeParse(values);
  if (parsed.success) return { ok: true, values: parsed.data };
  const errors: { -readonly [Field in keyof SyncConnectValues]?: MessageKey } = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'serverUrl' || field === 'pairingCode') errors[field] = fieldMessages[field];
  }
  return { ok: false, errors };
}
