/**
 * One record of an export (an Atom <entry>, a WXR <item> or <wp:author>) as a small tree, built
 * while the stream passes it and dropped once it is mapped: the only part of a file held at once.
 * Names are namespace URI + local name, so a prefix the exporter chose (Blogger's `thr:`, a
 * generator's `ns0:`) does not matter.
 */
export interface XmlElement {
  uri: string;
  local: string;
  /** Attributes without a namespace (every one these formats read), by local name. */
  attrs: Record<string, string>;
  /** The element's own text and CDATA, in order (not its children's). */
  text: string;
  children: XmlElement[];
  /** The line where its start tag begins. */
  line: number;
}

/** The namespaces the formats read. WXR's `wp:` changes with its version: see isWordPressNamespace. */
export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  app: 'http://purl.org/atom/app#',
  thr: 'http://purl.org/syndication/thread/1.0',
  gd: 'http://schemas.google.com/g/2005',
  blogger2018: 'http://schemas.google.com/blogger/2018',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  none: '',
} as const;

/**
 * WXR 1.0, 1.1 and 1.2 each bind `wp:` to their own URI (http://wordpress.org/export/1.2/); a
 * parser that matched one URI would read nothing of the others (WordPress's own importer falls
 * back from one to the other for the same reason).
 */
export function isWordPressNamespace(uri: string): boolean {
  return /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/$/.test(uri);
}

/** The first child with this namespace and local name. */
export function child(el: XmlElement, uri: string, local: string): XmlElement | undefined {
  return el.children.find((c) => c.uri === uri && c.local === local);
}

/** Every child with this namespace and local name, in document order. */
export function childrenNamed(el: XmlElement, uri: string, local: string): XmlElement[] {
  return el.children.filter((c) => c.uri === uri && c.local === local);
}

/** The trimmed text of the first such child, or '' when it is missing or empty. */
export function childText(el: XmlElement, uri: string, local: string): string {
  return child(el, uri, local)?.text.trim() ?? '';
}

/** A WXR field: `wp:` children whatever the version's URI. */
export function wpChild(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c) => c.local === local && isWordPressNamespace(c.uri));
}

/** The trimmed text of a WXR field, or '' when missing. */
export function wpText(el: XmlElement, local: string): string {
  return wpChild(el, local)?.text.trim() ?? '';
}
