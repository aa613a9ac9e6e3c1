import { DeleteObjectsCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { MediaStorageConfig } from '../../media-config';
import { IMMUTABLE, MediaStorage } from './media-storage';

type S3Config = Extract<MediaStorageConfig, { kind: 's3' }>;

/** Where a bucket's objects are read when no MEDIA_PUBLIC_BASE_URL (a CDN) is set. */
function bucketUrl(config: S3Config): string {
  if (!config.endpoint) return `https://${config.bucket}.s3.${config.region}.amazonaws.com`;
  if (config.forcePathStyle) return `${config.endpoint}/${config.bucket}`;
  const endpoint = new URL(config.endpoint);
  return `${endpoint.protocol}//${config.bucket}.${endpoint.host}`;
}

/**
 * Any S3-compatible bucket through the AWS SDK v3. Objects carry their content type and a
 * year's immutable Cache-Control, which S3 and CDNs in front of it hand to browsers. The bucket
 * (or the CDN) must let the public read them; Broadsheet never serves them itself.
 */
export function s3Storage(config: S3Config, publicBaseUrl: string | undefined): MediaStorage {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials:
      config.accessKeyId && config.secretAccessKey
        ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
        : undefined,
  });
  const base = publicBaseUrl ?? bucketUrl(config);
  return {
    async put(key, data, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket: config.bucket,
          Key: key,
          Body: data,
          ContentType: contentType,
          CacheControl: IMMUTABLE,
        }),
      );
    },
    async get(key) {
      const object = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: key }));
      return Buffer.from(await object.Body!.transformToByteArray());
    },
    async remove(keys) {
      // DeleteObjects takes at most 1,000 keys a call.
      for (let start = 0; start < keys.length; start += 1000) {
        const Objects = keys.slice(start, start + 1000).map((Key) => ({ Key }));
        await client.send(new DeleteObjectsCommand({ Bucket: config.bucket, Delete: { Objects, Quiet: true } }));
      }
    },
    urlOf: (key) => `${base}/${key}`,
  };
}
