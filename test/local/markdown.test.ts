import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderInline, renderMarkdown, safeHttpUrl } from '../../src/local/public/markdown.js';

/** What the browser would build from the HTML: the only way to be sure nothing active slipped through. */
function dom(html: string): DocumentFragment {
  const { document } = new JSDOM('').window;
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

describe('the page\'s Markdown subset', () => {
  it('renders what the bot sends: emphasis, code, links, lists, quotes, line breaks', () => {
    expect(renderInline('**Broken**: the *app* was `removed`')).toBe('<strong>Broken</strong>: the <em>app</em> was <code>removed</code>');
    expect(renderInline('[Consent](https://login.microsoftonline.com/t/adminconsent?client_id=1&x=2)')).toBe(
      '<a href="https://login.microsoftonline.com/t/adminconsent?client_id=1&amp;x=2" target="_blank" rel="noopener noreferrer">Consent</a>',
    );
    expect(renderMarkdown('Steps:\n- one\n- two\n\n1. first\n2. second\n> quoted\nline a\nline b')).toBe(
      '<p>Steps:</p><ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol><blockquote>quoted</blockquote><p>line a<br>line b</p>',
    );
  });

  it('keeps ids with underscores and backslash-escaped characters literal', () => {
    expect(renderInline('ATLAS_497d70df-8811_136 and snake_case_name')).toBe('ATLAS_497d70df-8811_136 and snake_case_name');
    expect(renderInline('\\*not bold\\* \\[x\\]\\(y\\)')).toBe('*not bold* [x](y)');
    // The card renderer breaks untrusted URLs with a zero-width space: they must stay text.
    expect(renderInline('https:\u200B//evil.example')).toBe('https:\u200B//evil.example');
  });

  it('shows a Webex mention as its label', () => {
    expect(renderInline('<@personId:Y2lzY29zcGFyazovL3Vz|Azure AD Doctor> check')).toBe('<span class="mention">Azure AD Doctor</span> check');
    expect(renderInline('<@all> hi')).toBe('<span class="mention">All</span> hi');
  });

  it('links bare http(s) URLs without trailing punctuation, and never other schemes', () => {
    expect(renderInline('see https://help.webex.com/a.')).toBe(
      'see <a href="https://help.webex.com/a" target="_blank" rel="noopener noreferrer">https://help.webex.com/a</a>.',
    );
    expect(renderInline('[click](javascript:alert(1))')).toBe('click)');
    expect(renderInline('[x](data:text/html,hi)')).toBe('x');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('https://ok.example/')).toBe('https://ok.example/');
  });

  it('never produces an active element or attribute from hostile text', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[a](https://x.example/"onmouseover="alert(1))',
      '**<b onclick=alert(1)>x</b>**',
      '`<iframe>`',
      '<@personId:x|<img src=x onerror=alert(1)>>',
      'https://x.example/<svg/onload=alert(1)>',
      '\uE0000\uE001 forged placeholder',
      '<a href="javascript:alert(1)">x</a>',
    ];
    for (const text of hostile) {
      const fragment = dom(renderMarkdown(text));
      const elements = Array.from(fragment.querySelectorAll('*'));
      expect(elements.map((e) => e.tagName).filter((t) => !['P', 'BR', 'A', 'STRONG', 'EM', 'CODE', 'SPAN', 'UL', 'OL', 'LI', 'BLOCKQUOTE'].includes(t)), text).toEqual([]);
      for (const element of elements) {
        for (const attribute of element.getAttributeNames()) expect(['href', 'target', 'rel', 'class'], `${text}: ${attribute}`).toContain(attribute);
        const href = element.getAttribute('href');
        if (href !== null) expect(href, text).toMatch(/^https?:\/\//);
      }
    }
  });
});
