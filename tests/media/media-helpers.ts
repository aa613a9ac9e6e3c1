import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { TestServer } from '../helpers/test-server';

/** The server's origin, for POST /media and for the root-relative URLs of local storage. */
export const originOf = (api: TestServer) => api.url.replace(/\/graphql$/, '');

/** Uploads as a browser does: fetch with FormData, the file as a Blob. */
export async function upload(
  api: TestServer,
  token: string | undefined,
  file: Buffer | null,
  options: { name?: string; type?: string; fields?: Record<string, string> } = {},
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
  if (file)
    form.append(
      'file',
      new Blob([new Uint8Array(file)], { type: options.type ?? 'image/jpeg' }),
      options.name ?? 'photo.jpg',
    );
  const response = await fetch(`${originOf(api)}/media`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as UploadAnswer };
}

interface UploadAnswer {
  data?: {
    media: { id: string; url: string; width: number; height: number; mimeType: string; [key: string]: unknown };
  };
  errors?: Array<{ message: string; extensions: { code: string; field?: string } }>;
}

/** Fetches a served file (local or S3) and reads it back with sharp: format, size, metadata. */
export async function served(api: TestServer, url: string) {
  const response = await fetch(new URL(url, originOf(api)));
  const data = Buffer.from(await response.arrayBuffer());
  const meta = response.ok ? await sharp(data).metadata() : null;
  return { response, data, meta };
}

/**
 * A 600 x 400 JPEG, red on the left half and blue on the right, with EXIF saying a camera, a
 * GPS position, and orientation 6 (shown turned 90 degrees clockwise: red on top, 400 x 600).
 */
export async function phoneJpeg(): Promise<Buffer> {
  const left = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#ff0000' } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 600, height: 400, channels: 3, background: '#0000ff' } })
    .composite([{ input: left, left: 0, top: 0 }])
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'Harbour Camera Co', Model: 'HC-1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** A plain image of `format` (with an alpha channel for PNG, so JPEG renditions must flatten it). */
export function plainImage(format: 'png' | 'gif' | 'webp' | 'avif' | 'jpeg', width = 1000, height = 750) {
  const channels = format === 'png' ? 4 : 3;
  const background = format === 'png' ? { r: 20, g: 120, b: 60, alpha: 0.5 } : '#147a3c';
  return sharp({ create: { width, height, channels, background } }).toFormat(format).toBuffer();
}

/** Every file under `dir`, relative paths, sorted (none when it does not exist). */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((entry) => fs.statSync(path.join(dir, entry)).isFile())
    .sort();
}
