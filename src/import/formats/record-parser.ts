import type { SourceItem, SourceParser } from '../source-records';
import type { XmlElement } from './xml-element';
import { xmlRecords, type ElementPath } from './xml-records';

/** What a format knows: how one record becomes items. One mapper lives for one parse. */
export interface RecordMapper {
  /** The items of one record, in file order. */
  map(record: XmlElement): SourceItem[];
  /** The source id of a record, when it got that far (for a record cut short or too large). */
  idOf(record: XmlElement): string | null;
  /** Items held back until the records end (Blogger's summary of its settings entries). */
  finish?(): SourceItem[];
}

/**
 * A format's SourceParser: the records `isRecord` picks, each mapped as it closes. A mapping that
 * fails on input nobody foresaw becomes a `malformed` item and the parse goes on; XML that breaks
 * off, a record too large to hold and a stream that fails end it with one `malformed` item (the
 * record it was reading named when its id was read). Nothing is thrown.
 */
export function recordParser(isRecord: (path: ElementPath) => boolean, newMapper: () => RecordMapper): SourceParser {
  return async function* parse(input: NodeJS.ReadableStream): AsyncGenerator<SourceItem> {
    const mapper = newMapper();
    for await (const event of xmlRecords(input, isRecord)) {
      if (event.kind === 'broken') {
        yield* mapper.finish?.() ?? [];
        const sourceId = event.partial ? safeId(mapper, event.partial) : null;
        yield { kind: 'malformed', sourceId, reason: event.reason, line: event.line };
        return;
      }
      const { element } = event;
      let items: SourceItem[];
      try {
        items = mapper.map(element);
      } catch (error) {
        const reason = `the entry could not be read: ${error instanceof Error ? error.message : String(error)}`;
        items = [{ kind: 'malformed', sourceId: safeId(mapper, element), reason, line: element.line }];
      }
      yield* items;
    }
    yield* mapper.finish?.() ?? [];
  };
}

function safeId(mapper: RecordMapper, record: XmlElement): string | null {
  try {
    return mapper.idOf(record);
  } catch {
    return null;
  }
}

/** The `malformed` item for a record that lacks what it needs. */
export function malformed(record: XmlElement, sourceId: string | null, reason: string): SourceItem {
  return { kind: 'malformed', sourceId: sourceId || null, reason, line: record.line };
}
