// The template parser, a port of text/template/parse (recursive descent with three-token
// lookahead). Error messages and node positions match Go's, since scripts see them.

import { TemplateError, isStackOverflow } from "./errors.js";
import { Item, Lexer, T, itemString } from "./lex.js";
import {
  ActionNode,
  ArgNode,
  BoolNode,
  BranchNode,
  BreakNode,
  ChainNode,
  CommandNode,
  CommentNode,
  ContinueNode,
  DotNode,
  ElseNode,
  EndNode,
  FieldNode,
  IdentifierNode,
  ListNode,
  N,
  NilNode,
  Node,
  PipeNode,
  StringNode,
  TemplateNode,
  TextNode,
  VariableNode,
} from "./nodes.js";
import { NumberError, newNumber } from "./numbers.js";
import { quote, unquote } from "./text.js";

export const BUILTIN_NAMES: ReadonlySet<string> = new Set([
  "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println", "urlquery",
  "eq", "ge", "gt", "le", "lt", "ne",
]);

const MAX_STACK_DEPTH = 10000;

export interface Tree {
  name: string;
  root: ListNode;
}

/** Every template defined by one source text, by name. */
export interface ParsedSet {
  text: string;
  /** the top-level template name, which error locations use */
  parseName: string;
  trees: Map<string, Tree>;
}

class ParseFailure {
  constructor(readonly message: string) {}
}

function isEmptyTree(n: Node | undefined): boolean {
  if (!n) return true;
  switch (n.type) {
    case N.Comment:
      return true;
    case N.List:
      return n.nodes.every(isEmptyTree);
    case N.Text:
      return isGoSpaceOnly(n.text);
    default:
      return false;
  }
}

/** bytes.TrimSpace's notion of white space (unicode.IsSpace). */
function isGoSpaceOnly(s: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/.test(s);
}

class TreeParser {
  name: string;
  root: ListNode | undefined;
  private token: Item[] = [];
  private peekCount = 0;
  private vars: string[] = ["$"];
  private actionLine = 0;
  private rangeDepth = 0;
  private stackDepth = 0;

  constructor(
    name: string,
    private readonly set: ParsedSet,
    private readonly lex: Lexer,
  ) {
    this.name = name;
  }

  // ---- token stream ----

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex.nextItem();
    return this.token[this.peekCount]!;
  }

  private backup(): void {
    this.peekCount++;
  }

  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1]!;
    this.peekCount = 1;
    this.token[0] = this.lex.nextItem();
    return this.token[0];
  }

  private nextNonSpace(): Item {
    let token: Item;
    do token = this.next();
    while (token.typ === T.Space);
    return token;
  }

  private peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  // ---- errors ----

  errorf(msg: string): never {
    this.root = undefined;
    throw new ParseFailure(`template: ${this.set.parseName}:${this.token[0]?.line ?? 1}: ${msg}`);
  }

  private expect(expected: T, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }

  private expectOneOf(e1: T, e2: T, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== e1 && token.typ !== e2) this.unexpected(token, context);
    return token;
  }

  private unexpected(token: Item, context: string): never {
    if (token.typ === T.Error) {
      let extra = "";
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.set.parseName}:${this.actionLine}`;
        if (token.val.endsWith(" action")) extra = extra.slice(" in action".length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  // ---- trees ----

  private add(): void {
    const tree = this.set.trees.get(this.name);
    if (!tree || isEmptyTree(tree.root)) {
      this.set.trees.set(this.name, { name: this.name, root: this.root! });
      return;
    }
    if (!isEmptyTree(this.root)) this.errorf(`template: multiple definition of template ${quote(this.name)}`);
  }

  parseTop(): void {
    this.root = new ListNode(this.peek().pos);
    while (this.peek().typ !== T.EOF) {
      if (this.peek().typ === T.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === T.Define) {
          const def = new TreeParser("definition", this.set, this.lex);
          def.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === N.End || n.type === N.Else) this.errorf(`unexpected ${n}`);
      else this.root.nodes.push(n);
    }
    this.add();
  }

  private parseDefinition(): void {
    const context = "define clause";
    const name = this.expectOneOf(T.String, T.RawString, context);
    const unq = unquote(name.val);
    if (unq === undefined) this.errorf("invalid syntax");
    this.name = unq;
    this.expect(T.RightDelim, context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end.type !== N.End) this.errorf(`unexpected ${end} in ${context}`);
    this.add();
  }

  private itemList(): [ListNode, Node] {
    const list = new ListNode(this.peekNonSpace().pos);
    while (this.peekNonSpace().typ !== T.EOF) {
      const n = this.textOrAction();
      if (n.type === N.End || n.type === N.Else) return [list, n];
      list.nodes.push(n);
    }
    this.errorf("unexpected EOF");
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Text:
        return new TextNode(token.pos, token.val);
      case T.LeftDelim:
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      case T.Comment:
        return new CommentNode(token.pos, token.val);
      default:
        this.unexpected(token, "input");
    }
  }

  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Block:
        return this.blockControl();
      case T.Break:
        return this.breakControl(token.pos, token.line);
      case T.Continue:
        return this.continueControl(token.pos, token.line);
      case T.Else:
        return this.elseControl();
      case T.End:
        return this.endControl();
      case T.If:
        return this.branchControl(N.If, "if");
      case T.Range:
        return this.branchControl(N.Range, "range");
      case T.Template:
        return this.templateControl();
      case T.With:
        return this.branchControl(N.With, "with");
    }
    this.backup();
    const t = this.peek();
    return new ActionNode(t.pos, t.line, this.pipeline("command", T.RightDelim));
  }

  private breakControl(pos: number, line: number): Node {
    const token = this.nextNonSpace();
    if (token.typ !== T.RightDelim) this.unexpected(token, "{{break}}");
    if (this.rangeDepth === 0) this.errorf("{{break}} outside {{range}}");
    return new BreakNode(pos, line);
  }

  private continueControl(pos: number, line: number): Node {
    const token = this.nextNonSpace();
    if (token.typ !== T.RightDelim) this.unexpected(token, "{{continue}}");
    if (this.rangeDepth === 0) this.errorf("{{continue}} outside {{range}}");
    return new ContinueNode(pos, line);
  }

  private pipeline(context: string, end: T): PipeNode {
    const token = this.peekNonSpace();
    const pipe = new PipeNode(token.pos, token.line);
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.typ === T.Variable) {
        this.next();
        const tokenAfterVariable = this.peek();
        const next = this.peekNonSpace();
        if (next.typ === T.Assign || next.typ === T.Declare) {
          pipe.isAssign = next.typ === T.Assign;
          this.nextNonSpace();
          pipe.decl.push(new VariableNode(v.pos, v.val));
          this.vars.push(v.val);
        } else if (next.typ === T.Char && next.val === ",") {
          this.nextNonSpace();
          pipe.decl.push(new VariableNode(v.pos, v.val));
          this.vars.push(v.val);
          if (context === "range" && pipe.decl.length < 2) {
            const p = this.peekNonSpace().typ;
            if (p === T.Variable || p === T.RightDelim || p === T.RightParen) continue decls;
            this.errorf("range can only initialize variables");
          }
          this.errorf(`too many declarations in ${context}`);
        } else if (tokenAfterVariable.typ === T.Space) {
          this.backup3(v, tokenAfterVariable);
        } else {
          this.backup2(v);
        }
      }
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      switch (token.typ) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case T.Bool:
        case T.CharConstant:
        case T.Complex:
        case T.Dot:
        case T.Field:
        case T.Identifier:
        case T.Number:
        case T.Nil:
        case T.RawString:
        case T.String:
        case T.Variable:
        case T.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    for (let i = 1; i < pipe.cmds.length; i++) {
      const t = pipe.cmds[i]!.args[0]!.type;
      if (t === N.Bool || t === N.Dot || t === N.Nil || t === N.Number || t === N.String) {
        this.errorf(`non executable command in pipeline stage ${i + 1}`);
      }
    }
  }

  private branchControl(type: N.If | N.Range | N.With, context: string): BranchNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, T.RightDelim);
      if (type === N.Range) this.rangeDepth++;
      let [list, next] = this.itemList();
      if (type === N.Range) this.rangeDepth--;
      let elseList: ListNode | undefined;
      if (next.type === N.Else) {
        if (type === N.If && this.peek().typ === T.If) {
          this.next();
          elseList = new ListNode(next.pos);
          elseList.nodes.push(this.branchControl(N.If, "if"));
        } else if (type === N.With && this.peek().typ === T.With) {
          this.next();
          elseList = new ListNode(next.pos);
          elseList.nodes.push(this.branchControl(N.With, "with"));
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== N.End) this.errorf(`expected end; found ${next}`);
        }
      }
      return new BranchNode(type, pipe.pos, pipe.line, pipe, list, elseList);
    } finally {
      this.vars.length = mark;
    }
  }

  private endControl(): Node {
    return new EndNode(this.expect(T.RightDelim, "end").pos);
  }

  private elseControl(): Node {
    const peek = this.peekNonSpace();
    if (peek.typ === T.If || peek.typ === T.With) return new ElseNode(peek.pos, peek.line);
    const token = this.expect(T.RightDelim, "else");
    return new ElseNode(token.pos, token.line);
  }

  private blockControl(): Node {
    const context = "block clause";
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, T.RightDelim);
    const block = new TreeParser(name, this.set, this.lex);
    const [list, end] = block.itemList();
    block.root = list;
    if (end.type !== N.End) this.errorf(`unexpected ${end} in ${context}`);
    block.add();
    return new TemplateNode(token.pos, token.line, name, pipe);
  }

  private templateControl(): Node {
    const context = "template clause";
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().typ !== T.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, T.RightDelim);
    }
    return new TemplateNode(token.pos, token.line, name, pipe);
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.typ === T.String || token.typ === T.RawString) {
      const s = unquote(token.val);
      if (s === undefined) this.errorf("invalid syntax");
      return s;
    }
    this.unexpected(token, context);
  }

  private command(): CommandNode {
    const cmd = new CommandNode(this.peekNonSpace().pos);
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const token = this.next();
      if (token.typ === T.Space) continue;
      if (token.typ === T.RightDelim || token.typ === T.RightParen) this.backup();
      else if (token.typ !== T.Pipe) this.unexpected(token, "operand");
      break;
    }
    if (cmd.args.length === 0) this.errorf("empty command");
    return cmd;
  }

  private operand(): ArgNode | undefined {
    let node = this.term();
    if (!node) return undefined;
    if (this.peek().typ === T.Field) {
      const chain = new ChainNode(this.peek().pos, node);
      while (this.peek().typ === T.Field) chain.add(this.next().val);
      switch (node.type) {
        case N.Field:
          node = new FieldNode(chain.pos, String(chain));
          break;
        case N.Variable:
          node = new VariableNode(chain.pos, String(chain));
          break;
        case N.Bool:
        case N.String:
        case N.Number:
        case N.Nil:
        case N.Dot:
          this.errorf(`unexpected . after term ${quote(String(node))}`);
        default:
          node = chain;
      }
    }
    return node;
  }

  private term(): ArgNode | undefined {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Identifier:
        if (!BUILTIN_NAMES.has(token.val)) this.errorf(`function ${quote(token.val)} not defined`);
        return new IdentifierNode(token.pos, token.val);
      case T.Dot:
        return new DotNode(token.pos);
      case T.Nil:
        return new NilNode(token.pos);
      case T.Variable:
        return this.useVar(token.pos, token.val);
      case T.Field:
        return new FieldNode(token.pos, token.val);
      case T.Bool:
        return new BoolNode(token.pos, token.val === "true");
      case T.CharConstant:
      case T.Complex:
      case T.Number:
        try {
          return newNumber(token.pos, token.val, token.typ === T.CharConstant, token.typ === T.Complex);
        } catch (e) {
          if (e instanceof NumberError) this.errorf(e.message);
          throw e;
        }
      case T.LeftParen: {
        if (this.stackDepth >= MAX_STACK_DEPTH) this.errorf("max expression depth exceeded");
        this.stackDepth++;
        try {
          return this.pipeline("parenthesized pipeline", T.RightParen);
        } finally {
          this.stackDepth--;
        }
      }
      case T.String:
      case T.RawString: {
        const s = unquote(token.val);
        if (s === undefined) this.errorf("invalid syntax");
        return new StringNode(token.pos, token.val, s);
      }
    }
    this.backup();
    return undefined;
  }

  private useVar(pos: number, name: string): VariableNode {
    const v = new VariableNode(pos, name);
    if (!this.vars.includes(v.ident[0]!)) this.errorf(`undefined variable ${quote(v.ident[0]!)}`);
    return v;
  }

  /** Line of the most recent token, for errors raised outside the parser's own checks. */
  get currentLine(): number {
    return this.token[0]?.line ?? 1;
  }
}

/** Parses a template text and the templates it defines. Throws TemplateError. */
export function parseSet(text: string, name: string): ParsedSet {
  const set: ParsedSet = { text, parseName: name, trees: new Map() };
  const lex = new Lexer(text);
  const top = new TreeParser(name, set, lex);
  try {
    top.parseTop();
  } catch (e) {
    if (e instanceof ParseFailure) throw new TemplateError(e.message, "parse");
    if (isStackOverflow(e)) {
      // The text nests deeper than the JavaScript stack allows.
      throw new TemplateError(`template: ${name}:${top.currentLine}: max expression depth exceeded`, "parse");
    }
    throw e;
  }
  return set;
}
