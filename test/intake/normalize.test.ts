import { describe, expect, it } from 'vitest';
import { normalizePaste } from '../../src/intake/normalize.js';

describe('normalizePaste', () => {
  it.each([
    ['Windows and old Mac line ends', 'a\r\nb\rc\u2028d', 'a\nb\nc\nd'],
    ['space runs, tabs, NBSP, ideographic space, trailing spaces', 'a  \t b\u00a0\u3000c   \nd', 'a b c\nd'],
    ['zero-width and bidi characters', 'Vi\u200bew\u200c Org\u200d I\ufeffD\u2060:\u202e x', 'View Org ID: x'],
    ['control characters', 'a\u0000b\u0007c\u009bd', 'abcd'],
    ['smart quotes', '\u201cerror\u201d: \u2018x\u2019', '"error": \'x\''],
    ['fullwidth colon and digits', 'ID\uff1a\uff14\uff10\uff11', 'ID:401'],
    ['Markdown bold, code, escapes', '**Status:** `401` ATLAS\\_x\\_1', 'Status: 401 ATLAS_x_1'],
    ['quote markers and bullets at the start of a line', '> > Status: 401\n- URL: u\n• Error: e\n-1 stays', 'Status: 401\nURL: u\nError: e\n-1 stays'],
    ['HTML block and inline tags', '<p>a<br/>b</p><div><span class="x">c</span></div>', '\na\nb\n\nc\n'],
    ['HTML entities, named and numeric', '&quot;a&quot; &amp; &lt;p&gt; &#39;b&#x27; &nbsp;c &#8203;d', '"a" & <p> \'b\' c d'],
    ['text that only looks like markup', 'a < b, <https://x.test>, <notatag>, & so &unknown; &#0;', 'a < b, <https://x.test>, <notatag>, & so &unknown; &#0;'],
    ['a tag that would cross a line break', '<p class="a\nb">x', '<p class="a\nb">x'],
    ['the Webex @mention', '<spark-mention data-object-type="person" data-object-id="Y2l">Bot</spark-mention> hi', 'Bot hi'],
  ])('handles %s', (_name, input, expected) => {
    expect(normalizePaste(input)).toBe(expected);
  });

  it('keeps lone surrogates and astral characters as they are', () => {
    expect(normalizePaste('a\ud800b \u{1F600}')).toBe('a\ud800b \u{1F600}');
  });
});
