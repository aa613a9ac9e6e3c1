/**
 * The keys that occur more than once in one object of a JSON text, with their path
 * (`res.status`). JSON.parse keeps the last of two equal keys without a word, and so would any
 * reviver, so this reads the text itself: strings (escapes decoded, so "a" and "\u0061" are one
 * key), braces, brackets, colons and commas. It expects valid JSON; parse it first.
 */
export function duplicateKeys(text: string): string[] {
  const duplicates: string[] = [];
  /** Open objects and arrays, innermost last; an object knows its keys and whether a key comes next. */
  const open: Array<{ keys: Set<string> | undefined; expectingKey: boolean; lastKey: string }> = [];
  const pathOf = (key: string) => [...open.slice(0, -1).map((level) => level.lastKey), key].filter(Boolean).join('.');
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    const top = open.at(-1);
    if (char === '"') {
      let end = at + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const value = JSON.parse(text.slice(at, end + 1)) as string;
      if (top?.keys && top.expectingKey) {
        if (top.keys.has(value)) duplicates.push(pathOf(value));
        top.keys.add(value);
        top.lastKey = value;
        top.expectingKey = false;
      }
      at = end;
    } else if (char === '{' || char === '[') {
      open.push({ keys: char === '{' ? new Set() : undefined, expectingKey: char === '{', lastKey: '' });
    } else if (char === '}' || char === ']') {
      open.pop();
    } else if (char === ',' && top?.keys) {
      top.expectingKey = true;
    }
  }
  return duplicates;
}
