/**
 * The slice of OData `$filter` that Microsoft Graph accepts on the collections the bot reads: eq/ne/ge/gt/le/lt,
 * startswith(), and/or/not, parentheses and `collection/any(t: …)`. Property names are checked per collection,
 * and string equality is case-insensitive, as in Entra's directory.
 */

export class FilterError extends Error {}

type Literal = string | number | boolean | null;
type Comparator = 'eq' | 'ne' | 'ge' | 'gt' | 'le' | 'lt';

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: Comparator; path: string[]; value: Literal }
  | { kind: 'startswith'; path: string[]; value: string }
  | { kind: 'any'; collection: string[]; variable: string; predicate: FilterNode };

type Token = { type: 'string'; text: string } | { type: 'word'; text: string } | { type: 'punct'; text: string };

const TOKEN = /\s*(?:'((?:[^']|'')*)'|(\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?)|(-?\d+(?:\.\d+)?)|([A-Za-z_@$][\w.@$]*(?:\/[A-Za-z_@$][\w.@$]*)*)|([(),:]))/y;
const COMPARATORS = new Set(['eq', 'ne', 'ge', 'gt', 'le', 'lt']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (m === null) throw new FilterError(`Syntax error at position ${at} in '${text}'.`);
    if (m[1] !== undefined) tokens.push({ type: 'string', text: m[1].replace(/''/g, "'") });
    else if (m[2] !== undefined || m[3] !== undefined || m[4] !== undefined) tokens.push({ type: 'word', text: (m[2] ?? m[3] ?? m[4]) as string });
    else tokens.push({ type: 'punct', text: m[5] as string });
  }
  return tokens;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.index < this.tokens.length) throw new FilterError(`Syntax error: unexpected '${this.peek()?.text}'.`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index++];
    if (token === undefined) throw new FilterError('Syntax error: the filter ends too early.');
    return token;
  }

  private expect(text: string): void {
    const token = this.next();
    if (token.text !== text) throw new FilterError(`Syntax error: '${text}' expected, '${token.text}' found.`);
  }

  private isWord(text: string): boolean {
    const token = this.peek();
    return token?.type === 'word' && token.text.toLowerCase() === text;
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.isWord('or')) {
      this.index++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.isWord('and')) {
      this.index++;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.isWord('not')) {
      this.index++;
      return { kind: 'not', operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): FilterNode {
    const token = this.next();
    if (token.text === '(') {
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    if (token.type !== 'word') throw new FilterError(`Syntax error: a property was expected, '${token.text}' found.`);
    if (token.text.toLowerCase() === 'startswith') {
      this.expect('(');
      const path = this.path();
      this.expect(',');
      const value = this.literal();
      this.expect(')');
      if (typeof value !== 'string') throw new FilterError('startswith needs a string literal.');
      return { kind: 'startswith', path, value };
    }
    const segments = token.text.split('/');
    if (segments.at(-1)?.toLowerCase() === 'any' && this.peek()?.text === '(') {
      this.expect('(');
      const variable = this.next().text;
      this.expect(':');
      const predicate = this.or();
      this.expect(')');
      return { kind: 'any', collection: segments.slice(0, -1), variable, predicate };
    }
    const op = this.next().text.toLowerCase();
    if (!COMPARATORS.has(op)) throw new FilterError(`Syntax error: an operator was expected after '${token.text}', '${op}' found.`);
    return { kind: 'compare', op: op as Comparator, path: segments, value: this.literal() };
  }

  private path(): string[] {
    const token = this.next();
    if (token.type !== 'word') throw new FilterError(`Syntax error: a property was expected, '${token.text}' found.`);
    return token.text.split('/');
  }

  private literal(): Literal {
    const token = this.next();
    if (token.type === 'string') return token.text;
    if (token.type !== 'word') throw new FilterError(`Syntax error: a value was expected, '${token.text}' found.`);
    const word = token.text.toLowerCase();
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    if (/^-?\d+(\.\d+)?$/.test(word)) return Number(word);
    if (/^\d{4}-\d{2}-\d{2}/.test(word)) return token.text;
    throw new FilterError(`Syntax error: '${token.text}' is not a value.`);
  }
}

export function parseFilter(text: string): FilterNode {
  return new Parser(tokenize(text)).parse();
}

/** Property paths the filter reads, lambda bodies written as `collection/property`, for validation. */
export function filterProperties(node: FilterNode, scope: { variable: string; prefix: string } | null = null): string[] {
  const qualify = (path: string[]): string => {
    if (scope !== null && path[0] === scope.variable) return [scope.prefix, ...path.slice(1)].join('/');
    return path.join('/');
  };
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...filterProperties(node.left, scope), ...filterProperties(node.right, scope)];
    case 'not':
      return filterProperties(node.operand, scope);
    case 'compare':
    case 'startswith':
      return [qualify(node.path)];
    case 'any':
      return filterProperties(node.predicate, { variable: node.variable, prefix: qualify(node.collection) });
  }
}

function resolve(target: unknown, path: string[]): unknown {
  let value = target;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

function compare(op: Comparator, actual: unknown, expected: Literal): boolean {
  if (typeof actual === 'string' && typeof expected === 'string') {
    const a = Date.parse(actual);
    const b = Date.parse(expected);
    const dates = /^\d{4}-\d{2}-\d{2}/.test(actual) && !Number.isNaN(a) && !Number.isNaN(b);
    const order = dates ? Math.sign(a - b) : actual.toLowerCase().localeCompare(expected.toLowerCase());
    return { eq: order === 0, ne: order !== 0, ge: order >= 0, gt: order > 0, le: order <= 0, lt: order < 0 }[op];
  }
  if (op === 'eq') return (actual ?? null) === expected;
  if (op === 'ne') return (actual ?? null) !== expected;
  if (typeof actual !== 'number' || typeof expected !== 'number') return false;
  return { ge: actual >= expected, gt: actual > expected, le: actual <= expected, lt: actual < expected }[op];
}

export function evaluateFilter(node: FilterNode, item: unknown, bindings: Record<string, unknown> = {}): boolean {
  const lookup = (path: string[]): unknown => {
    const [head, ...rest] = path;
    return head !== undefined && head in bindings ? resolve(bindings[head], rest) : resolve(item, path);
  };
  switch (node.kind) {
    case 'and':
      return evaluateFilter(node.left, item, bindings) && evaluateFilter(node.right, item, bindings);
    case 'or':
      return evaluateFilter(node.left, item, bindings) || evaluateFilter(node.right, item, bindings);
    case 'not':
      return !evaluateFilter(node.operand, item, bindings);
    case 'compare':
      return compare(node.op, lookup(node.path), node.value);
    case 'startswith': {
      const actual = lookup(node.path);
      return typeof actual === 'string' && actual.toLowerCase().startsWith(node.value.toLowerCase());
    }
    case 'any': {
      const collection = lookup(node.collection);
      return (
        Array.isArray(collection) &&
        collection.some((element) => evaluateFilter(node.predicate, item, { ...bindings, [node.variable]: element }))
      );
    }
  }
}
