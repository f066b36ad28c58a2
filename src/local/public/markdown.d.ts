// Types for the page's Markdown module (plain browser JavaScript), so the unit tests can import it.
export function escapeHtml(text: string): string;
export function safeHttpUrl(candidate: string): string | null;
export function renderInline(source: string): string;
export function renderMarkdown(source: string): string;
