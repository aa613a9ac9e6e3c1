import { imageTypeOf } from './image-type';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));
const pad = (head: Buffer) => Buffer.concat([head, Buffer.alloc(32)]);

describe('imageTypeOf', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['gif', bytes('GIF89a')],
    ['gif', bytes('GIF87a')],
    ['webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')],
    ['avif', bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0], 'avifmif1miaf')],
    ['avif', bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0], 'avifmiaf')],
  ])('recognises %s by its signature', (type, head) => {
    expect(imageTypeOf(pad(head))).toBe(type);
  });

  it.each([
    ['an SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['HEIC', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic')],
    ['a PDF', bytes('%PDF-1.7\n')],
    ['nothing', Buffer.alloc(0)],
    ['a few bytes of JPEG', bytes([0xff, 0xd8, 0xff])],
  ])('refuses %s', (_name, head) => {
    expect(imageTypeOf(head.length > 3 ? pad(head) : head)).toBeNull();
  });
});
