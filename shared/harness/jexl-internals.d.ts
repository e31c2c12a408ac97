// The jexl package's own lexer and parser (no published types): the bridge feeds tokens one by one
// to find where a syntax error is in one pass (jexl-bridge-compile.ts). Named with ".js": the web
// host bundle leaves packages to Node's ESM resolution, which wants the file's full name.
declare module 'jexl/dist/Lexer.js' {
  export interface JexlToken {
    type: string;
    value: unknown;
    raw: string;
  }
  export default class Lexer {
    constructor(grammar: unknown);
    tokenize(text: string): JexlToken[];
  }
}

declare module 'jexl/dist/parser/Parser.js' {
  import type Ast from 'jexl/Ast';
  import type { JexlToken } from 'jexl/dist/Lexer.js';
  export default class Parser {
    constructor(grammar: unknown);
    addToken(token: JexlToken): unknown;
    complete(): Ast | null;
  }
}
