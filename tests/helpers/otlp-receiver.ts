import http from 'node:http';
import { AddressInfo } from 'node:net';

/** An OTLP/JSON attribute value: one of these keys is set (ids and int64s come as strings). */
type AnyValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: Array<{ key: string; value: AnyValue }>;
}

/** The body of an OTLP/HTTP trace export in JSON (ExportTraceServiceRequest). */
interface TraceExport {
  resourceSpans: Array<{
    resource: { attributes: Array<{ key: string; value: AnyValue }> };
    scopeSpans: Array<{ scope: { name: string }; spans: OtlpSpan[] }>;
  }>;
}

/** One span as received, flattened: its resource's service and its instrumentation scope beside it. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  /** OTLP's SpanKind: 1 internal, 2 server, 3 client. */
  kind: number;
  scope: string;
  service: string | undefined;
  attributes: Record<string, string | number | boolean | undefined>;
}

export interface OtlpReceiver {
  /** What OTEL_EXPORTER_OTLP_ENDPOINT is set to; exports come to `${url}/v1/traces`. */
  url: string;
  /** Each request as it came: path, content type, raw body. */
  requests: Array<{ path: string; contentType: string | undefined; body: string }>;
  spans(): ReceivedSpan[];
  close(): Promise<void>;
}

/**
 * A local OTLP/HTTP receiver (node:http), as a collector would be: it keeps JSON trace exports
 * (spans() decodes them) and answers `status` (400: a collector that refuses them all).
 */
export async function startOtlpReceiver(status = 200): Promise<OtlpReceiver> {
  const requests: OtlpReceiver['requests'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', contentType: req.headers['content-type'], body });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    spans: () => requests.flatMap((request) => flatten(JSON.parse(request.body) as TraceExport)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function flatten(exported: TraceExport): ReceivedSpan[] {
  return exported.resourceSpans.flatMap(({ resource, scopeSpans }) => {
    const service = valueOf(resource.attributes.find((attribute) => attribute.key === 'service.name')?.value);
    return scopeSpans.flatMap(({ scope, spans }) =>
      spans.map((span) => ({
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId || undefined,
        name: span.name,
        kind: span.kind,
        scope: scope.name,
        service: service === undefined ? undefined : String(service),
        attributes: Object.fromEntries((span.attributes ?? []).map(({ key, value }) => [key, valueOf(value)])),
      })),
    );
  });
}

function valueOf(value: AnyValue | undefined) {
  return value?.stringValue ?? value?.intValue ?? value?.boolValue ?? value?.doubleValue;
}
