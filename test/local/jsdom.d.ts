// jsdom ships no types and @types/jsdom is not installed: just what the Markdown test uses.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
