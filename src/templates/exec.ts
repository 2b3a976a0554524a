// The template executor, following text/template's exec.go: same evaluation order, same
// "current node" bookkeeping (it decides the location quoted in errors), same messages.

import { TemplateError, isStackOverflow } from "./errors.js";
import { BUILTINS, Builtin, BuiltinError, Param } from "./builtins.js";
import { printV } from "./fmt/print.js";
import { methodOf } from "./methods.js";
import {
  ActionNode,
  ArgNode,
  BranchNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  N,
  Node,
  NumberNode,
  PipeNode,
  TemplateNode,
  VariableNode,
} from "./nodes.js";
import type { ParsedSet, Tree } from "./parse.js";
import {
  GoComplex,
  Iface,
  Kind,
  NIL_IFACE,
  containerElemType,
  indirect,
  isTrue,
  isTypedGo,
  kindOf,
  sortedKeys,
  structOf,
  typeName,
  unbox,
} from "./reflect.js";
import { byteLength, quote } from "./text.js";
import { GoFloat, GoNil, GoPtr } from "./values.js";

const MAX_EXEC_DEPTH = 100000;

/** exec's missingVal: "no value piped into this command". */
const MISSING: unique symbol = Symbol("missing");
type Final = unknown;

const enum Flow {
  Normal,
  Break,
  Continue,
}

interface Variable {
  name: string;
  value: unknown;
}

function isInvalid(v: unknown): boolean {
  return v === null || v === undefined;
}

/** Where the output of a template and the templates it invokes accumulates. */
interface Writer {
  out: string;
}

/** Executes one parsed template set; output accumulates in the shared writer. */
export class State {
  private node: Node | undefined;
  private vars: Variable[];

  constructor(
    private readonly set: ParsedSet,
    private tmplName: string,
    dot: unknown,
    readonly w: Writer = { out: "" },
    private depth = 0,
  ) {
    this.vars = [{ name: "$", value: dot }];
  }

  run(dot: unknown, tree: Tree): void {
    this.walk(dot, tree.root);
  }

  // ---- errors ----

  private errorf(msg: string): never {
    const name = this.tmplName;
    if (!this.node) throw new TemplateError(`template: ${name}: ${msg}`, "exec");
    const text = this.set.text;
    const pos = this.node.pos;
    const lastNL = text.lastIndexOf("\n", pos - 1);
    const line = 1 + countNewlines(text, pos);
    const col = lastNL < 0 ? byteLength(text.slice(0, pos)) : byteLength(text.slice(lastNL + 1, pos));
    const location = `${this.set.parseName}:${line}:${col}`;
    throw new TemplateError(`template: ${location}: executing ${quote(name)} at <${String(this.node)}>: ${msg}`, "exec");
  }

  private at(node: Node): void {
    this.node = node;
  }

  // ---- variables ----

  private push(name: string, value: unknown): void {
    this.vars.push({ name, value });
  }

  private setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private setTopVar(n: number, value: unknown): void {
    this.vars[this.vars.length - n]!.value = value;
  }

  private varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) return this.vars[i]!.value;
    }
    return this.errorf(`undefined variable: ${name}`);
  }

  // ---- walking ----

  private walk(dot: unknown, node: Node): Flow {
    this.at(node);
    switch (node.type) {
      case N.Action: {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return Flow.Normal;
      }
      case N.Break:
        return Flow.Break;
      case N.Continue:
        return Flow.Continue;
      case N.Comment:
        return Flow.Normal;
      case N.If:
      case N.With:
        return this.walkIfOrWith(node, dot);
      case N.List:
        for (const n of node.nodes) {
          const f = this.walk(dot, n);
          if (f !== Flow.Normal) return f;
        }
        return Flow.Normal;
      case N.Range:
        return this.walkRange(dot, node);
      case N.Template:
        this.walkTemplate(dot, node);
        return Flow.Normal;
      case N.Text:
        this.w.out += node.text;
        return Flow.Normal;
      default:
        return this.errorf(`unknown node: ${node}`);
    }
  }

  private walkIfOrWith(node: BranchNode, dot: unknown): Flow {
    const mark = this.vars.length;
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(unbox(val))) return this.walk(node.type === N.With ? val : dot, node.list);
      if (node.elseList) return this.walk(dot, node.elseList);
      return Flow.Normal;
    } finally {
      this.vars.length = mark;
    }
  }

  private walkRange(dot: unknown, r: BranchNode): Flow {
    this.at(r);
    const outer = this.vars.length;
    try {
      const piped = this.evalPipeline(dot, r.pipe);
      const { v: val } = indirect(piped);
      const mark = this.vars.length;
      const decl = r.pipe.decl;
      // Runs the body once; false stops the loop ({{break}}).
      const oneIteration = (index: unknown, elem: unknown): boolean => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[0]!.ident[0]!, decl.length > 1 ? index : elem);
          else this.setTopVar(1, elem);
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1]!.ident[0]!, elem);
          else this.setTopVar(2, index);
        }
        try {
          return this.walk(elem, r.list) !== Flow.Break;
        } finally {
          this.vars.length = mark;
        }
      };
      switch (kindOf(val)) {
        case Kind.Int:
        case Kind.Uint: {
          if (decl.length > 1) this.errorf(`can't use ${printV(val)} to iterate over more than one variable`);
          if (typeof val === "bigint") {
            if (val <= 0n) break;
            for (let i = 0n; i < val; i++) if (!oneIteration(null, i)) break;
            return Flow.Normal;
          }
          const n = typeof val === "number" ? val : Number((val as { value: number }).value);
          if (n <= 0) break;
          for (let i = 0; i < n; i++) if (!oneIteration(null, i)) break;
          return Flow.Normal;
        }
        case Kind.Slice: {
          const arr = val instanceof GoNil ? [] : (val as unknown[]);
          if (arr.length === 0) break;
          const boxed = containerElemType(arr) === "interface {}";
          for (let i = 0; i < arr.length; i++) {
            if (!oneIteration(i, boxed ? box(arr[i]) : arr[i])) break;
          }
          return Flow.Normal;
        }
        case Kind.Map: {
          if (val instanceof GoNil) break;
          const m = val as Record<string, unknown>;
          const keys = sortedKeys(m);
          if (keys.length === 0) break;
          const boxed = containerElemType(m) === "interface {}";
          for (const k of keys) {
            if (!oneIteration(k, boxed ? box(m[k]) : m[k])) break;
          }
          return Flow.Normal;
        }
        case Kind.Invalid:
          break;
        default:
          this.errorf(`range can't iterate over ${printV(val)}`);
      }
      if (r.elseList) return this.walk(dot, r.elseList);
      return Flow.Normal;
    } finally {
      this.vars.length = outer;
    }
  }

  private walkTemplate(dot: unknown, t: TemplateNode): void {
    this.at(t);
    const tree = this.set.trees.get(t.name);
    if (!tree) this.errorf(`template ${quote(t.name)} not defined`);
    if (this.depth === MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    const newDot = this.evalPipeline(dot, t.pipe);
    const inner = new State(this.set, t.name, newDot, this.w, this.depth + 1);
    try {
      inner.walk(newDot, tree.root);
    } catch (e) {
      if (isStackOverflow(e)) {
        // Report Go's depth error; if even that overflows, let an outer frame retry.
        let report: unknown = e;
        try {
          this.at(t);
          this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
        } catch (e2) {
          if (e2 instanceof TemplateError) report = e2;
        }
        throw report;
      }
      throw e;
    }
  }

  // ---- pipelines and commands ----

  private evalPipeline(dot: unknown, pipe: PipeNode | undefined): unknown {
    if (!pipe) return null;
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) value = unbox(this.evalCommand(dot, cmd, value));
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0]!, value);
      else this.push(v.ident[0]!, value);
    }
    return value;
  }

  private notAFunction(args: readonly ArgNode[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${args[0]}`);
  }

  private evalCommand(dot: unknown, cmd: CommandNode, final: Final): unknown {
    const first = cmd.args[0]!;
    switch (first.type) {
      case N.Field:
        return this.evalFieldNode(dot, first, cmd.args, final);
      case N.Chain:
        return this.evalChainNode(dot, first, cmd.args, final);
      case N.Identifier:
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case N.Pipe:
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case N.Variable:
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case N.Bool:
        return first.value;
      case N.Dot:
        return dot;
      case N.Nil:
        return this.errorf("nil is not a command");
      case N.Number:
        return this.idealConstant(first);
      case N.String:
        return first.text;
    }
  }

  private idealConstant(c: NumberNode): unknown {
    this.at(c);
    const t = c.text;
    if (c.isComplex) return new GoComplex(c.complex[0], c.complex[1]);
    const isHexInt = t.length > 2 && t[0] === "0" && (t[1] === "x" || t[1] === "X") && !/[pP]/.test(t);
    if (c.isFloat && !isHexInt && t[0] !== "'" && /[.eEpP]/.test(t)) return new GoFloat(c.float64);
    if (c.isInt) return c.int64 >= -9007199254740991n && c.int64 <= 9007199254740991n ? Number(c.int64) : c.int64;
    if (c.isUint) this.errorf(`${t} overflows int`);
    return null;
  }

  private evalFieldNode(dot: unknown, field: FieldNode, args: readonly ArgNode[] | undefined, final: Final): unknown {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(dot: unknown, chain: ChainNode, args: readonly ArgNode[] | undefined, final: Final): unknown {
    this.at(chain);
    if (chain.field.length === 0) this.errorf("internal error: no fields in evalChainNode");
    if (chain.node.type === N.Nil) this.errorf(`indirection through explicit nil in ${chain}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: unknown, v: VariableNode, args: readonly ArgNode[] | undefined, final: Final): unknown {
    this.at(v);
    const value = this.varValue(v.ident[0]!);
    if (v.ident.length === 1) {
      this.notAFunction(args ?? [], final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(
    dot: unknown,
    receiver: unknown,
    node: Node,
    ident: readonly string[],
    args: readonly ArgNode[] | undefined,
    final: Final,
  ): unknown {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) receiver = this.evalField(dot, ident[i]!, node, undefined, MISSING, receiver);
    return this.evalField(dot, ident[n - 1]!, node, args, final, receiver);
  }

  private evalFunction(dot: unknown, node: IdentifierNode, cmd: Node, args: readonly ArgNode[] | undefined, final: Final): unknown {
    this.at(node);
    const fn = BUILTINS[node.ident];
    if (!fn) this.errorf(`${quote(node.ident)} is not a defined function`);
    return this.evalCall(dot, fn, cmd, node.ident, args, final);
  }

  private evalField(
    dot: unknown,
    fieldName: string,
    node: Node,
    args: readonly ArgNode[] | undefined,
    final: Final,
    receiver: unknown,
  ): unknown {
    if (isInvalid(receiver)) return null;
    if (receiver === NIL_IFACE) this.errorf(`nil pointer evaluating interface {}.${fieldName}`);
    const typ = receiver instanceof Iface ? "interface {}" : typeName(receiver);
    const { v, nil: isNil } = indirect(receiver);
    const method = methodOf(v, fieldName);
    if (method) return this.evalCall(dot, method.builtin, node, fieldName, args, final, method.receiver);
    const hasArgs = (args?.length ?? 0) > 1 || final !== MISSING;
    const k = kindOf(v);
    if (k === Kind.Struct) {
      const s = structOf(v);
      const f = s?.fields.get(fieldName);
      if (f) {
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        const value = f.value;
        if (isInvalid(value) || (value instanceof GoNil && value.kind === "interface")) return NIL_IFACE;
        return value;
      }
    } else if (k === Kind.Map) {
      const mapType = v instanceof GoNil ? v.typeName : "map[string]";
      if (mapType.startsWith("map[string]")) {
        if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
        if (v instanceof GoNil) return null;
        const m = v as Record<string, unknown>;
        const elemType = containerElemType(m);
        if (!Object.hasOwn(m, fieldName)) return null;
        const value = m[fieldName];
        if (elemType !== "interface {}") return value;
        if (isInvalid(value)) return NIL_IFACE;
        return isTypedGo(value) ? value : new Iface(value);
      }
    } else if (k === Kind.Pointer && isNil) {
      const known = (v as GoNil).fieldNames;
      if (!known || known.includes(fieldName)) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    }
    return this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  private evalCall(
    dot: unknown,
    fn: Builtin,
    node: Node,
    name: string,
    argNodes: readonly ArgNode[] | undefined,
    final: Final,
    receiver?: unknown,
  ): unknown {
    const args = argNodes ? argNodes.slice(1) : [];
    const numIn = args.length + (final !== MISSING ? 1 : 0);
    const numParams = fn.params.length + (fn.variadic ? 1 : 0);
    let numFixed = args.length;
    if (fn.variadic) {
      numFixed = fn.params.length;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${args.length}`);
    } else if (numIn !== numParams) this.errorf(`wrong number of args for ${name}: want ${numParams} got ${numIn}`);

    if (receiver === undefined && (name === "and" || name === "or") && fn === BUILTINS[name]) {
      let v: unknown = null;
      for (const arg of args) {
        v = this.evalArg(dot, "value", arg);
        if (isTrue(unbox(v)) === (name === "or")) return v;
      }
      if (final !== MISSING) v = this.validateType(final, "value");
      return v;
    }

    const argv: unknown[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv[i] = this.evalArg(dot, fn.params[i]!, args[i]!);
    if (fn.variadic) for (; i < args.length; i++) argv[i] = this.evalArg(dot, fn.variadic, args[i]!);
    if (final !== MISSING) {
      let t: Param;
      if (fn.variadic) t = numIn - 1 < numFixed ? fn.params[numIn - 1]! : fn.variadic;
      else t = fn.params[fn.params.length - 1]!;
      argv[i] = this.validateType(final, t);
    }
    if (receiver === undefined && name === "call" && fn === BUILTINS.call) {
      const calleeName = args.length === 0 ? `<${typeName(unbox(final))} Value>` : String(args[0]);
      argv.unshift(calleeName);
    }
    try {
      return receiver === undefined ? fn.fn(argv) : fn.fn([receiver, ...argv]);
    } catch (e) {
      if (e instanceof BuiltinError) {
        this.at(node);
        this.errorf(`error calling ${name}: ${e.message}`);
      }
      throw e;
    }
  }

  private validateType(value: unknown, typ: Param | null): unknown {
    if (isInvalid(value)) {
      if (typ === null || typ === "value" || typ === "any") return null;
      this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ !== "string") return value;
    let v = value instanceof Iface ? value.v : value;
    if (typeof v === "string") return v;
    if (v instanceof GoPtr && v.typeName === "*string") return v.value;
    if (v instanceof GoNil && v.typeName === "*string") this.errorf("dereference of nil pointer of type string");
    if (v === NIL_IFACE) v = new Iface(null);
    return this.errorf(`wrong type for value; expected string; got ${typeName(v)}`);
  }

  private evalArg(dot: unknown, typ: Param | null, n: ArgNode): unknown {
    this.at(n);
    switch (n.type) {
      case N.Dot:
        return this.validateType(dot, typ);
      case N.Nil:
        if (typ === "value" || typ === "any") return null;
        return this.errorf(`cannot assign nil to ${typ}`);
      case N.Field:
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case N.Variable:
        return this.validateType(this.evalVariableNode(dot, n, undefined, MISSING), typ);
      case N.Pipe:
        return this.validateType(this.evalPipeline(dot, n), typ);
      case N.Identifier:
        return this.validateType(this.evalFunction(dot, n, n, undefined, MISSING), typ);
      case N.Chain:
        return this.validateType(this.evalChainNode(dot, n, undefined, MISSING), typ);
    }
    if (typ === "string") {
      this.at(n);
      if (n.type === N.String) return n.text;
      return this.errorf(`expected string; found ${n}`);
    }
    return this.evalEmptyInterface(dot, n);
  }

  private evalEmptyInterface(dot: unknown, n: ArgNode): unknown {
    this.at(n);
    switch (n.type) {
      case N.Bool:
        return n.value;
      case N.Number:
        return this.idealConstant(n);
      case N.String:
        return n.text;
      default:
        return this.errorf(`can't handle assignment of ${n} to empty interface argument`);
    }
  }

  private printValue(node: ActionNode, v: unknown): void {
    this.at(node);
    if (kindOf(v) === Kind.Pointer) v = indirect(v).v;
    if (isInvalid(v)) {
      this.w.out += "<no value>";
      return;
    }
    if (typeof v === "string") {
      this.w.out += v;
      return;
    }
    if (typeof v === "function") this.errorf(`can't print ${node} of type ${typeName(v)}`);
    this.w.out += printV(v);
  }
}

/** A value read from an interface{} slot of a container. */
function box(v: unknown): unknown {
  if (isInvalid(v) || (v instanceof GoNil && v.kind === "interface")) return NIL_IFACE;
  if (isTypedGo(v)) return v;
  return new Iface(v);
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** Executes the template `name` of a parsed set on `data`. Throws TemplateError. */
export function execute(set: ParsedSet, name: string, data: unknown): string {
  const tree = set.trees.get(name);
  const state = new State(set, name, data);
  if (!tree) throw new TemplateError(`template: ${name}: ${quote(name)} is an incomplete or empty template`, "exec");
  try {
    state.run(data, tree);
  } catch (e) {
    let err = e;
    if (isStackOverflow(e)) err = new TemplateError(`template: ${name}: exceeded maximum template depth (${MAX_EXEC_DEPTH})`, "exec");
    if (err instanceof TemplateError) err.output = state.w.out;
    throw err;
  }
  return state.w.out;
}
