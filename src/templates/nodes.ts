// Parse tree nodes. String() renderings match text/template/parse, since execution errors quote them.

import { quote } from "./text.js";

export const enum N {
  Text,
  Action,
  Bool,
  Chain,
  Command,
  Dot,
  Else,
  End,
  Field,
  Identifier,
  If,
  List,
  Nil,
  Number,
  Pipe,
  Range,
  String,
  Template,
  Variable,
  With,
  Comment,
  Break,
  Continue,
}

export type Node =
  | TextNode
  | ActionNode
  | BoolNode
  | ChainNode
  | CommandNode
  | DotNode
  | ElseNode
  | EndNode
  | FieldNode
  | IdentifierNode
  | BranchNode
  | ListNode
  | NilNode
  | NumberNode
  | PipeNode
  | StringNode
  | TemplateNode
  | VariableNode
  | CommentNode
  | BreakNode
  | ContinueNode;

/** Nodes that may be arguments of a command. */
export type ArgNode =
  | BoolNode
  | ChainNode
  | DotNode
  | FieldNode
  | IdentifierNode
  | NilNode
  | NumberNode
  | PipeNode
  | StringNode
  | VariableNode;

export class ListNode {
  readonly type = N.List;
  nodes: Node[] = [];
  constructor(readonly pos: number) {}
  toString(): string {
    return this.nodes.map(String).join("");
  }
}

export class TextNode {
  readonly type = N.Text;
  constructor(
    readonly pos: number,
    readonly text: string,
  ) {}
  toString(): string {
    return this.text;
  }
}

export class CommentNode {
  readonly type = N.Comment;
  constructor(
    readonly pos: number,
    readonly text: string,
  ) {}
  toString(): string {
    return `{{${this.text}}}`;
  }
}

export class PipeNode {
  readonly type = N.Pipe;
  isAssign = false;
  decl: VariableNode[] = [];
  cmds: CommandNode[] = [];
  constructor(
    readonly pos: number,
    readonly line: number,
  ) {}
  toString(): string {
    let s = "";
    if (this.decl.length > 0) {
      s = this.decl.map(String).join(", ") + (this.isAssign ? " = " : " := ");
    }
    return s + this.cmds.map(String).join(" | ");
  }
}

export class ActionNode {
  readonly type = N.Action;
  constructor(
    readonly pos: number,
    readonly line: number,
    readonly pipe: PipeNode,
  ) {}
  toString(): string {
    return `{{${this.pipe}}}`;
  }
}

export class CommandNode {
  readonly type = N.Command;
  args: ArgNode[] = [];
  constructor(readonly pos: number) {}
  toString(): string {
    return this.args.map((a) => (a.type === N.Pipe ? `(${a})` : String(a))).join(" ");
  }
}

export class IdentifierNode {
  readonly type = N.Identifier;
  constructor(
    readonly pos: number,
    readonly ident: string,
  ) {}
  toString(): string {
    return this.ident;
  }
}

export class VariableNode {
  readonly type = N.Variable;
  readonly ident: string[];
  constructor(
    readonly pos: number,
    name: string,
  ) {
    this.ident = name.split(".");
  }
  toString(): string {
    return this.ident.join(".");
  }
}

export class DotNode {
  readonly type = N.Dot;
  constructor(readonly pos: number) {}
  toString(): string {
    return ".";
  }
}

export class NilNode {
  readonly type = N.Nil;
  constructor(readonly pos: number) {}
  toString(): string {
    return "nil";
  }
}

export class FieldNode {
  readonly type = N.Field;
  readonly ident: string[];
  constructor(
    readonly pos: number,
    name: string,
  ) {
    this.ident = name.slice(1).split(".");
  }
  toString(): string {
    return "." + this.ident.join(".");
  }
}

export class ChainNode {
  readonly type = N.Chain;
  field: string[] = [];
  constructor(
    readonly pos: number,
    readonly node: ArgNode,
  ) {}
  add(field: string): void {
    this.field.push(field.slice(1));
  }
  toString(): string {
    const head = this.node.type === N.Pipe ? `(${this.node})` : String(this.node);
    return head + this.field.map((f) => "." + f).join("");
  }
}

export class BoolNode {
  readonly type = N.Bool;
  constructor(
    readonly pos: number,
    readonly value: boolean,
  ) {}
  toString(): string {
    return this.value ? "true" : "false";
  }
}

/** A numeric constant with every interpretation Go's parser derived from its text. */
export class NumberNode {
  readonly type = N.Number;
  isInt = false;
  isUint = false;
  isFloat = false;
  isComplex = false;
  int64 = 0n;
  uint64 = 0n;
  float64 = 0;
  complex: [number, number] = [0, 0];
  constructor(
    readonly pos: number,
    readonly text: string,
  ) {}
  toString(): string {
    return this.text;
  }
}

export class StringNode {
  readonly type = N.String;
  constructor(
    readonly pos: number,
    readonly quoted: string,
    readonly text: string,
  ) {}
  toString(): string {
    return this.quoted;
  }
}

export class EndNode {
  readonly type = N.End;
  constructor(readonly pos: number) {}
  toString(): string {
    return "{{end}}";
  }
}

export class ElseNode {
  readonly type = N.Else;
  constructor(
    readonly pos: number,
    readonly line: number,
  ) {}
  toString(): string {
    return "{{else}}";
  }
}

/** if, range and with. */
export class BranchNode {
  constructor(
    readonly type: N.If | N.Range | N.With,
    readonly pos: number,
    readonly line: number,
    readonly pipe: PipeNode,
    readonly list: ListNode,
    readonly elseList: ListNode | undefined,
  ) {}
  toString(): string {
    const name = this.type === N.If ? "if" : this.type === N.Range ? "range" : "with";
    let s = `{{${name} ${this.pipe}}}${this.list}`;
    if (this.elseList) s += `{{else}}${this.elseList}`;
    return s + "{{end}}";
  }
}

export class BreakNode {
  readonly type = N.Break;
  constructor(
    readonly pos: number,
    readonly line: number,
  ) {}
  toString(): string {
    return "{{break}}";
  }
}

export class ContinueNode {
  readonly type = N.Continue;
  constructor(
    readonly pos: number,
    readonly line: number,
  ) {}
  toString(): string {
    return "{{continue}}";
  }
}

export class TemplateNode {
  readonly type = N.Template;
  constructor(
    readonly pos: number,
    readonly line: number,
    readonly name: string,
    readonly pipe: PipeNode | undefined,
  ) {}
  toString(): string {
    return `{{template ${quote(this.name)}${this.pipe ? " " + String(this.pipe) : ""}}}`;
  }
}
