import { parse as parseYaml, YAMLParseError } from 'yaml';

/** A catalogue file that cannot be used; the message names the file and, when known, the path inside it. */
export class CatalogFileError extends Error {
  constructor(
    readonly file: string,
    readonly path: string | null,
    readonly detail: string,
  ) {
    super(`${file}: ${path ? `${path}: ` : ''}${detail}`);
    this.name = 'CatalogFileError';
  }
}

/** True when the file name says YAML. */
export function isYamlName(filename: string): boolean {
  return /\.ya?ml$/i.test(filename);
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Stops the scanner at the offset where the text breaks. */
class JsonStop extends Error {
  constructor(readonly at: number) {
    super(`invalid JSON at ${at}`);
  }
}

/**
 * The offset where JSON text stops being valid, found by a small scanner: Node 20's JSON.parse messages carry no
 * position. -1 when the scanner finds nothing wrong.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const fail = (): never => {
    throw new JsonStop(i);
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail();
          string();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === close) {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') {
      string();
      return;
    }
    const word = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : null;
    if (word) {
      literal(word);
      return;
    }
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!number) fail();
    i += number?.[0].length ?? 0;
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (error) {
    return error instanceof JsonStop ? error.at : -1;
  }
}

function parseJson(text: string, filename: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const offset = position === undefined ? jsonErrorOffset(text) : Number(position);
    const where = offset < 0 ? '' : ` (${lineAndColumn(text, offset)})`;
    throw new CatalogFileError(filename, null, `not valid JSON${where}: ${message.split('\n')[0] ?? ''}`);
  }
}

/**
 * Reads a catalogue file's text: YAML when its name ends in .yaml or .yml, else JSON (and YAML as a fallback for
 * names with neither extension). Errors say where the text breaks.
 */
export function parseCatalogText(text: string, filename: string): unknown {
  const yaml = isYamlName(filename);
  if (!yaml) {
    if (/\.json$/i.test(filename) || text.trimStart().startsWith('{')) return parseJson(text, filename);
  }
  try {
    return parseYaml(text, { prettyErrors: true, maxAliasCount: 1000 }) as unknown;
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const [pos] = error.linePos ?? [];
      const where = pos ? ` (line ${pos.line}, column ${pos.col})` : '';
      throw new CatalogFileError(
        filename,
        null,
        `not valid YAML${where}: ${error.message.split('\n')[0] ?? ''}`,
      );
    }
    throw new CatalogFileError(filename, null, `not valid YAML: ${String(error)}`);
  }
}
