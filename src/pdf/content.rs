//! A content-stream tokenizer for the page walker: operations one at a time, their operands in
//! buffers reused from one operation to the next, nothing kept once the walker has painted them.
//!
//! `lopdf::content::Content::decode` builds the whole stream as objects first (a `Vec` per
//! operation, a `String` per operator, one allocation per string and name operand): on a long
//! report that was most of the PDF front end's time and memory. This reads the same grammar as
//! lopdf's decoder (its nom parsers, `parser::content`), so the walker sees the same operations:
//! it stops quietly where lopdf's decoder stops (the first operation that does not parse), and
//! reports an error where lopdf's fails the whole stream (arrays and dictionaries nested past
//! its limit). Inline images (`BI`), whose data lopdf measures from the image's dictionary, are
//! left to lopdf: a stream with `BI` in it goes through `Content::decode` (see the walker).
//!
//! The work is linear in the stream's length: each byte is looked at a bounded number of times
//! (nesting is capped, as lopdf caps it), and nothing recurses deeper than that cap.

/// How deep arrays and dictionaries may nest, and literal strings' parentheses, as in lopdf
/// (`reader::MAX_NESTING_DEPTH`, `reader::MAX_BRACKET`).
const MAX_NESTING: usize = 100;
const MAX_BRACKET: usize = 100;

/// An operand, as the walker reads it. Names and strings are decoded into
/// [`Operands::bytes`]; a range `(start, end)` points there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Operand {
    /// An integer or a real, as `f32` (an integer converted as lopdf's `as_float` does).
    Number(f32),
    /// A name, without its slash, `#xx` escapes decoded.
    Name(u32, u32),
    /// A string (literal or hexadecimal), decoded.
    Str(u32, u32),
    /// An array: its elements are `Operands::items[start..end]` (an array's own arrays are
    /// `Other`: the walker reads none).
    Array(u32, u32),
    /// Anything else: null, a boolean, a dictionary, a reference, an array inside an array.
    Other,
}

/// The operands of one operation.
#[derive(Debug, Default)]
pub struct Operands {
    /// The operands, in order.
    pub list: Vec<Operand>,
    /// The elements of the operands that are arrays.
    pub items: Vec<Operand>,
    /// The decoded bytes of names and strings.
    pub bytes: Vec<u8>,
}

impl Operands {
    fn clear(&mut self) {
        self.list.clear();
        self.items.clear();
        self.bytes.clear();
    }

    /// The `i`th operand as a finite number (integers too).
    pub fn num(&self, i: usize) -> Option<f32> {
        self.list.get(i).and_then(|o| number(*o))
    }

    /// The `i`th operand as a name.
    pub fn name(&self, i: usize) -> Option<&[u8]> {
        match self.list.get(i)? {
            Operand::Name(s, e) => self.bytes.get(*s as usize..*e as usize),
            _ => None,
        }
    }

    /// The bytes of a string operand or element.
    pub fn str_bytes(&self, o: Operand) -> Option<&[u8]> {
        match o {
            Operand::Str(s, e) => self.bytes.get(s as usize..e as usize),
            _ => None,
        }
    }

    /// The elements of the `i`th operand when it is an array.
    pub fn array(&self, i: usize) -> &[Operand] {
        match self.list.get(i) {
            Some(Operand::Array(s, e)) => self.items.get(*s as usize..*e as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The `i`th operand alone, as a slice (empty when there is none).
    pub fn one(&self, i: usize) -> &[Operand] {
        self.list.get(i..=i).unwrap_or(&[])
    }

    /// The finite numbers among the operands, in order.
    pub fn numbers(&self) -> impl Iterator<Item = f32> + '_ {
        self.list.iter().filter_map(|o| number(*o))
    }

    /// Takes one of lopdf's decoded operations' operands (the path of streams with inline
    /// images), as the tokenizer would have read them.
    pub fn load(&mut self, operands: &[lopdf::Object]) {
        self.clear();
        for o in operands {
            let operand = self.convert(o, true);
            self.list.push(operand);
        }
    }

    fn convert(&mut self, o: &lopdf::Object, top: bool) -> Operand {
        use lopdf::Object;
        match o {
            Object::Integer(i) => Operand::Number(*i as f32),
            Object::Real(r) => Operand::Number(*r),
            Object::Name(n) => {
                let (s, e) = self.push_bytes(n);
                Operand::Name(s, e)
            }
            Object::String(b, _) => {
                let (s, e) = self.push_bytes(b);
                Operand::Str(s, e)
            }
            Object::Array(a) if top => {
                let elements: Vec<Operand> = a.iter().map(|x| self.convert(x, false)).collect();
                let start = self.items.len() as u32;
                self.items.extend(elements);
                Operand::Array(start, self.items.len() as u32)
            }
            _ => Operand::Other,
        }
    }

    fn push_bytes(&mut self, b: &[u8]) -> (u32, u32) {
        let start = self.bytes.len() as u32;
        self.bytes.extend_from_slice(b);
        (start, self.bytes.len() as u32)
    }
}

/// A number operand as a finite `f32`.
pub fn number(o: Operand) -> Option<f32> {
    match o {
        Operand::Number(v) if v.is_finite() => Some(v),
        _ => None,
    }
}

/// Where lopdf's decoder would fail the whole stream (nesting past its cap): the caller asks
/// lopdf for its error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failed;

/// The next operation's operator (`None` at the end of the stream), or where it failed.
pub type Next<'a> = Result<Option<&'a [u8]>, Failed>;

/// Reads a content stream one operation at a time.
pub struct Tokenizer<'a> {
    input: &'a [u8],
    pos: usize,
}

/// The white space between operands and operators (lopdf's `content_space`: no NUL or form
/// feed, unlike the space between an array's elements).
fn is_content_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

fn is_whitespace(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0 | 0x0C)
}

fn is_delimiter(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(c: u8) -> bool {
    !is_whitespace(c) && !is_delimiter(c)
}

fn is_operator(c: u8) -> bool {
    c.is_ascii_alphabetic() || matches!(c, b'*' | b'\'' | b'"')
}

fn hex_value(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// Whether an operand or array element parsed, did not (the caller tries the next
/// alternative or stops), or failed the stream.
type Parsed<T> = Result<Option<T>, Failed>;

impl<'a> Tokenizer<'a> {
    /// A tokenizer at the start of `input`.
    pub fn new(input: &'a [u8]) -> Tokenizer<'a> {
        let mut t = Tokenizer { input, pos: 0 };
        t.skip_content_space();
        t
    }

    fn peek(&self) -> Option<u8> {
        self.input.get(self.pos).copied()
    }

    fn at(&self, k: usize) -> Option<u8> {
        self.input.get(self.pos + k).copied()
    }

    fn starts_with(&self, s: &[u8]) -> bool {
        self.input
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(s))
    }

    fn skip_content_space(&mut self) {
        while self.peek().is_some_and(is_content_space) {
            self.pos += 1;
        }
    }

    /// An end of line: `\r\n`, `\n` or `\r`.
    fn eol(&mut self) -> bool {
        match (self.peek(), self.at(1)) {
            (Some(b'\r'), Some(b'\n')) => {
                self.pos += 2;
                true
            }
            (Some(b'\r' | b'\n'), _) => {
                self.pos += 1;
                true
            }
            _ => false,
        }
    }

    /// A comment: `%` to the end of its line, which must have an end of line.
    fn comment(&mut self) -> bool {
        if self.peek() != Some(b'%') {
            return false;
        }
        let start = self.pos;
        let rest = self.input.get(self.pos..).unwrap_or_default();
        let end = memchr::memchr2(b'\r', b'\n', rest).map(|k| self.pos + k);
        match end {
            Some(e) => {
                self.pos = e;
                self.eol();
                true
            }
            None => {
                self.pos = start;
                false
            }
        }
    }

    /// The white space and comments between an array's or a dictionary's elements (lopdf's
    /// `space`).
    fn space(&mut self) {
        loop {
            if self.peek().is_some_and(is_whitespace) {
                while self.peek().is_some_and(is_whitespace) {
                    self.pos += 1;
                }
            } else if !self.comment() {
                return;
            }
        }
    }

    /// The next operation: its operator, with its operands in `ops`. `Ok(None)` at the end of
    /// the stream, or where lopdf's decoder stops reading it (an operation that does not parse,
    /// and everything after it, is dropped).
    pub fn next_operation(&mut self, ops: &mut Operands) -> Next<'a> {
        ops.clear();
        while self.comment() {}
        if self.starts_with(b"BI") {
            // Inline images are lopdf's to read (the caller checks for them first).
            return Err(Failed);
        }
        loop {
            let start = self.pos;
            match self.operand(ops)? {
                Some(o) => {
                    ops.list.push(o);
                    self.skip_content_space();
                }
                None => {
                    self.pos = start;
                    break;
                }
            }
        }
        let start = self.pos;
        while self.peek().is_some_and(is_operator) {
            self.pos += 1;
        }
        if self.pos == start {
            // Nothing parses here: lopdf's decoder ends the stream.
            self.pos = self.input.len();
            return Ok(None);
        }
        let operator = self.input.get(start..self.pos).unwrap_or_default();
        self.skip_content_space();
        Ok(Some(operator))
    }

    /// An operand (lopdf's `operand`, in its order of alternatives).
    fn operand(&mut self, ops: &mut Operands) -> Parsed<Operand> {
        let Some(c) = self.peek() else {
            return Ok(None);
        };
        match c {
            b'[' => {
                // The array's elements go into `items` (nested arrays are not kept): those of
                // one array stay together.
                let start = self.pos;
                let mark = ops.items.len();
                let mut elements = std::mem::take(&mut ops.items);
                let got = self.array(MAX_NESTING, ops, Some(&mut elements));
                let got = match got {
                    Ok(Some(())) => {
                        ops.items = elements;
                        Some(Operand::Array(mark as u32, ops.items.len() as u32))
                    }
                    Ok(None) => {
                        elements.truncate(mark);
                        ops.items = elements;
                        self.pos = start;
                        None
                    }
                    Err(e) => return Err(e),
                };
                Ok(got)
            }
            b'<' if self.at(1) == Some(b'<') => {
                let bytes = ops.bytes.len();
                let got = self.dictionary(MAX_NESTING, ops)?;
                ops.bytes.truncate(bytes);
                Ok(got.map(|()| Operand::Other))
            }
            _ => self.simple(ops, false),
        }
    }

    /// The alternatives an operand and an array element share, but arrays and dictionaries:
    /// null, booleans, (in arrays) references, numbers, names and strings.
    fn simple(&mut self, ops: &mut Operands, reference: bool) -> Parsed<Operand> {
        let Some(c) = self.peek() else {
            return Ok(None);
        };
        if self.starts_with(b"null") {
            self.pos += 4;
            return Ok(Some(Operand::Other));
        }
        if self.starts_with(b"true") {
            self.pos += 4;
            return Ok(Some(Operand::Other));
        }
        if self.starts_with(b"false") {
            self.pos += 5;
            return Ok(Some(Operand::Other));
        }
        match c {
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                if reference && c.is_ascii_digit() && self.reference() {
                    return Ok(Some(Operand::Other));
                }
                Ok(self.number())
            }
            b'/' => {
                self.pos += 1;
                let start = ops.bytes.len() as u32;
                self.name(&mut ops.bytes);
                Ok(Some(Operand::Name(start, ops.bytes.len() as u32)))
            }
            b'(' => {
                let start = ops.bytes.len();
                if self.literal_string(&mut ops.bytes) {
                    Ok(Some(Operand::Str(start as u32, ops.bytes.len() as u32)))
                } else {
                    ops.bytes.truncate(start);
                    Ok(None)
                }
            }
            b'<' => {
                let start = ops.bytes.len();
                if self.hex_string(&mut ops.bytes) {
                    Ok(Some(Operand::Str(start as u32, ops.bytes.len() as u32)))
                } else {
                    ops.bytes.truncate(start);
                    Ok(None)
                }
            }
            _ => Ok(None),
        }
    }

    /// An unsigned integer of type `T` (lopdf's `unsigned_int`: digits, which must fit).
    fn unsigned<T: std::str::FromStr>(&mut self) -> Option<T> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        let digits = self.input.get(start..self.pos).unwrap_or_default();
        let v = std::str::from_utf8(digits).ok()?.parse().ok();
        if v.is_none() {
            self.pos = start;
        }
        v
    }

    /// `n g R`, an indirect reference (in arrays and dictionaries only).
    fn reference(&mut self) -> bool {
        let start = self.pos;
        let ok = self.unsigned::<u32>().is_some()
            && {
                self.space();
                self.unsigned::<u16>().is_some()
            }
            && {
                self.space();
                self.peek() == Some(b'R')
            };
        if ok {
            self.pos += 1;
        } else {
            self.pos = start;
        }
        ok
    }

    /// A real (`1.5`, `-.5`, `3.`) or else an integer (which must fit in `i64`).
    fn number(&mut self) -> Option<Operand> {
        let start = self.pos;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        let digits_at = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        let int_digits = self.pos - digits_at;
        let text = |t: &Self| {
            t.input
                .get(start..t.pos)
                .and_then(|b| std::str::from_utf8(b).ok())
        };
        if self.peek() == Some(b'.') {
            let dot = self.pos;
            self.pos += 1;
            let frac_at = self.pos;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
            }
            if int_digits > 0 || self.pos > frac_at {
                if let Some(v) = text(self).and_then(|s| s.parse::<f32>().ok()) {
                    return Some(Operand::Number(v));
                }
            }
            self.pos = dot;
        }
        if int_digits == 0 {
            self.pos = start;
            return None;
        }
        match text(self).and_then(|s| s.parse::<i64>().ok()) {
            Some(i) => Some(Operand::Number(i as f32)),
            None => {
                self.pos = start;
                None
            }
        }
    }

    /// A name's characters after the slash: regular characters and `#xx` escapes, up to the
    /// first that is neither (a `#` without two hex digits ends it).
    fn name(&mut self, out: &mut Vec<u8>) {
        while let Some(c) = self.peek() {
            if c == b'#' {
                match (
                    self.at(1).and_then(hex_value),
                    self.at(2).and_then(hex_value),
                ) {
                    (Some(h), Some(l)) => {
                        out.push(h << 4 | l);
                        self.pos += 3;
                    }
                    _ => return,
                }
            } else if is_regular(c) {
                out.push(c);
                self.pos += 1;
            } else {
                return;
            }
        }
    }

    /// A literal string, escapes decoded, nested parentheses kept. False (and `pos` unchanged)
    /// when it does not close or nests past lopdf's cap.
    fn literal_string(&mut self, out: &mut Vec<u8>) -> bool {
        let start = self.pos;
        // The open parentheses inside the string's own.
        let mut depth = 0usize;
        self.pos += 1;
        loop {
            let Some(c) = self.peek() else {
                self.pos = start;
                return false;
            };
            match c {
                b'(' => {
                    if depth >= MAX_BRACKET {
                        self.pos = start;
                        return false;
                    }
                    depth += 1;
                    out.push(c);
                    self.pos += 1;
                }
                b')' => {
                    self.pos += 1;
                    if depth == 0 {
                        return true;
                    }
                    depth -= 1;
                    out.push(c);
                }
                b'\\' => {
                    self.pos += 1;
                    let Some(e) = self.peek() else {
                        self.pos = start;
                        return false;
                    };
                    match e {
                        b'0'..=b'7' => {
                            let mut v = 0u16;
                            let mut k = 0;
                            while k < 3 && matches!(self.peek(), Some(b'0'..=b'7')) {
                                v = v * 8 + u16::from(self.peek().unwrap_or(b'0') - b'0');
                                self.pos += 1;
                                k += 1;
                            }
                            out.push(v as u8);
                        }
                        b'\r' | b'\n' => {
                            self.eol();
                        }
                        b'n' => {
                            out.push(b'\n');
                            self.pos += 1;
                        }
                        b'r' => {
                            out.push(b'\r');
                            self.pos += 1;
                        }
                        b't' => {
                            out.push(b'\t');
                            self.pos += 1;
                        }
                        b'b' => {
                            out.push(0x08);
                            self.pos += 1;
                        }
                        b'f' => {
                            out.push(0x0C);
                            self.pos += 1;
                        }
                        other => {
                            out.push(other);
                            self.pos += 1;
                        }
                    }
                }
                _ => {
                    // Plain bytes and ends of line are kept as they are.
                    out.push(c);
                    self.pos += 1;
                }
            }
        }
    }

    /// A hexadecimal string (`<48 65>`), white space allowed between digits; an odd last digit
    /// is the high half of a byte.
    fn hex_string(&mut self, out: &mut Vec<u8>) -> bool {
        let start = self.pos;
        self.pos += 1;
        let mut high: Option<u8> = None;
        loop {
            let before = self.pos;
            while self.peek().is_some_and(is_whitespace) {
                self.pos += 1;
            }
            match self.peek().and_then(hex_value) {
                Some(d) => {
                    self.pos += 1;
                    match high.take() {
                        Some(h) => {
                            if let Some(last) = out.last_mut() {
                                *last = h << 4 | d;
                            }
                        }
                        None => {
                            out.push(d << 4);
                            high = Some(d);
                        }
                    }
                }
                None => {
                    self.pos = before;
                    break;
                }
            }
        }
        while self.peek().is_some_and(is_whitespace) {
            self.pos += 1;
        }
        if self.peek() == Some(b'>') {
            self.pos += 1;
            true
        } else {
            self.pos = start;
            false
        }
    }

    /// An array whose elements may nest `depth` levels deeper (lopdf's `array(depth)`); its
    /// elements go into `keep` when given.
    fn array(
        &mut self,
        depth: usize,
        ops: &mut Operands,
        mut keep: Option<&mut Vec<Operand>>,
    ) -> Parsed<()> {
        let start = self.pos;
        self.pos += 1;
        self.space();
        loop {
            let at = self.pos;
            match self.element(depth, ops)? {
                Some(o) => {
                    if let Some(k) = keep.as_deref_mut() {
                        k.push(o);
                    }
                    self.space();
                }
                None => {
                    self.pos = at;
                    break;
                }
            }
        }
        if self.peek() == Some(b']') {
            self.pos += 1;
            Ok(Some(()))
        } else {
            self.pos = start;
            Ok(None)
        }
    }

    /// A dictionary whose values may nest `depth` levels deeper (lopdf's `_dictionary(depth)`).
    fn dictionary(&mut self, depth: usize, ops: &mut Operands) -> Parsed<()> {
        let start = self.pos;
        self.pos += 2;
        self.space();
        loop {
            let at = self.pos;
            if self.peek() != Some(b'/') {
                break;
            }
            self.pos += 1;
            let bytes = ops.bytes.len();
            self.name(&mut ops.bytes);
            ops.bytes.truncate(bytes);
            self.space();
            match self.element(depth, ops)? {
                Some(_) => self.space(),
                None => {
                    self.pos = at;
                    break;
                }
            }
        }
        if self.starts_with(b">>") {
            self.pos += 2;
            Ok(Some(()))
        } else {
            self.pos = start;
            Ok(None)
        }
    }

    /// An element of an array or a dictionary's value (lopdf's `_direct_object(depth)`, without
    /// the space after it): nested arrays and dictionaries are read, not kept.
    fn element(&mut self, depth: usize, ops: &mut Operands) -> Parsed<Operand> {
        if depth == 0 {
            return Err(Failed);
        }
        let bytes = ops.bytes.len();
        let got = match self.simple(ops, true)? {
            Some(o) => Some(o),
            None => match self.peek() {
                Some(b'[') => self.array(depth - 1, ops, None)?.map(|()| Operand::Other),
                Some(b'<') if self.at(1) == Some(b'<') => {
                    self.dictionary(depth - 1, ops)?.map(|()| Operand::Other)
                }
                _ => None,
            },
        };
        if !matches!(got, Some(Operand::Str(..) | Operand::Name(..))) {
            ops.bytes.truncate(bytes);
        }
        Ok(got)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::content::Content;

    /// Operations in one comparable form: operator, operand kinds, strings' and names' bytes.
    type Read = Result<Vec<(String, Vec<Operand>, Vec<Vec<u8>>)>, Failed>;

    /// The operations as the tokenizer reads them.
    fn ours(input: &[u8]) -> Read {
        let mut t = Tokenizer::new(input);
        let mut ops = Operands::default();
        let mut out = Vec::new();
        while let Some(op) = t.next_operation(&mut ops)? {
            out.push(flatten(op, &ops));
        }
        Ok(out)
    }

    fn flatten(op: &[u8], ops: &Operands) -> (String, Vec<Operand>, Vec<Vec<u8>>) {
        // Ranges differ between the two paths' buffers: compare what they point at.
        let mut strings = Vec::new();
        let mut shape = Vec::new();
        for (i, o) in ops.list.iter().enumerate() {
            match o {
                Operand::Name(..) => strings.push(ops.name(i).unwrap_or_default().to_vec()),
                Operand::Str(..) => strings.push(ops.str_bytes(*o).unwrap_or_default().to_vec()),
                Operand::Array(..) => {
                    for item in ops.array(i) {
                        if let Some(b) = ops.str_bytes(*item) {
                            strings.push(b.to_vec());
                        }
                        shape.push(match item {
                            Operand::Str(..) => Operand::Str(0, 0),
                            other => *other,
                        });
                    }
                }
                _ => {}
            }
            shape.push(match o {
                Operand::Name(..) => Operand::Name(0, 0),
                Operand::Str(..) => Operand::Str(0, 0),
                Operand::Array(..) => Operand::Array(0, 0),
                other => *other,
            });
        }
        (String::from_utf8_lossy(op).into_owned(), shape, strings)
    }

    fn theirs(input: &[u8]) -> Read {
        let content = Content::decode(input).map_err(|_| Failed)?;
        let mut ops = Operands::default();
        Ok(content
            .operations
            .iter()
            .map(|op| {
                ops.load(&op.operands);
                flatten(op.operator.as_bytes(), &ops)
            })
            .collect())
    }

    /// Numbers compare by bits, so NaN and infinities agree too.
    fn same(input: &[u8]) {
        let key = |r: Read| {
            r.map(|ops| {
                ops.into_iter()
                    .map(|(op, shape, strings)| {
                        let shape: Vec<String> = shape
                            .iter()
                            .map(|o| match o {
                                Operand::Number(v) => format!("n{:x}", v.to_bits()),
                                other => format!("{other:?}"),
                            })
                            .collect();
                        (op, shape, strings)
                    })
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            key(ours(input)),
            key(theirs(input)),
            "{:?}",
            String::from_utf8_lossy(input)
        );
    }

    #[test]
    fn reads_as_lopdf_reads() {
        for input in [
            &b"BT /F1 12 Tf 72 712 Td (Hello) Tj ET"[..],
            b"q 1 0 0 1 0 0 cm 0.5 -.5 +3. 4 re f Q",
            b"[(A) -120 (B) 3.5 <41 42 4>] TJ",
            b"(a\\(b\\)c \\101\\0012 \\\nx\\q) Tj (nested (parens) here) '",
            b"1 2 (x) \" T*",
            b"/Span <</MCID 3 /A [1 0 R 2]>> BDC EMC",
            b"% comment\nBT ET",
            b"% comment\n  BT ET",
            b"%unterminated",
            b"BT 99999999999999999999 Tc ET",
            b"1 2 3 4 5 6 cm % no\n Tf",
            b"/A#20B#zz Tf",
            b"(unclosed Tj",
            b"<4 1> Tj <zz> Tj",
            b"nullx truey falsez Tj",
            b"[1 [2 [3]] <</a [4]>>] TJ",
            b"[1 0R 5] TJ [1 % c\n 0 R] TJ",
            b"d0 1d1",
            b"\x00 BT",
            b"BT\x0cET",
            b"[(a)\x00(b)] TJ",
            b"1.5.3 Tz",
            b"- Tz",
            b"",
            b"   ",
            b"<<>> BDC",
            b"<< /a >> BDC",
            b"1 2 3 4 5 6 cm\r\n1 0 0 1 0 0 cm\rq",
            b"(\\",
            b"(a\r\nb\rc\nd) Tj",
            b"/ Tf",
        ] {
            same(input);
        }
        let deep = |open: &[u8], close: &[u8], n: usize| {
            let mut s = open.repeat(n);
            s.extend(close.repeat(n));
            s.extend(b" TJ BT");
            s
        };
        for n in [99, 100, 101, 102] {
            same(&deep(b"[", b"]", n));
            same(&deep(b"(", b")", n));
            same(&deep(b"<</a ", b">>", n));
            same(&deep(b"[<</a ", b">>]", n / 2));
        }
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_read_as_lopdf_reads(parts in proptest::collection::vec(proptest::sample::select(vec![
            "BT", "ET", " ", "\n", "\r", "\t", "\0", "\x0c", "%c\n", "%", "(", ")", "\\", "\\1", "\\n",
            "<", ">", "<<", ">>", "[", "]", "/", "/F1", "#", "#41", "1", "0", "-", "+", ".", "2.5",
            "R", "Tj", "TJ", "'", "\"", "T*", "null", "true", "false", "a", "4F", "{", "}", "Tf",
        ]), 0..40)) {
            same(parts.concat().as_bytes());
        }
    }
}
