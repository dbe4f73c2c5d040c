import { z } from 'zod';

/**
 * Where an S3-compatible blob store is, from the server's flags or environment. Credentials are
 * never a flag (they would show in the process list and shell history): the AWS SDK reads them
 * from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, AWS_PROFILE and the rest of its usual chain.
 */
export type S3Config = {
  readonly bucket: string;
  /** Prepended to every key, empty or ending in `/`. */
  readonly prefix: string;
  /** Without one, the SDK's chain (AWS_REGION, the profile) decides. */
  readonly region?: string;
  /** A non-AWS store (MinIO, Ceph, R2…), as a URL. */
  readonly endpoint?: string;
  /** Bucket in the path (`host/bucket/key`) rather than the host name: most non-AWS stores. */
  readonly forcePathStyle: boolean;
  /** For tests and embedding only; the command line never sets them. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
};

/** What the command line or environment said about S3 (and the blob folder, which excludes it). */
export type S3Flags = {
  readonly bucket?: string | undefined;
  readonly endpoint?: string | undefined;
  readonly region?: string | undefined;
  readonly prefix?: string | undefined;
  readonly forcePathStyle?: boolean | undefined;
  readonly blobDir?: string | undefined;
};

const bucketSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
    'a bucket name is 3 to 63 lowercase letters, digits, dots and hyphens',
  );
const endpointSchema = z.url({
  protocol: /^https?$/,
  error: 'the endpoint is an http:// or https:// URL, such as https://s3.example.com',
});
const prefixSchema = z
  .string()
  .regex(
    /^(?!\/)(?!.*\.\.)[A-Za-z0-9._/-]*$/,
    'a key prefix is letters, digits and . _ - /, without a leading / or ..',
  );
const regionSchema = z.string().regex(/^[a-z0-9-]+$/, 'a region looks like us-east-1');

const given = (value: string | undefined): value is string => value !== undefined && value !== '';

/**
 * The S3 store the flags ask for: `undefined` for the blob folder, or why they do not go together.
 */
export function s3ConfigFrom(
  flags: S3Flags,
): { ok: true; value: S3Config | undefined } | { ok: false; error: string } {
  const { bucket } = flags;
  if (!given(bucket)) {
    const stray = (
      [
        ['--s3-endpoint', given(flags.endpoint)],
        ['--s3-region', given(flags.region)],
        ['--s3-prefix', given(flags.prefix)],
        ['--s3-force-path-style', flags.forcePathStyle === true],
      ] as const
    )
      .filter(([, set]) => set)
      .map(([flag]) => flag);
    if (stray.length === 0) return { ok: true, value: undefined };
    return {
      ok: false,
      error: `${stray.join(', ')} ${stray.length === 1 ? 'needs' : 'need'} --s3-bucket <name> (or FIXLINE_S3_BUCKET): without it attachments stay in the blob folder.`,
    };
  }
  if (given(flags.blobDir)) {
    return {
      ok: false,
      error:
        'Choose one place for attachments: --blob-dir <folder> or --s3-bucket <name>, not both.',
    };
  }
  const problems: string[] = [];
  const check = <T>(flag: string, schema: z.ZodType<T>, value: string | undefined) => {
    if (!given(value)) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push(`${flag} ${value}: ${parsed.error.issues[0]?.message ?? 'not valid'}`);
    return undefined;
  };
  check('--s3-bucket', bucketSchema, bucket);
  const endpoint = check('--s3-endpoint', endpointSchema, flags.endpoint);
  const region = check('--s3-region', regionSchema, flags.region);
  const prefix = check('--s3-prefix', prefixSchema, flags.prefix) ?? '';
  if (problems.length > 0) return { ok: false, error: `${problems.join('; ')}.` };
  return {
    ok: true,
    value: {
      bucket,
      prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`,
      // A store of one's own ignores the region, but the SDK must have one to sign requests.
      ...(region !== undefined
        ? { region }
        : endpoint !== undefined
          ? { region: 'us-east-1' }
          : {}),
      ...(endpoint === undefined ? {} : { endpoint }),
      forcePathStyle: flags.forcePathStyle === true,
    },
  };
}
