import { commentText } from './comment-text';

describe('commentText', () => {
  it('keeps paragraphs and line breaks, drops tags and decodes entities', () => {
    expect(commentText('<p>First &amp; <b>bold</b></p><p>Second<br/>line</p>').text).toBe(
      'First & bold\n\nSecond\nline',
    );
  });

  it('keeps a link’s text only, and scripts not at all', () => {
    expect(commentText('See <a href="https://spam.example">my site</a><script>alert(1)</script>').text).toBe(
      'See my site',
    );
  });

  it('collapses runs of spaces and blank lines, and trims', () => {
    expect(commentText('  a \t b \n\n\n\n c  ').text).toBe('a b\n\nc');
  });

  it('cuts a body longer than a comment may be, and says so', () => {
    const { text, cut } = commentText('x'.repeat(6000));
    expect([cut, [...text].length, text.endsWith('…')]).toEqual([true, 5000, true]);
  });

  it('empty HTML is empty text', () => {
    expect(commentText('<p> </p>')).toEqual({ text: '', cut: false });
  });
});
