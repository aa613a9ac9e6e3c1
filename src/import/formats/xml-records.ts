import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { XmlElement } from './xml-element';

/**
 * The most one record (an entry, an item) may take: characters of the file from its start tag,
 * plus 128 for each element in it (an element costs memory the characters do not show). saxes
 * holds a text node whole before handing it over, so the bound is checked as the file is read,
 * and a record that passes it ends the parse: memory stays under it whatever the file holds. A
 * real post, its comments included, is far below it; a Blogger template entry reaches a few
 * hundred KB; a WXR post with 10,000 comments about 150,000 elements.
 */
const MAX_RECORD_CHARS = 32 * 1024 * 1024;
const ELEMENT_COST = 128;

/** The (namespace, local name) of each open element from the root down, the current one last. */
export type ElementPath = readonly { uri: string; local: string }[];

/** What the stream gives: each record whole, or where the XML broke off (nothing follows it). */
export type XmlRecordEvent =
  | { kind: 'record'; element: XmlElement }
  | { kind: 'broken'; line: number; reason: string; partial: XmlElement | null };

/**
 * Reads XML from a byte (or string) stream with saxes, one chunk at a time, and yields the
 * elements that `isRecord` picks (by their path from the root) as small trees, each once it
 * closes. Nothing outside a record is kept, and the next chunk is read only when the consumer
 * asks for more, so memory holds one chunk and one record whatever the file's size.
 *
 * It never throws: XML that breaks off (saxes stops at the first well-formedness error, unclosed
 * tags at the end included), a record past MAX_RECORD_CHARS and a stream that fails end it with
 * one `broken` event, after every record that closed before that point. Its line is where saxes
 * noticed, which for a bare `&` is the next `;` (saxes reads an entity name up to it).
 */
export async function* xmlRecords(
  input: NodeJS.ReadableStream,
  isRecord: (path: ElementPath) => boolean,
): AsyncGenerator<XmlRecordEvent> {
  // saxes resolves no external entities and reads no DTD entity declarations (an undeclared
  // entity is an error), so an export cannot make it fetch files or expand an entity bomb.
  const parser = new SaxesParser({ xmlns: true, position: true });
  const ready: XmlRecordEvent[] = [];
  const path: { uri: string; local: string }[] = [];
  const open: XmlElement[] = [];
  let recordStart = 0;
  let recordElements = 0;
  let tagLine = 1;
  const recordCost = () => (open.length === 0 ? 0 : parser.position - recordStart + recordElements * ELEMENT_COST);

  const addText = (text: string) => {
    const current = open[open.length - 1];
    if (current) current.text += text;
  };
  parser.on('opentagstart', () => {
    tagLine = parser.line; // a name cannot span lines, so this is the line of its `<`
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    path.push({ uri: tag.uri, local: tag.local });
    if (open.length === 0) {
      if (!isRecord(path)) return;
      recordStart = parser.position;
      recordElements = 0;
    }
    const element: XmlElement = { uri: tag.uri, local: tag.local, attrs: {}, text: '', children: [], line: tagLine };
    for (const attribute of Object.values(tag.attributes)) {
      if (attribute.uri === '') element.attrs[attribute.local] = attribute.value;
    }
    open[open.length - 1]?.children.push(element);
    open.push(element);
    recordElements += 1;
    if (recordCost() > MAX_RECORD_CHARS) throw new RecordTooLarge(open[0].line);
  });
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    path.pop();
    const element = open.pop();
    if (element && open.length === 0) ready.push({ kind: 'record', element });
  });

  let decoder: TextDecoder | undefined;
  let stage: 'reading' | 'parsing' = 'reading';
  try {
    for await (const chunk of input) {
      const text = typeof chunk === 'string' ? chunk : (decoder ??= decoderFor(chunk)).decode(chunk, { stream: true });
      stage = 'parsing';
      parser.write(withoutControlCharacters(text));
      if (recordCost() > MAX_RECORD_CHARS) throw new RecordTooLarge(open[0].line);
      stage = 'reading';
      yield* ready.splice(0);
    }
    stage = 'parsing';
    if (decoder) parser.write(withoutControlCharacters(decoder.decode()));
    parser.close();
    yield* ready.splice(0);
  } catch (error) {
    yield* ready.splice(0);
    const message = error instanceof Error ? error.message : String(error);
    const reason =
      error instanceof RecordTooLarge
        ? message
        : stage === 'parsing'
          ? `the XML breaks off here: ${message.replace(/^\d+:\d+: /, '')}`
          : `the file could not be read: ${message}`;
    yield { kind: 'broken', line: parser.line, reason, partial: open[0] ?? null };
  }
}

/** A record past MAX_RECORD_CHARS: the parse cannot skip it without reading it, so it stops. */
class RecordTooLarge extends Error {
  constructor(line: number) {
    super(`the entry that starts on line ${line} is larger than ${MAX_RECORD_CHARS} characters: the import stops here`);
  }
}

/**
 * C0 control characters (other than tab, line feed and carriage return) are not allowed in XML
 * 1.0, yet WordPress exports carry them where authors pasted them; WordPress's own importer
 * replaces them with spaces before parsing (its XML_Character_Filter), and so do we, rather than
 * let one stray byte end the import. Newlines are untouched, so line numbers stay true.
 */
function withoutControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ' ');
}

/**
 * The text decoder for a byte stream, from its first chunk: a UTF-16 byte order mark, else the
 * XML declaration's encoding (WordPress writes the blog's charset there, ISO-8859-1 on old
 * blogs), else UTF-8. An encoding TextDecoder does not know fails the parse as unreadable.
 */
function decoderFor(first: Buffer | Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le');
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be');
  const declaration = /^(?:\uFEFF)?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
    Buffer.from(first.subarray(0, 256)).toString('latin1'),
  );
  try {
    return new TextDecoder(declaration ? declaration[1] : 'utf-8');
  } catch {
    throw new Error(`the declared encoding "${declaration?.[1]}" is not one this importer reads`);
  }
}
