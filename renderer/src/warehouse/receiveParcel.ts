import type { ArrivalCondition } from '#shared/domain/claim';
import { arrivalConditionSchema } from '#shared/domain/claim';
import type { AttachmentError, RepositoryError, StationCore, WriteContext } from '../core';
import type { Failure } from '../i18n/errorText';

/** Why a parcel was not received: the failure, for the screen to word, and the clauses behind it. */
export type ReceiveRefusal = {
  readonly failure: Failure;
  readonly clauses: readonly string[];
};

export type ReceiveOutcome =
  | { readonly ok: true; readonly photoCount: number }
  | { readonly ok: false; readonly refusal: ReceiveRefusal };

const refusalOf = (error: RepositoryError): ReceiveRefusal => ({
  failure: { kind: 'repository', error },
  clauses: error.clauses ?? [],
});

const photoRefusalOf = (error: AttachmentError, fileName: string): ReceiveRefusal => ({
  failure: { kind: 'attachment', error, fileName },
  clauses: [],
});

/**
 * Stores the parcel photos as packaging-photo evidence, once each: `savedPhotos` remembers the
 * photos already stored by an earlier attempt, so a retry after a refusal adds no duplicate rows.
 */
export async function storeParcelPhotos(
  core: StationCore,
  context: WriteContext,
  claimId: string,
  photos: readonly File[],
  savedPhotos: WeakSet<File>,
): Promise<ReceiveRefusal | undefined> {
  for (const photo of photos) {
    if (savedPhotos.has(photo)) continue;
    const stored = await core.attachments.store(photo);
    if (!stored.ok) return photoRefusalOf(stored.error, photo.name);
    const { attachment } = stored.value;
    const evidence = await core.commands.evidence.create(
      {
        claimId,
        kind: 'packaging-photo',
        sha256: attachment.sha256,
        sizeBytes: attachment.sizeBytes,
        mediaType: attachment.mediaType,
        fileName: photo.name,
        capturedAt: new Date().toISOString(),
        capturedBy: context.actor,
      },
      context,
    );
    if (!evidence.ok) return refusalOf(evidence.error);
    savedPhotos.add(photo);
  }
  return undefined;
}

/**
 * Receives a parcel whose B14 checks passed: its photos, its condition on arrival, then the
 * transition to `received`, whose guard has the last word (another station may have changed the
 * claim meanwhile). Bad input is refused before anything is written.
 */
export async function receiveParcel(
  core: StationCore,
  context: WriteContext,
  request: {
    readonly claimId: string;
    readonly condition: ArrivalCondition;
    readonly photos: readonly File[];
    readonly savedPhotos: WeakSet<File>;
  },
): Promise<ReceiveOutcome> {
  const condition = arrivalConditionSchema.safeParse(request.condition);
  if (!condition.success) {
    // Named as the policy names the fact: "Condition of the parcel on arrival".
    return {
      ok: false,
      refusal: {
        failure: {
          kind: 'repository',
          error: { code: 'invalid-input', field: 'request.condition' },
        },
        clauses: [],
      },
    };
  }
  const photoRefusal = await storeParcelPhotos(
    core,
    context,
    request.claimId,
    request.photos,
    request.savedPhotos,
  );
  if (photoRefusal !== undefined) return { ok: false, refusal: photoRefusal };
  const updated = await core.commands.claims.update(
    request.claimId,
    { conditionOnArrival: condition.data },
    context,
  );
  if (!updated.ok) return { ok: false, refusal: refusalOf(updated.error) };
  const received = await core.commands.claims.transition(request.claimId, 'received', context);
  if (!received.ok) return { ok: false, refusal: refusalOf(received.error) };
  return { ok: true, photoCount: request.photos.length };
}

/**
 * Records on the claim that its parcel arrived empty (B14), with any photos taken of it; the
 * claim's status does not change.
 */
export async function recordEmptyParcel(
  core: StationCore,
  context: WriteContext,
  request: {
    readonly claimId: string;
    readonly note: string;
    readonly photos: readonly File[];
    readonly savedPhotos: WeakSet<File>;
  },
): Promise<ReceiveRefusal | undefined> {
  const photoRefusal = await storeParcelPhotos(
    core,
    context,
    request.claimId,
    request.photos,
    request.savedPhotos,
  );
  if (photoRefusal !== undefined) return photoRefusal;
  const note = await core.commands.notes.create(
    {
      claimId: request.claimId,
      body: request.note,
      author: context.actor,
      at: new Date().toISOString(),
    },
    context,
  );
  return note.ok ? undefined : refusalOf(note.error);
}
