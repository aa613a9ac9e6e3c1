import http from 'node:http';
import zlib from 'node:zlib';

/** An answer as it came over the wire, its body decompressed. */
export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A GET with headers exactly as given, Host included (fetch may not set Host), against the
 * server of `url`; `path` is sent as it is, percent-encoding and all.
 */
export function rawGet(url: string, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, path, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = response.headers['content-encoding'];
        const body =
          encoding === 'gzip' ? zlib.gunzipSync(raw) : encoding === 'br' ? zlib.brotliDecompressSync(raw) : raw;
        resolve({ status: response.statusCode!, headers: response.headers, body: body.toString('utf8') });
      });
    });
    request.on('error', reject);
    request.end();
  });
}
