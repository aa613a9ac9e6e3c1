import type { Response } from 'express';
import type { Response as SseAnswer } from 'graphql-sse';

/** How long a dropped stream gets to take what it was sent (the reason last) before its connection is cut. */
const DROP_GRACE_MS = 10_000;

export interface EventStreamBound {
  /** Bytes a stream may have waiting for its client when its next message comes. */
  maxBufferBytes: number;
  /** Told once when the stream is dropped for being behind, before its connection closes. */
  onDropped(): void;
}

/** What a dropped stream's client reads last: an SSE comment, which EventSource and graphql-sse skip. */
function droppedNotice(maxBufferBytes: number): string {
  return `: closed: more than ${maxBufferBytes} bytes were waiting for this client; subscribe again and read as events come\n\n`;
}

/**
 * Writes graphql-sse's answer to the response. graphql-sse keeps a stream's messages in a queue
 * of its own, unbounded, and its Express adapter writes the next one only once the client has
 * taken the last, so a client that never reads made that queue grow with every event. Here each
 * message goes to the response as it comes: what waits is then the response's own buffer, which
 * Node measures (`writableLength`: the response's and its socket's). A stream still more than
 * `maxBufferBytes` behind when its next message comes (an event, or graphql-sse's 12 s ping) is
 * ended, with a comment saying why and without graphql-sse's `complete`, so a client that comes
 * back reads it as a dropped connection and subscribes again, as after a WebSocket dropped for
 * not answering pings. Its connection is closed once that is sent, or after DROP_GRACE_MS.
 */
export async function writeEventStream(res: Response, answer: SseAnswer, bound: EventStreamBound): Promise<void> {
  const [body, init] = answer;
  res.writeHead(init.status, init.statusText, init.headers);
  if (!body || typeof body === 'string') {
    await new Promise<void>((resolve) => res.end(body ?? '', resolve));
    return;
  }
  const leave = () => void body.return();
  res.once('close', leave);
  try {
    for await (const message of body) {
      if (!res.writable) break;
      if (res.writableLength > bound.maxBufferBytes) {
        drop(res, bound);
        break;
      }
      res.write(message);
    }
  } finally {
    res.off('close', leave);
  }
  if (res.writable) res.end();
}

function drop(res: Response, bound: EventStreamBound): void {
  bound.onDropped();
  const cutOff = setTimeout(() => res.destroy(), DROP_GRACE_MS);
  cutOff.unref();
  res.once('close', () => clearTimeout(cutOff));
  // Not kept alive for another request: the client learns the stream is over when the connection ends.
  res.end(droppedNotice(bound.maxBufferBytes), () => res.destroy());
}
