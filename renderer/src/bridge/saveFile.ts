import type { FixlineBridge } from '#shared/ipc/bridge';
import { failure, maxSaveChunkBytes, success, type Result } from '#shared/ipc/contract';
import type { SavedFileType } from '#shared/ipc/fileTypes';

/** The calls a save makes, of either bridge. */
export type SavingBridge = {
  readonly files: Pick<
    FixlineBridge['files'],
    'beginSave' | 'writeChunk' | 'finishSave' | 'abortSave'
  >;
};

/** What a save came to: written to `path` (a file name in a browser), or the user said no. */
export type SaveOutcome = { outcome: 'saved'; path: string } | { outcome: 'canceled' };

/**
 * Saves `content` as a file of `documentType`, the same way on the desktop and in a browser:
 * the bridge asks where (a save dialog, or a download), then the file crosses in pieces of at
 * most {@link maxSaveChunkBytes}, read from the Blob one at a time, so a backup of any size is
 * never held whole in memory on either side. Any failure aborts the save (the target stays as
 * it was) and is answered, never thrown.
 */
export async function saveFile(
  bridge: SavingBridge,
  request: { documentType: SavedFileType; suggestedName: string; content: Blob },
): Promise<Result<SaveOutcome>> {
  const { documentType, suggestedName, content } = request;
  const begun = await bridge.files.beginSave({ documentType, suggestedName });
  if (!begun.ok) return begun;
  if (begun.value.kind === 'cancelled') return success({ outcome: 'canceled' });
  const { saveId } = begun.value;

  const abort = async (result: Result<never>) => {
    // Its own failure says nothing more: the save failed already, for the reason answered.
    await bridge.files.abortSave({ saveId });
    return result;
  };

  try {
    for (let offset = 0; offset < content.size; offset += maxSaveChunkBytes) {
      const bytes = new Uint8Array(
        await content.slice(offset, offset + maxSaveChunkBytes).arrayBuffer(),
      );
      const written = await bridge.files.writeChunk({ saveId, offset, bytes });
      if (!written.ok) return await abort(written);
    }
  } catch (error) {
    // Reading the Blob failed (a file removed from under it, say).
    return await abort(failure('failed', error instanceof Error ? error.message : String(error)));
  }
  const finished = await bridge.files.finishSave({ saveId, byteLength: content.size });
  if (!finished.ok) return await abort(finished);
  return success({ outcome: 'saved', path: finished.value.path });
}
