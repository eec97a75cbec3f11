//! The glyphs of a page: walks its content stream (and the form XObjects it paints) with the
//! text state and matrices of the PDF imaging model, and gives each glyph its text, its origin on
//! the page, its size, its advance width and its font's weight and slant.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::content::{Failed, Next, Operand, Operands, Tokenizer, number};
use super::fonts::{Font, num};

/// One glyph as painted.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// What it reads as (usually one character); glyphs of one code share it.
    pub text: Rc<str>,
    /// Left edge of the glyph origin, in points from the page's left edge.
    pub x: f32,
    /// Baseline, in points from the page's top edge (downwards).
    pub y: f32,
    /// Advance width in points.
    pub width: f32,
    /// Font size in points, as rendered (text matrix and page transformation applied).
    pub size: f32,
    /// From a bold face.
    pub bold: bool,
    /// From an italic face.
    pub italic: bool,
    /// Whether the glyph stands upright on the page (text rotated on a page that is not is
    /// read in its own direction, see the layout).
    pub upright: bool,
}

/// An affine matrix `[a b c d e f]` in PDF's row-vector convention.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translate(tx: f32, ty: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, tx, ty])
    }

    /// `self` then `other` (`self × other`).
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    /// The first six of `numbers`, when there are six.
    fn from_numbers(mut numbers: impl Iterator<Item = f32>) -> Option<Matrix> {
        let mut arr = [0.0; 6];
        for v in &mut arr {
            *v = numbers.next()?;
        }
        Some(Matrix(arr))
    }
}

#[derive(Clone)]
struct State<'a> {
    ctm: Matrix,
    /// The font set, when the resources have it.
    font: Option<Rc<Font<'a>>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    h_scale: f32,
    leading: f32,
    rise: f32,
}

/// How deep form XObjects may nest, and how many operators a page may run: hostile input must
/// end.
const MAX_FORM_DEPTH: usize = 8;
const MAX_OPERATIONS: usize = 2_000_000;
/// The most glyphs one page may give (a page of letter text has a few thousand).
const MAX_GLYPHS: usize = 500_000;

/// The page's glyphs, and its height in points.
pub struct Page {
    /// The glyphs, in the order they were painted.
    pub glyphs: Vec<Glyph>,
    /// The page's width in points, as displayed (after `Rotate`).
    pub width: f32,
    /// The page's height in points, as displayed.
    pub height: f32,
    /// The horizontal rules drawn on the page (thin filled rectangles, stroked lines): the
    /// separator above the footnotes is one.
    pub rules: Vec<Rule>,
}

/// A horizontal rule drawn on a page, in the glyphs' coordinates (points, y down from the top).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Left end.
    pub x0: f32,
    /// Right end.
    pub x1: f32,
    /// Height on the page.
    pub y: f32,
}

/// The thickest a drawn rule may be, and the shortest, in points.
const RULE_THICKNESS: f32 = 2.5;
const RULE_LENGTH: f32 = 20.0;
/// The most rules kept of one page (a page of ruled table cells draws hundreds).
const MAX_RULES: usize = 10_000;

/// The fonts of a document, each read once (pages share their fonts, and reading one decodes
/// its `ToUnicode` map): by the address of its dictionary, which the document holds still.
#[derive(Default)]
pub struct Fonts<'a> {
    loaded: HashMap<*const Dictionary, Rc<Font<'a>>>,
}

impl<'a> Fonts<'a> {
    fn get(&mut self, doc: &'a Document, dict: &'a Dictionary) -> Rc<Font<'a>> {
        self.loaded
            .entry(std::ptr::from_ref(dict))
            .or_insert_with(|| Rc::new(Font::load(doc, dict)))
            .clone()
    }
}

/// Reads the glyphs of one page, its fonts read through `fonts`; `content` holds its content
/// streams while it is walked (a buffer kept from page to page: a fresh one for each page was
/// fresh memory the kernel had to clear, most of the time of a long report).
pub fn page_glyphs<'a>(
    doc: &'a Document,
    page_id: ObjectId,
    fonts: &mut Fonts<'a>,
    content: &mut Vec<u8>,
) -> lopdf::Result<Page> {
    let page = doc.get_dictionary(page_id)?;
    let [x0, y0, x1, y1] = media_box(doc, page).unwrap_or([0.0, 0.0, 612.0, 792.0]);
    let rotate = inherited(doc, page, b"Rotate")
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(0)
        .rem_euclid(360);
    let (w, h) = ((x1 - x0).abs(), (y1 - y0).abs());
    // Device space: y down from the top-left corner of the page as displayed.
    let base = match rotate {
        90 => Matrix([0.0, 1.0, 1.0, 0.0, -y0, -x0]),
        180 => Matrix([-1.0, 0.0, 0.0, 1.0, x1, -y0]),
        270 => Matrix([0.0, -1.0, -1.0, 0.0, y1, x1]),
        _ => Matrix([1.0, 0.0, 0.0, -1.0, -x0, y1]),
    };
    let (width, height) = if rotate == 90 || rotate == 270 {
        (h, w)
    } else {
        (w, h)
    };
    let page_fonts = doc
        .get_page_fonts(page_id)?
        .into_iter()
        .map(|(k, d)| (k, fonts.get(doc, d)))
        .collect();
    let mut walker = Walker {
        doc,
        glyphs: Vec::new(),
        rules: Vec::new(),
        operations: 0,
        fonts: page_fonts,
        cache: fonts,
    };
    page_content(doc, page_id, content);
    let resources = page_resources(doc, page);
    walker.run(content, resources, base, 0)?;
    // Every page's glyphs are held until the body size is known: no room to spare.
    walker.glyphs.shrink_to_fit();
    Ok(Page {
        glyphs: walker.glyphs,
        width,
        height,
        rules: walker.rules,
    })
}

/// What `Document::get_page_content` gives, into `out`: the page's content streams decoded, each
/// followed by a new line.
fn page_content(doc: &Document, page_id: ObjectId, out: &mut Vec<u8>) {
    out.clear();
    for id in doc.get_page_contents(page_id) {
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            continue;
        };
        if !inflate_onto(stream, out) {
            match stream.decompressed_content() {
                Ok(data) => out.extend_from_slice(&data),
                Err(_) => out.extend_from_slice(&stream.content),
            }
        }
        out.push(b'\n');
    }
}

/// Inflates a stream whose one filter is `FlateDecode`, without parameters, onto the end of
/// `out`, as lopdf's `decompressed_content` does (zlib; raw deflate after the two-byte header
/// when zlib gives nothing at all); false, and nothing written, for any other stream.
fn inflate_onto(stream: &lopdf::Stream, out: &mut Vec<u8>) -> bool {
    use std::io::Read;
    let params = stream
        .dict
        .get(b"DecodeParms")
        .and_then(Object::as_dict)
        .ok();
    let flate = matches!(stream.filters().as_deref(), Ok([f]) if *f == b"FlateDecode");
    if params.is_some() || !flate {
        return false;
    }
    let input = stream.content.as_slice();
    let start = out.len();
    if !input.is_empty()
        && flate2::read::ZlibDecoder::new(input)
            .read_to_end(out)
            .is_err()
        && out.len() == start
        && let Some(raw) = input.get(2..).filter(|r| !r.is_empty())
    {
        let _ = flate2::read::DeflateDecoder::new(raw).read_to_end(out);
    }
    true
}

fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..32 {
        if let Ok(v) = node.get_deref(key, doc) {
            return Some(v);
        }
        node = node
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|id| doc.get_dictionary(id))
            .ok()?;
    }
    None
}

fn media_box(doc: &Document, page: &Dictionary) -> Option<[f32; 4]> {
    let arr = inherited(doc, page, b"CropBox")
        .or_else(|| inherited(doc, page, b"MediaBox"))?
        .as_array()
        .ok()?;
    let v: Vec<f32> = arr.iter().filter_map(num).collect();
    let [a, b, c, d]: [f32; 4] = v.get(..4)?.try_into().ok()?;
    Some([a.min(c), b.min(d), a.max(c), b.max(d)])
}

fn page_resources<'a>(doc: &'a Document, page: &'a Dictionary) -> Option<&'a Dictionary> {
    inherited(doc, page, b"Resources").and_then(|o| o.as_dict().ok())
}

type FontMap<'a> = HashMap<Vec<u8>, Rc<Font<'a>>>;

struct Walker<'a, 'f> {
    doc: &'a Document,
    glyphs: Vec<Glyph>,
    rules: Vec<Rule>,
    operations: usize,
    /// The page's fonts, by resource name.
    fonts: FontMap<'a>,
    cache: &'f mut Fonts<'a>,
}

impl<'a> Walker<'a, '_> {
    /// Paints a content stream. Streams are read by [`Tokenizer`], one operation at a time;
    /// one with an inline image (`BI`), or one the tokenizer finds lopdf's decoder would refuse,
    /// is decoded by lopdf (whose error it then is), the tokenizer's work undone.
    fn run(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        ctm: Matrix,
        depth: usize,
    ) -> lopdf::Result<()> {
        // A form's own fonts shadow the page's while it is painted.
        let local_fonts: FontMap<'a> = if depth > 0 {
            resources
                .and_then(|r| r.get_deref(b"Font", self.doc).ok())
                .and_then(|o| o.as_dict().ok())
                .map(|fd| {
                    fd.iter()
                        .filter_map(|(k, v)| {
                            let d = match v {
                                Object::Reference(id) => self.doc.get_dictionary(*id).ok()?,
                                Object::Dictionary(d) => d,
                                _ => return None,
                            };
                            Some((k.clone(), self.cache.get(self.doc, d)))
                        })
                        .collect()
                })
                .unwrap_or_default()
        } else {
            HashMap::new()
        };
        let mark = (self.glyphs.len(), self.rules.len(), self.operations);
        if memchr::memmem::find(content, b"BI").is_none() {
            let mut tokens = Tokenizer::new(content);
            let mut next = |ops: &mut Operands| tokens.next_operation(ops);
            if self
                .paint(&mut next, resources, ctm, depth, &local_fonts)
                .is_ok()
            {
                return Ok(());
            }
            self.glyphs.truncate(mark.0);
            self.rules.truncate(mark.1);
            self.operations = mark.2;
        }
        let decoded = Content::decode(content)?;
        let mut operations = decoded.operations.iter();
        let mut next = |ops: &mut Operands| {
            Ok(operations.next().map(|op| {
                ops.load(&op.operands);
                op.operator.as_bytes()
            }))
        };
        // Decoded operations never fail.
        let _ = self.paint(&mut next, resources, ctm, depth, &local_fonts);
        Ok(())
    }

    /// Paints the operations `next` gives; `Err` when it fails (the caller undoes what was
    /// painted). Past the limits, the rest is still read through, as lopdf's decoder reads it
    /// all before any is painted.
    fn paint<'c>(
        &mut self,
        next: &mut dyn FnMut(&mut Operands) -> Next<'c>,
        resources: Option<&'a Dictionary>,
        ctm: Matrix,
        depth: usize,
        local_fonts: &FontMap<'a>,
    ) -> Result<(), Failed> {
        let mut gs = State {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let mut stack: Vec<State> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        // The current point of the path being built (user space).
        let mut point: Option<(f32, f32)> = None;
        let mut o = Operands::default();
        while let Some(operator) = next(&mut o)? {
            self.operations += 1;
            if self.operations > MAX_OPERATIONS || self.glyphs.len() > MAX_GLYPHS {
                while next(&mut o)?.is_some() {}
                break;
            }
            let n = |i: usize| o.num(i).unwrap_or(0.0);
            match operator {
                b"q" if stack.len() < 256 => stack.push(gs.clone()),
                b"Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                b"cm" => {
                    if let Some(m) = Matrix::from_numbers(o.numbers()) {
                        gs.ctm = m.then(gs.ctm);
                    }
                }
                b"BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                b"m" => point = Some((n(0), n(1))),
                b"l" => {
                    if let Some((x, y)) = point {
                        self.rule(gs.ctm, (x, y), (n(0), n(1)));
                    }
                    point = Some((n(0), n(1)));
                }
                b"re" => {
                    // A thin rectangle is drawn as a rule along its middle.
                    let (x, y, w, h) = (n(0), n(1), n(2), n(3));
                    let (a, b) = ((x, y + h / 2.0), (x + w, y + h / 2.0));
                    let thin = |m: Matrix| {
                        let [_, _, c, d, _, _] = m.0;
                        (h * (c * c + d * d).sqrt()).abs() <= RULE_THICKNESS
                    };
                    if thin(gs.ctm) {
                        self.rule(gs.ctm, a, b);
                    }
                    point = None;
                }
                b"Tf" => {
                    // The font is looked up once here, not at each string it shows.
                    gs.font = o
                        .name(0)
                        .and_then(|key| local_fonts.get(key).or_else(|| self.fonts.get(key)))
                        .cloned();
                    gs.size = n(1);
                }
                b"Tc" => gs.char_spacing = n(0),
                b"Tw" => gs.word_spacing = n(0),
                b"Tz" => gs.h_scale = n(0) / 100.0,
                b"TL" => gs.leading = n(0),
                b"Ts" => gs.rise = n(0),
                b"Td" => {
                    tlm = Matrix::translate(n(0), n(1)).then(tlm);
                    tm = tlm;
                }
                b"TD" => {
                    gs.leading = -n(1);
                    tlm = Matrix::translate(n(0), n(1)).then(tlm);
                    tm = tlm;
                }
                b"Tm" => {
                    if let Some(m) = Matrix::from_numbers(o.numbers()) {
                        tlm = m;
                        tm = m;
                    }
                }
                b"T*" => {
                    tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" | b"TJ" => {
                    if operator == b"'" || operator == b"\"" {
                        if operator == b"\"" {
                            gs.word_spacing = n(0);
                            gs.char_spacing = n(1);
                        }
                        tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                        tm = tlm;
                    }
                    let items: &[Operand] = match operator {
                        b"TJ" => o.array(0),
                        b"\"" => o.one(2),
                        _ => o.one(0),
                    };
                    for item in items {
                        if let Some(bytes) = o.str_bytes(*item) {
                            self.show(bytes, &gs, &mut tm);
                        } else if let Some(adj) = number(*item) {
                            let tx = -adj / 1000.0 * gs.size * gs.h_scale;
                            tm = Matrix::translate(tx, 0.0).then(tm);
                        }
                    }
                }
                b"Do" if depth < MAX_FORM_DEPTH => {
                    let Some(name) = o.name(0) else {
                        continue;
                    };
                    let Some(stream) = resources
                        .and_then(|r| r.get_deref(b"XObject", self.doc).ok())
                        .and_then(|x| x.as_dict().ok())
                        .and_then(|x| x.get_deref(name, self.doc).ok())
                        .and_then(|x| x.as_stream().ok())
                    else {
                        continue;
                    };
                    if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
                        continue;
                    }
                    let matrix = stream
                        .dict
                        .get(b"Matrix")
                        .and_then(Object::as_array)
                        .ok()
                        .and_then(|a| Matrix::from_numbers(a.iter().filter_map(num)))
                        .unwrap_or(Matrix::IDENTITY);
                    let form_resources = stream
                        .dict
                        .get_deref(b"Resources", self.doc)
                        .and_then(Object::as_dict)
                        .ok()
                        .or(resources);
                    let data = stream
                        .decompressed_content()
                        .unwrap_or_else(|_| stream.content.clone());
                    // A broken form loses its own text, not the page's.
                    let _ = self.run(&data, form_resources, matrix.then(gs.ctm), depth + 1);
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Keeps the segment from `a` to `b` (user space, under `ctm`) when it lies level on the
    /// page and is long enough to be a rule.
    fn rule(&mut self, ctm: Matrix, a: (f32, f32), b: (f32, f32)) {
        let at = |(x, y): (f32, f32)| {
            let [m0, m1, m2, m3, m4, m5] = ctm.0;
            (x * m0 + y * m2 + m4, x * m1 + y * m3 + m5)
        };
        let ((x0, y0), (x1, y1)) = (at(a), at(b));
        let level = (y1 - y0).abs() <= 0.5;
        let long = (x1 - x0).abs() >= RULE_LENGTH;
        if level
            && long
            && [x0, x1, y0].iter().all(|v| v.is_finite())
            && self.rules.len() < MAX_RULES
        {
            self.rules.push(Rule {
                x0: x0.min(x1),
                x1: x0.max(x1),
                y: (y0 + y1) / 2.0,
            });
        }
    }

    fn show(&mut self, bytes: &[u8], gs: &State, tm: &mut Matrix) {
        let Some(font) = gs.font.as_ref() else {
            return;
        };
        for code in font.codes(bytes) {
            let trm = Matrix([gs.size * gs.h_scale, 0.0, 0.0, gs.size, 0.0, gs.rise])
                .then(*tm)
                .then(gs.ctm);
            let [a, b, c, d, e, f] = trm.0;
            // The rendered size: the vertical extent of a unit em, whatever the rotation.
            let size = (c * c + d * d).sqrt();
            let advance = (code.width / 1000.0 * gs.size
                + gs.char_spacing
                + if code.is_space { gs.word_spacing } else { 0.0 })
                * gs.h_scale;
            let width = advance * (a * a + b * b).sqrt() / (gs.size * gs.h_scale).abs().max(1e-6);
            if !code.text.is_empty() && size.is_finite() && e.is_finite() && f.is_finite() {
                self.glyphs.push(Glyph {
                    text: code.text,
                    x: e,
                    y: f,
                    width: width.abs(),
                    size,
                    bold: font.bold,
                    italic: font.italic,
                    upright: a > 0.0 && b.abs() <= a.abs() * 0.1,
                });
            }
            *tm = Matrix::translate(advance, 0.0).then(*tm);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_in_pdf_order() {
        let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix::translate(10.0, 5.0);
        // Scale, then shift: the shift is not scaled.
        assert_eq!(scale.then(shift).0, [2.0, 0.0, 0.0, 2.0, 10.0, 5.0]);
        // Shift, then scale: it is.
        assert_eq!(shift.then(scale).0, [2.0, 0.0, 0.0, 2.0, 20.0, 10.0]);
    }
}
