import { createHash, type Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { AppendResult, BlobState, BlobStore, ByteRange, StoredBlob } from './blobStore';
import { isCutShort, RunningHashes } from './blobStore';
import type { S3Config } from './s3Config';

/**
 * The bytes of attachments in an S3-compatible bucket, for a center whose several server
 * processes share one PostgreSQL: every process sees every blob and every upload under way.
 *
 * Whole, checked blobs are objects keyed as in the folder store, `<prefix>ab/cd/<sha256>`.
 * S3 has no append, and a multipart upload's parts must be 5 MiB or more but the station sends
 * 4 MiB chunks (and a multipart upload's parts cannot be listed cheaply by another process before
 * it completes on every S3-compatible store). So an upload under way is staged as objects of its
 * own, `<prefix>uploads/<sha256>/<offset>` (offset zero-padded, so keys list in order): where the
 * upload stands is the end of the unbroken run of parts from byte 0. Each part is one PutObject,
 * whole or absent, so a process that dies mid-chunk leaves a consistent run, and any process can
 * take the upload on. On the last byte the whole SHA-256 is checked (fed as chunks arrive in this
 * process, or read back from the parts when another process took the earlier ones), the parts are
 * streamed into the final object and then deleted. Nothing is in its final key unchecked, so the
 * same photo from two stations is stored once.
 */

/** A chunk is staged in parts of at most this size, so a large PATCH is never held whole. */
const stagePartBytes = 8 * 1024 * 1024;

/** How long a station's question waits for this process's chunk of the same blob to settle. */
const settleWaitMs = 2_000;

/** An offset in a part's key: 2 GiB has 10 digits. */
const offsetDigits = 12;

type StagedPart = { readonly key: string; readonly offset: number; readonly size: number };

type Standing =
  | { readonly kind: 'stored'; readonly size: number }
  /** The unbroken run of parts from byte 0, and every staged key (strays included). */
  | { readonly kind: 'staged'; readonly run: readonly StagedPart[]; readonly keys: string[] };

function isNotFound(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata
    ?.httpStatusCode;
  return status === 404;
}

const blobKeyPattern = /^(?:[0-9a-f]{2}\/[0-9a-f]{2}\/|uploads\/)([0-9a-f]{64})(?:\/(\d+))?$/;

/** Opens the bucket's store, checking the bucket answers: a wrong name or key fails at start. */
export async function openS3BlobStore(config: S3Config): Promise<S3BlobStore> {
  const client = new S3Client({
    ...(config.region === undefined ? {} : { region: config.region }),
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
    forcePathStyle: config.forcePathStyle,
    // Checksums only where S3 requires them: many S3-compatible stores do not read the newer
    // aws-chunked bodies the SDK would otherwise send. The whole SHA-256 is checked here anyway.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(config.credentials === undefined ? {} : { credentials: config.credentials }),
  });
  try {
    await client.send(new HeadBucketCommand({ Bucket: config.bucket }));
  } catch (error) {
    client.destroy();
    const reason = isNotFound(error)
      ? 'it does not exist'
      : error instanceof Error
        ? `${error.name}: ${error.message}`
        : String(error);
    throw new Error(`Cannot use the S3 bucket ${config.bucket} for attachments (${reason}).`, {
      cause: error,
    });
  }
  return new S3BlobStore(client, config.bucket, config.prefix);
}

export class S3BlobStore implements BlobStore {
  readonly description: string;
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #prefix: string;
  /** Chunks being appended in this process, by SHA-256: one at a time per blob. */
  readonly #appending = new Map<string, Promise<unknown>>();
  /** As in the folder store: each upload's SHA-256 so far, so the last chunk reads nothing back. */
  readonly #runningHashes = new RunningHashes();

  constructor(client: S3Client, bucket: string, prefix: string) {
    this.#client = client;
    this.#bucket = bucket;
    this.#prefix = prefix;
    this.description = `S3 bucket ${bucket}${prefix === '' ? '' : ` under ${prefix}`}`;
  }

  /** Closes the client's connections. */
  close(): void {
    this.#client.destroy();
  }

  /** The key of a stored blob (within the bucket). */
  storedKey(sha256: string): string {
    return `${this.#prefix}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  #uploadPrefix(sha256: string): string {
    return `${this.#prefix}uploads/${sha256}/`;
  }

  #partKey(sha256: string, offset: number): string {
    return `${this.#uploadPrefix(sha256)}${String(offset).padStart(offsetDigits, '0')}`;
  }

  async #storedSize(sha256: string): Promise<number | undefined> {
    try {
      const head = await this.#client.send(
        new HeadObjectCommand({ Bucket: this.#bucket, Key: this.storedKey(sha256) }),
      );
      return head.ContentLength ?? 0;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async *#list(
    prefix: string,
  ): AsyncGenerator<{ readonly key: string; readonly size: number; readonly modifiedAt: Date }> {
    let token: string | undefined;
    do {
      const page = await this.#client.send(
        new ListObjectsV2Command({
          Bucket: this.#bucket,
          Prefix: prefix,
          ...(token === undefined ? {} : { ContinuationToken: token }),
        }),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        yield {
          key: object.Key,
          size: object.Size ?? 0,
          modifiedAt: object.LastModified ?? new Date(0),
        };
      }
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }

  async #standing(sha256: string): Promise<Standing> {
    const size = await this.#storedSize(sha256);
    if (size !== undefined) return { kind: 'stored', size };
    const prefix = this.#uploadPrefix(sha256);
    const parts: StagedPart[] = [];
    for await (const object of this.#list(prefix)) {
      const offset = Number(object.key.slice(prefix.length));
      if (Number.isSafeInteger(offset)) parts.push({ key: object.key, offset, size: object.size });
    }
    parts.sort((a, b) => a.offset - b.offset);
    // Two processes may have staged the same offset with chunks of other sizes: only the run
    // that joins up from byte 0 counts, whatever else lies about.
    const run: StagedPart[] = [];
    let end = 0;
    for (const part of parts) {
      if (part.offset > end) break;
      if (part.offset < end || part.size === 0) continue;
      run.push(part);
      end += part.size;
    }
    return { kind: 'staged', run, keys: parts.map((part) => part.key) };
  }

  /**
   * Waits a little for this process's chunk of `sha256` to settle: a chunk cut short is staged
   * once its connection has dropped (bytes wait in memory until then, where the folder writes
   * them as they come), and the station asks where it stands right after the drop.
   */
  async #settled(sha256: string): Promise<void> {
    const appending = this.#appending.get(sha256);
    if (appending === undefined) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      appending.catch(() => undefined),
      new Promise((resolve) => (timer = setTimeout(resolve, settleWaitMs))),
    ]);
    clearTimeout(timer);
  }

  async state(sha256: string): Promise<BlobState> {
    await this.#settled(sha256);
    const standing = await this.#standing(sha256);
    if (standing.kind === 'stored') return standing;
    if (standing.keys.length === 0) return { kind: 'absent' };
    return { kind: 'uploading', offset: runEnd(standing.run) };
  }

  async append(
    sha256: string,
    offset: number,
    length: number,
    chunk: Readable,
  ): Promise<AppendResult> {
    if (this.#appending.has(sha256)) {
      const state = await this.state(sha256);
      if (state.kind === 'stored') return { kind: 'stored', size: state.size };
      return { kind: 'offset-mismatch', offset: state.kind === 'uploading' ? state.offset : 0 };
    }
    const appending = this.#append(sha256, offset, length, chunk);
    this.#appending.set(sha256, appending);
    try {
      return await appending;
    } finally {
      this.#appending.delete(sha256);
    }
  }

  async #append(
    sha256: string,
    offset: number,
    length: number,
    chunk: Readable,
  ): Promise<AppendResult> {
    const before = await this.#standing(sha256);
    if (before.kind === 'stored') return { kind: 'stored', size: before.size };
    const current = runEnd(before.run);
    if (offset !== current) return { kind: 'offset-mismatch', offset: current };

    const hash =
      this.#runningHashes.take(sha256, current) ??
      (current === 0 ? createHash('sha256') : undefined);
    let staged = current;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    // Each part is hashed once it is in the bucket, so the hash always matches the parts.
    const stage = async () => {
      if (pendingBytes === 0) return;
      const body = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await this.#client.send(
        new PutObjectCommand({
          Bucket: this.#bucket,
          Key: this.#partKey(sha256, staged),
          Body: body,
          ContentLength: body.length,
        }),
      );
      hash?.update(body);
      staged += body.length;
    };
    let tooLong = false;
    try {
      for await (const data of chunk as AsyncIterable<Buffer>) {
        if (staged + pendingBytes + data.length > length) {
          tooLong = true;
          chunk.destroy();
          break;
        }
        pending.push(data);
        pendingBytes += data.length;
        if (pendingBytes >= stagePartBytes) await stage();
      }
    } catch (error) {
      if (!isCutShort(error)) throw error;
    }
    if (tooLong) {
      await this.#dropUpload(sha256);
      return { kind: 'too-long' };
    }
    // A chunk cut short keeps what arrived: the upload resumes after it.
    await stage();
    if (staged < length) {
      if (hash !== undefined) this.#runningHashes.keep(sha256, staged, hash);
      return { kind: 'partial', offset: staged };
    }
    return await this.#complete(sha256, length, hash);
  }

  /** Checks the staged upload's whole SHA-256, then moves it to its final key or drops it. */
  async #complete(sha256: string, length: number, hash: Hash | undefined): Promise<AppendResult> {
    const standing = await this.#standing(sha256);
    // Another process finished it meanwhile.
    if (standing.kind === 'stored') return { kind: 'stored', size: standing.size };
    if (runEnd(standing.run) !== length) {
      // Another process dropped or finished parts meanwhile: the station asks where it stands.
      return { kind: 'offset-mismatch', offset: runEnd(standing.run) };
    }
    let actual: string;
    if (hash !== undefined) {
      actual = hash.digest('hex');
    } else {
      const reread = createHash('sha256');
      for await (const data of this.#readParts(standing.run)) reread.update(data);
      actual = reread.digest('hex');
    }
    if (actual !== sha256) {
      await this.#dropUpload(sha256);
      return { kind: 'hash-mismatch', actual };
    }
    await this.#client.send(
      new PutObjectCommand({
        Bucket: this.#bucket,
        Key: this.storedKey(sha256),
        Body: Readable.from(this.#readParts(standing.run)),
        ContentLength: length,
        ContentType: 'application/octet-stream',
      }),
    );
    await this.#deleteKeys(standing.keys);
    return { kind: 'stored', size: length };
  }

  async *#readParts(run: readonly StagedPart[]): AsyncGenerator<Buffer> {
    for (const part of run) {
      const object = await this.#client.send(
        new GetObjectCommand({ Bucket: this.#bucket, Key: part.key }),
      );
      yield* bodyOf(object.Body) as AsyncIterable<Buffer>;
    }
  }

  async #dropUpload(sha256: string): Promise<void> {
    this.#runningHashes.forget(sha256);
    const keys: string[] = [];
    for await (const object of this.#list(this.#uploadPrefix(sha256))) keys.push(object.key);
    await this.#deleteKeys(keys);
  }

  async #deleteKeys(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      await this.#client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: key }));
    }
  }

  async read(sha256: string, range?: ByteRange): Promise<Readable> {
    const object = await this.#client.send(
      new GetObjectCommand({
        Bucket: this.#bucket,
        Key: this.storedKey(sha256),
        ...(range === undefined ? {} : { Range: `bytes=${range.start}-${range.end}` }),
      }),
    );
    return bodyOf(object.Body);
  }

  /** Every object of a blob under the prefix, stored or staged, with the blob it belongs to. */
  /** The store's objects, or those whose keys start with `under` past the store's prefix. */
  async *#blobObjects(under = ''): AsyncGenerator<{
    readonly key: string;
    readonly sha256: string;
    readonly staged: boolean;
    readonly size: number;
    readonly modifiedAt: Date;
  }> {
    for await (const object of this.#list(`${this.#prefix}${under}`)) {
      const match = blobKeyPattern.exec(object.key.slice(this.#prefix.length));
      const sha256 = match?.[1];
      if (match === null || sha256 === undefined) continue;
      yield { ...object, sha256, staged: match[2] !== undefined };
    }
  }

  async uploadsUnderway(): Promise<number> {
    const underway = new Set<string>();
    // Only the uploads' keys: the metrics page asks at every scrape.
    for await (const object of this.#blobObjects('uploads/'))
      if (object.staged) underway.add(object.sha256);
    return underway.size;
  }

  async storedBlobs(): Promise<readonly StoredBlob[]> {
    const blobs: StoredBlob[] = [];
    for await (const object of this.#blobObjects()) {
      if (object.staged) continue;
      blobs.push({ sha256: object.sha256, size: object.size, modifiedAt: object.modifiedAt });
    }
    return blobs;
  }

  async purge(
    before: Date,
    isReferenced: (sha256: string) => Promise<boolean>,
  ): Promise<{ readonly purged: number; readonly bytes: number }> {
    let purged = 0;
    let bytes = 0;
    // Listed first, deleted after: deleting while a listing pages on may skip keys.
    const old: { key: string; sha256: string; size: number }[] = [];
    for await (const object of this.#blobObjects()) {
      if (object.modifiedAt < before) old.push(object);
    }
    for (const object of old) {
      if (await isReferenced(object.sha256)) continue;
      await this.#deleteKeys([object.key]);
      purged += 1;
      bytes += object.size;
    }
    return { purged, bytes };
  }
}

function runEnd(run: readonly StagedPart[]): number {
  const last = run.at(-1);
  return last === undefined ? 0 : last.offset + last.size;
}

/** An object's body as a Node stream (the SDK's body in Node is one). */
function bodyOf(body: unknown): Readable {
  if (body instanceof Readable) return body;
  throw new Error('the S3 client returned an object body that is not a Node stream');
}
