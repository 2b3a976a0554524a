// The template lexer, a port of text/template/parse's state machine. Items are produced on demand;
// an error becomes an Error item and ends the input. Positions are UTF-16 indexes into the text.

import { byteLength, isDigit, isLetter, isPrint, quote, runeDescription } from "./text.js";

export const enum T {
  Error,
  Bool,
  Char,
  CharConstant,
  Comment,
  Complex,
  Assign,
  Declare,
  EOF,
  Field,
  Identifier,
  LeftDelim,
  LeftParen,
  Number,
  Pipe,
  RawString,
  RightDelim,
  RightParen,
  Space,
  String,
  Text,
  Variable,
  Keyword, // keywords follow
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
}

export interface Item {
  typ: T;
  pos: number;
  val: string;
  line: number;
}

const KEYWORDS: Record<string, T> = {
  ".": T.Dot,
  block: T.Block,
  break: T.Break,
  continue: T.Continue,
  define: T.Define,
  else: T.Else,
  end: T.End,
  if: T.If,
  range: T.Range,
  nil: T.Nil,
  template: T.Template,
  with: T.With,
};

/** item.String(): how an item appears in "unexpected ..." parse errors. */
export function itemString(i: Item): string {
  if (i.typ === T.EOF) return "EOF";
  if (i.typ === T.Error) return i.val;
  if (i.typ > T.Keyword) return `<${i.val}>`;
  // Go checks the length in bytes, then quotes at most 10 runes.
  if (byteLength(i.val) > 10) return quote(Array.from(i.val).slice(0, 10).join("")) + "...";
  return quote(i.val);
}

const LEFT = "{{";
const RIGHT = "}}";
const LEFT_COMMENT = "/*";
const RIGHT_COMMENT = "*/";
const EOF_RUNE = -1;

function isSpace(r: number): boolean {
  return r === 0x20 || r === 0x09 || r === 0x0d || r === 0x0a;
}

function isAlphaNumeric(r: number): boolean {
  return r === 0x5f || isLetter(r) || isDigit(r);
}

function hasLeftTrimMarker(s: string, at: number): boolean {
  return s.length - at >= 2 && s.charCodeAt(at) === 0x2d && isSpace(s.charCodeAt(at + 1));
}

function hasRightTrimMarker(s: string, at: number): boolean {
  return s.length - at >= 2 && isSpace(s.charCodeAt(at)) && s.charCodeAt(at + 1) === 0x2d;
}

function trailingSpace(s: string): number {
  let n = 0;
  while (n < s.length && isSpace(s.charCodeAt(s.length - 1 - n))) n++;
  return n;
}

function leadingSpace(s: string, from: number): number {
  let n = 0;
  while (from + n < s.length && isSpace(s.charCodeAt(from + n))) n++;
  return n;
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf("\n", from); i >= 0 && i < to; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

type StateFn = ((l: Lexer) => StateFn) | null;

export class Lexer {
  private input: string;
  pos = 0;
  private start = 0;
  private atEOF = false;
  private parenDepth = 0;
  private line = 1;
  private startLine = 1;
  private item: Item = { typ: T.EOF, pos: 0, val: "EOF", line: 1 };
  private insideAction = false;
  /** width of the last rune read, for backup */
  private lastWidth = 0;

  constructor(input: string) {
    this.input = input;
  }

  nextItem(): Item {
    this.item = { typ: T.EOF, pos: this.pos, val: "EOF", line: this.startLine };
    let state: StateFn = this.insideAction ? lexInsideAction : lexText;
    while (state) state = state(this);
    return this.item;
  }

  // ---- primitives ----

  next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      this.lastWidth = 0;
      return EOF_RUNE;
    }
    const r = this.input.codePointAt(this.pos)!;
    this.lastWidth = r > 0xffff ? 2 : 1;
    this.pos += this.lastWidth;
    if (r === 0x0a) this.line++;
    return r;
  }

  peek(): number {
    if (this.pos >= this.input.length) return EOF_RUNE;
    return this.input.codePointAt(this.pos)!;
  }

  backup(): void {
    if (!this.atEOF && this.pos > 0) {
      // Step back over one rune (surrogate pairs count as one).
      let w = 1;
      const c = this.input.charCodeAt(this.pos - 1);
      if (c >= 0xdc00 && c <= 0xdfff && this.pos >= 2) {
        const h = this.input.charCodeAt(this.pos - 2);
        if (h >= 0xd800 && h <= 0xdbff) w = 2;
      }
      this.pos -= w;
      if (c === 0x0a) this.line--;
    }
  }

  thisItem(t: T): Item {
    const i: Item = { typ: t, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return i;
  }

  emit(t: T): StateFn {
    return this.emitItem(this.thisItem(t));
  }

  emitItem(i: Item): StateFn {
    this.item = i;
    return null;
  }

  ignore(): void {
    this.line += countNewlines(this.input, this.start, this.pos);
    this.start = this.pos;
    this.startLine = this.line;
  }

  accept(valid: string): boolean {
    const r = this.next();
    if (r !== EOF_RUNE && valid.includes(String.fromCodePoint(r))) return true;
    this.backup();
    return false;
  }

  acceptRun(valid: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF_RUNE || !valid.includes(String.fromCodePoint(r))) break;
    }
    this.backup();
  }

  errorf(msg: string): StateFn {
    this.item = { typ: T.Error, pos: this.start, val: msg, line: this.startLine };
    this.start = 0;
    this.pos = 0;
    this.input = "";
    return null;
  }

  atRightDelim(): { delim: boolean; trim: boolean } {
    if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(RIGHT, this.pos + 2)) return { delim: true, trim: true };
    if (this.input.startsWith(RIGHT, this.pos)) return { delim: true, trim: false };
    return { delim: false, trim: false };
  }

  atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    switch (r) {
      case EOF_RUNE:
      case 0x2e: // .
      case 0x2c: // ,
      case 0x7c: // |
      case 0x3a: // :
      case 0x29: // )
      case 0x28: // (
        return true;
    }
    return this.input.startsWith(RIGHT, this.pos);
  }

  scanNumber(): boolean {
    this.accept("+-");
    let digits = "0123456789_";
    if (this.accept("0")) {
      if (this.accept("xX")) digits = "0123456789abcdefABCDEF_";
      else if (this.accept("oO")) digits = "01234567_";
      else if (this.accept("bB")) digits = "01_";
    }
    this.acceptRun(digits);
    if (this.accept(".")) this.acceptRun(digits);
    if (digits.length === 11 && this.accept("eE")) {
      this.accept("+-");
      this.acceptRun("0123456789_");
    }
    if (digits.length === 23 && this.accept("pP")) {
      this.accept("+-");
      this.acceptRun("0123456789_");
    }
    this.accept("i");
    if (isAlphaNumeric(this.peek())) {
      this.next();
      return false;
    }
    return true;
  }

  // Accessors used by the state functions below.
  get text(): string {
    return this.input;
  }
  get itemStart(): number {
    return this.start;
  }
  setPos(p: number): void {
    this.pos = p;
  }
  addLines(n: number): void {
    this.line += n;
  }
  setInsideAction(v: boolean): void {
    this.insideAction = v;
  }
  resetParens(): void {
    this.parenDepth = 0;
  }
  parenDelta(d: number): number {
    this.parenDepth += d;
    return this.parenDepth;
  }
  get parens(): number {
    return this.parenDepth;
  }
}

function lexText(l: Lexer): StateFn {
  const input = l.text;
  const x = input.indexOf(LEFT, l.pos);
  if (x >= 0) {
    if (x > l.pos) {
      let trimLength = 0;
      if (hasLeftTrimMarker(input, x + LEFT.length)) trimLength = trailingSpace(input.slice(l.itemStart, x));
      l.setPos(x - trimLength);
      l.addLines(countNewlines(input, l.itemStart, l.pos));
      const item = l.thisItem(T.Text);
      l.setPos(l.pos + trimLength);
      l.ignore();
      if (item.val.length > 0) return l.emitItem(item);
    }
    return lexLeftDelim;
  }
  l.setPos(input.length);
  if (l.pos > l.itemStart) {
    l.addLines(countNewlines(input, l.itemStart, l.pos));
    return l.emit(T.Text);
  }
  return l.emit(T.EOF);
}

function lexLeftDelim(l: Lexer): StateFn {
  const input = l.text;
  l.setPos(l.pos + LEFT.length);
  const trimSpace = hasLeftTrimMarker(input, l.pos);
  const afterMarker = trimSpace ? 2 : 0;
  if (input.startsWith(LEFT_COMMENT, l.pos + afterMarker)) {
    l.setPos(l.pos + afterMarker);
    l.ignore();
    return lexComment;
  }
  const i = l.thisItem(T.LeftDelim);
  l.setInsideAction(true);
  l.setPos(l.pos + afterMarker);
  l.ignore();
  l.resetParens();
  return l.emitItem(i);
}

function lexComment(l: Lexer): StateFn {
  const input = l.text;
  l.setPos(l.pos + LEFT_COMMENT.length);
  const x = input.indexOf(RIGHT_COMMENT, l.pos);
  if (x < 0) return l.errorf("unclosed comment");
  l.setPos(x + RIGHT_COMMENT.length);
  const { delim, trim } = l.atRightDelim();
  if (!delim) return l.errorf("comment ends before closing delimiter");
  l.addLines(countNewlines(input, l.itemStart, l.pos));
  l.thisItem(T.Comment);
  if (trim) l.setPos(l.pos + 2);
  l.setPos(l.pos + RIGHT.length);
  if (trim) l.setPos(l.pos + leadingSpace(input, l.pos));
  l.ignore();
  return lexText;
}

function lexRightDelim(l: Lexer): StateFn {
  const input = l.text;
  const { trim } = l.atRightDelim();
  if (trim) {
    l.setPos(l.pos + 2);
    l.ignore();
  }
  l.setPos(l.pos + RIGHT.length);
  const i = l.thisItem(T.RightDelim);
  if (trim) {
    l.setPos(l.pos + leadingSpace(input, l.pos));
    l.ignore();
  }
  l.setInsideAction(false);
  return l.emitItem(i);
}

function lexInsideAction(l: Lexer): StateFn {
  const { delim } = l.atRightDelim();
  if (delim) {
    if (l.parens === 0) return lexRightDelim;
    return l.errorf("unclosed left paren");
  }
  const r = l.next();
  if (r === EOF_RUNE) return l.errorf("unclosed action");
  if (isSpace(r)) {
    l.backup();
    return lexSpace;
  }
  switch (r) {
    case 0x3d: // =
      return l.emit(T.Assign);
    case 0x3a: // :
      if (l.next() !== 0x3d) return l.errorf("expected :=");
      return l.emit(T.Declare);
    case 0x7c: // |
      return l.emit(T.Pipe);
    case 0x22: // "
      return lexQuote;
    case 0x60: // `
      return lexRawQuote;
    case 0x24: // $
      return lexVariable;
    case 0x27: // '
      return lexChar;
    case 0x28: // (
      l.parenDelta(1);
      return l.emit(T.LeftParen);
    case 0x29: // )
      if (l.parenDelta(-1) < 0) return l.errorf("unexpected right paren");
      return l.emit(T.RightParen);
  }
  if (r === 0x2e) {
    const c = l.text.charCodeAt(l.pos);
    if (l.pos < l.text.length && (c < 0x30 || c > 0x39)) return lexField;
    l.backup();
    return lexNumber;
  }
  if (r === 0x2b || r === 0x2d || (r >= 0x30 && r <= 0x39)) {
    l.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    l.backup();
    return lexIdentifier;
  }
  if (r <= 0x7f && isPrint(r)) return l.emit(T.Char);
  return l.errorf(`unrecognized character in action: ${runeDescription(r)}`);
}

function lexSpace(l: Lexer): StateFn {
  let numSpaces = 0;
  while (isSpace(l.peek())) {
    l.next();
    numSpaces++;
  }
  if (hasRightTrimMarker(l.text, l.pos - 1) && l.text.startsWith(RIGHT, l.pos - 1 + 2)) {
    l.backup();
    if (numSpaces === 1) return lexRightDelim;
  }
  return l.emit(T.Space);
}

function lexIdentifier(l: Lexer): StateFn {
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r)) continue;
    l.backup();
    const word = l.text.slice(l.itemStart, l.pos);
    if (!l.atTerminator()) return l.errorf(`bad character ${runeDescription(r)}`);
    const kw = KEYWORDS[word];
    if (kw !== undefined && Object.hasOwn(KEYWORDS, word) && kw > T.Keyword) return l.emit(kw);
    if (word === "true" || word === "false") return l.emit(T.Bool);
    return l.emit(T.Identifier);
  }
}

function lexField(l: Lexer): StateFn {
  return lexFieldOrVariable(l, T.Field);
}

function lexVariable(l: Lexer): StateFn {
  if (l.atTerminator()) return l.emit(T.Variable);
  return lexFieldOrVariable(l, T.Variable);
}

function lexFieldOrVariable(l: Lexer, typ: T): StateFn {
  if (l.atTerminator()) return l.emit(typ === T.Variable ? T.Variable : T.Dot);
  let r: number;
  for (;;) {
    r = l.next();
    if (!isAlphaNumeric(r)) {
      l.backup();
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${runeDescription(r)}`);
  return l.emit(typ);
}

function lexChar(l: Lexer): StateFn {
  for (;;) {
    let r = l.next();
    if (r === 0x5c) {
      r = l.next();
      if (r !== EOF_RUNE && r !== 0x0a) continue;
    }
    if (r === EOF_RUNE || r === 0x0a) return l.errorf("unterminated character constant");
    if (r === 0x27) break;
  }
  return l.emit(T.CharConstant);
}

function lexNumber(l: Lexer): StateFn {
  if (!l.scanNumber()) return l.errorf(`bad number syntax: ${quote(l.text.slice(l.itemStart, l.pos))}`);
  const sign = l.peek();
  if (sign === 0x2b || sign === 0x2d) {
    if (!l.scanNumber() || l.text[l.pos - 1] !== "i") return l.errorf(`bad number syntax: ${quote(l.text.slice(l.itemStart, l.pos))}`);
    return l.emit(T.Complex);
  }
  return l.emit(T.Number);
}

function lexQuote(l: Lexer): StateFn {
  for (;;) {
    let r = l.next();
    if (r === 0x5c) {
      r = l.next();
      if (r !== EOF_RUNE && r !== 0x0a) continue;
    }
    if (r === EOF_RUNE || r === 0x0a) return l.errorf("unterminated quoted string");
    if (r === 0x22) break;
  }
  return l.emit(T.String);
}

function lexRawQuote(l: Lexer): StateFn {
  for (;;) {
    const r = l.next();
    if (r === EOF_RUNE) return l.errorf("unterminated raw quoted string");
    if (r === 0x60) break;
  }
  return l.emit(T.RawString);
}
