import http from 'node:http';

/** What an answer's headers weigh on the wire, and how much of that is its cache tags. */
export interface HeaderBytes {
  /** The status line and every header line, with their CRLFs and the blank line after them. */
  total: number;
  /** The `Surrogate-Key` and `Cache-Tag` lines (CACHE_TAG_HEADERS), with their CRLFs. */
  cacheTags: number;
}

/** POSTs `body` to `url` once and weighs the answer's headers as sent (HTTP/1.1, no compression asked for). */
export function answerHeaderBytes(url: string, body: string): Promise<HeaderBytes> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let total = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2;
      let cacheTags = 0;
      for (let i = 0; i < res.rawHeaders.length; i += 2) {
        const line = Buffer.byteLength(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`);
        total += line;
        if (['surrogate-key', 'cache-tag'].includes(res.rawHeaders[i].toLowerCase())) cacheTags += line;
      }
      res.resume();
      res.on('end', () => resolve({ total, cacheTags }));
    });
    request.on('error', reject);
    request.end(body);
  });
}
