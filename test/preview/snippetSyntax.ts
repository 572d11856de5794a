// VS Code's snippet syntax, expanded the way accepting a snippet without typing anything does: every
// tabstop takes its placeholder's default (a choice its first option), mirrors repeat it, transforms
// run on it, and variables take the values given (an unknown variable becomes its own name, as in
// VS Code). Grammar: https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; placeholder?: SnippetNode[]; choices?: string[]; transform?: Transform }
  | { kind: 'variable'; name: string; fallback?: SnippetNode[]; transform?: Transform };

interface Transform {
  regex: RegExp;
  format: FormatPart[];
}

type FormatPart = { kind: 'text'; value: string } | { kind: 'group'; group: number; modifier?: string; ifText?: string; elseText?: string };

export class SnippetSyntaxError extends Error {}

/** Expands a snippet body (a string or VS Code's array of lines) with default values. */
export function expandSnippet(body: string | string[], variables: Record<string, string> = {}): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const nodes = new SnippetParser(text).parseAll();
  const defaults = new Map<number, SnippetNode[] | string>();
  const collect = (list: SnippetNode[]) => {
    for (const n of list) {
      if (n.kind === 'tabstop') {
        if (!defaults.has(n.index)) {
          if (n.placeholder) defaults.set(n.index, n.placeholder);
          else if (n.choices) defaults.set(n.index, n.choices[0]);
        }
        if (n.placeholder) collect(n.placeholder);
      } else if (n.kind === 'variable' && n.fallback) collect(n.fallback);
    }
  };
  collect(nodes);
  const placeholderValue = (index: number, seen: Set<number>): string => {
    const d = defaults.get(index);
    if (d === undefined) return '';
    if (typeof d === 'string') return d;
    if (seen.has(index)) throw new SnippetSyntaxError(`placeholder $${index} contains itself`);
    return render(d, new Set([...seen, index]));
  };
  const render = (list: SnippetNode[], seen: Set<number>): string =>
    list
      .map((n) => {
        if (n.kind === 'text') return n.value;
        if (n.kind === 'tabstop') {
          const v = placeholderValue(n.index, seen);
          return n.transform ? applyTransform(n.transform, v) : v;
        }
        const known = variables[n.name];
        const v = known ?? (n.fallback ? render(n.fallback, seen) : n.name);
        return n.transform && known !== undefined ? applyTransform(n.transform, v) : v;
      })
      .join('');
  return render(nodes, new Set());
}

function applyTransform(t: Transform, value: string): string {
  return value.replace(t.regex, (...args: unknown[]) => {
    const groups = args.slice(
      0,
      args.findIndex((a) => typeof a === 'number'),
    ) as (string | undefined)[];
    return t.format
      .map((p) => {
        if (p.kind === 'text') return p.value;
        const g = groups[p.group];
        if (p.ifText !== undefined || p.elseText !== undefined) return g ? (p.ifText ?? g) : (p.elseText ?? '');
        if (g === undefined) return '';
        switch (p.modifier) {
          case undefined:
            return g;
          case 'upcase':
            return g.toUpperCase();
          case 'downcase':
            return g.toLowerCase();
          case 'capitalize':
            return g.charAt(0).toUpperCase() + g.slice(1);
          case 'camelcase':
            return g.replace(/[-_\s]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')).replace(/^./, (c) => c.toLowerCase());
          case 'pascalcase':
            return g.replace(/(?:^|[-_\s]+)(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''));
          default:
            throw new SnippetSyntaxError(`unknown format modifier /${p.modifier}`);
        }
      })
      .join('');
  });
}

class SnippetParser {
  private pos = 0;

  constructor(private readonly src: string) {}

  parseAll(): SnippetNode[] {
    const nodes = this.parseUntil(undefined);
    if (this.pos < this.src.length) throw new SnippetSyntaxError(`unexpected "${this.src[this.pos]}" at ${this.pos}`);
    return nodes;
  }

  /** Nodes up to (not including) an unescaped `stop` character, or the end. */
  private parseUntil(stop: '}' | undefined): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && '$}\\'.includes(this.src[this.pos + 1] ?? '')) {
        text += this.src[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (c === stop) break;
      if (c === '$') {
        const node = this.parseDollar();
        if (node) {
          flush();
          nodes.push(node);
          continue;
        }
      }
      text += c;
      this.pos++;
    }
    flush();
    return nodes;
  }

  /** `$...` at pos: a tabstop, placeholder, choice or variable; undefined (pos unchanged) for a lone `$`. */
  private parseDollar(): SnippetNode | undefined {
    const start = this.pos;
    const rest = this.src.slice(start + 1);
    let m = /^(\d+)/.exec(rest);
    if (m) {
      this.pos += 1 + m[1].length;
      return { kind: 'tabstop', index: Number(m[1]) };
    }
    m = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) {
      this.pos += 1 + m[1].length;
      return { kind: 'variable', name: m[1] };
    }
    if (rest[0] !== '{') return undefined;
    m = /^\{(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (!m) return undefined;
    const id = m[1];
    const isTabstop = /^\d/.test(id);
    this.pos += 1 + m[0].length;
    const next = this.src[this.pos];
    if (next === '}') {
      this.pos++;
      return isTabstop ? { kind: 'tabstop', index: Number(id) } : { kind: 'variable', name: id };
    }
    if (next === ':') {
      this.pos++;
      const inner = this.parseUntil('}');
      this.expect('}');
      return isTabstop ? { kind: 'tabstop', index: Number(id), placeholder: inner } : { kind: 'variable', name: id, fallback: inner };
    }
    if (next === '|' && isTabstop) {
      this.pos++;
      const choices: string[] = [];
      let current = '';
      for (;;) {
        const c = this.src[this.pos];
        if (c === undefined) throw new SnippetSyntaxError(`unterminated choice at ${start}`);
        if (c === '\\' && ',|\\'.includes(this.src[this.pos + 1] ?? '')) {
          current += this.src[this.pos + 1];
          this.pos += 2;
        } else if (c === ',') {
          choices.push(current);
          current = '';
          this.pos++;
        } else if (c === '|' && this.src[this.pos + 1] === '}') {
          choices.push(current);
          this.pos += 2;
          return { kind: 'tabstop', index: Number(id), choices };
        } else {
          current += c;
          this.pos++;
        }
      }
    }
    if (next === '/') {
      this.pos++;
      const regex = this.readTransformPart(false);
      const format = this.readTransformPart(true);
      const flags = /^[a-z]*/.exec(this.src.slice(this.pos))![0];
      this.pos += flags.length;
      this.expect('}');
      const transform: Transform = { regex: new RegExp(regex, flags), format: parseFormat(format) };
      return isTabstop ? { kind: 'tabstop', index: Number(id), transform } : { kind: 'variable', name: id, transform };
    }
    throw new SnippetSyntaxError(`unexpected "${next}" after \${${id} at ${start}`);
  }

  /**
   * Text up to the next unescaped `/` (consumed); `\/` stands for `/`, other escapes are kept. In a
   * format, `${1:/upcase}` is one element, its `/` no separator.
   */
  private readTransformPart(format: boolean): string {
    let out = '';
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) throw new SnippetSyntaxError('unterminated transform');
      if (format && c === '$' && this.src[this.pos + 1] === '{') {
        const close = this.src.indexOf('}', this.pos);
        if (close < 0) throw new SnippetSyntaxError('unterminated format element');
        out += this.src.slice(this.pos, close + 1);
        this.pos = close + 1;
        continue;
      }
      if (c === '\\' && this.src[this.pos + 1] === '/') {
        out += '/';
        this.pos += 2;
        continue;
      }
      if (c === '\\') {
        out += c + (this.src[this.pos + 1] ?? '');
        this.pos += 2;
        continue;
      }
      this.pos++;
      if (c === '/') return out;
      out += c;
    }
  }

  private expect(c: string): void {
    if (this.src[this.pos] !== c) throw new SnippetSyntaxError(`expected "${c}" at ${this.pos}, found "${this.src[this.pos] ?? 'end'}"`);
    this.pos++;
  }
}

function parseFormat(format: string): FormatPart[] {
  const parts: FormatPart[] = [];
  let text = '';
  let i = 0;
  const flush = () => {
    if (text) parts.push({ kind: 'text', value: text });
    text = '';
  };
  while (i < format.length) {
    const c = format[i];
    if (c === '\\' && i + 1 < format.length) {
      text += format[i + 1];
      i += 2;
      continue;
    }
    if (c === '$') {
      const simple = /^\$(\d+)/.exec(format.slice(i));
      if (simple) {
        flush();
        parts.push({ kind: 'group', group: Number(simple[1]) });
        i += simple[0].length;
        continue;
      }
      const braced = /^\$\{(\d+)(?::(\/(upcase|downcase|capitalize|camelcase|pascalcase)|\+([^}]*)|\?([^:}]*):([^}]*)|-([^}]*)|([^}]*)))?\}/.exec(
        format.slice(i),
      );
      if (braced) {
        flush();
        const [, group, , modifier, plus, ifText, elseOfIf, minus, plainElse] = braced;
        const part: FormatPart = { kind: 'group', group: Number(group) };
        if (modifier) part.modifier = modifier;
        if (plus !== undefined) part.ifText = plus;
        if (ifText !== undefined) {
          part.ifText = ifText;
          part.elseText = elseOfIf;
        }
        if (minus !== undefined) part.elseText = minus;
        if (plainElse !== undefined) part.elseText = plainElse;
        parts.push(part);
        i += braced[0].length;
        continue;
      }
    }
    text += c;
    i++;
  }
  flush();
  return parts;
}
