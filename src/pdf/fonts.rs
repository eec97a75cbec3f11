//! The fonts of a page as the PDF front end needs them: how a string's bytes split into character
//! codes, what each code reads as (through `ToUnicode` or the simple encodings), how wide each
//! glyph is, and whether the face is bold or italic (from `BaseFont` and the font descriptor).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Encoding, Object};

/// One font of a page's resources.
pub struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    /// Whether codes are two bytes (composite `Type0` fonts) rather than one.
    two_byte: bool,
    /// Glyph widths in thousandths of the text space unit, by code.
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// Whether the face is bold (`TimesNewRomanPS-BoldMT`, or the descriptor's force-bold flag).
    pub bold: bool,
    /// Whether the face is italic or oblique (name, descriptor flag or italic angle).
    pub italic: bool,
    /// What each code met so far reads as: decoding through the crate allocates several
    /// buffers per code, and a page repeats a few dozen codes thousands of times. At most 65,536
    /// entries (codes are one or two bytes).
    decoded: RefCell<HashMap<u32, Rc<str>>>,
}

/// A decoded character code: what it reads as and how wide its glyph is.
pub struct Code {
    /// The Unicode text (usually one character; empty when the font cannot say), shared by
    /// every glyph of the code: a page's glyphs hold no text of their own.
    pub text: Rc<str>,
    /// Width in thousandths of the text space unit.
    pub width: f32,
    /// Whether this is the single-byte code 32, to which word spacing applies.
    pub is_space: bool,
}

/// A number object as `f32` (integers too).
pub fn num(o: &Object) -> Option<f32> {
    o.as_float().ok().filter(|v| v.is_finite())
}

impl<'a> Font<'a> {
    /// Reads a font dictionary. Fonts the crate cannot decode still give widths and a style, so
    /// the glyphs keep their places even when their text is lost.
    pub fn load(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let two_byte = subtype == b"Type0";
        let base = dict
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let encoding = dict.get_font_encoding(doc).ok();
        let mut widths = HashMap::new();
        let mut default_width = 500.0;
        let descriptor_holder = if two_byte {
            let descendant = dict
                .get_deref(b"DescendantFonts", doc)
                .and_then(Object::as_array)
                .ok()
                .and_then(|a| a.first())
                .and_then(|o| deref_dict(doc, o));
            if let Some(d) = descendant {
                default_width = d.get(b"DW").ok().and_then(num).unwrap_or(1000.0);
                if let Ok(w) = d.get_deref(b"W", doc).and_then(Object::as_array) {
                    read_cid_widths(doc, w, &mut widths);
                }
            }
            descendant
        } else {
            let first = dict
                .get(b"FirstChar")
                .ok()
                .and_then(num)
                .map_or(0, |f| f.max(0.0) as u32);
            if let Ok(w) = dict.get_deref(b"Widths", doc).and_then(Object::as_array) {
                for (i, o) in w.iter().enumerate().take(65_536) {
                    if let Some(v) = deref_num(doc, o) {
                        widths.insert(first + i as u32, v);
                    }
                }
            }
            Some(dict)
        };
        let descriptor = descriptor_holder
            .and_then(|d| d.get(b"FontDescriptor").ok())
            .and_then(|o| deref_dict(doc, o));
        if let Some(w) = descriptor
            .and_then(|d| d.get(b"MissingWidth").ok())
            .and_then(num)
            .filter(|w| *w > 0.0)
        {
            default_width = w;
        }
        let flags = descriptor
            .and_then(|d| d.get(b"Flags").ok())
            .and_then(|o| o.as_i64().ok())
            .unwrap_or(0);
        let angle = descriptor
            .and_then(|d| d.get(b"ItalicAngle").ok())
            .and_then(num)
            .unwrap_or(0.0);
        let (bold, italic) = style_of(&base, flags, angle);
        Font {
            encoding,
            two_byte,
            widths,
            default_width,
            bold,
            italic,
            decoded: RefCell::default(),
        }
    }

    /// Splits a string operand into its codes, decoded.
    pub fn codes<'s>(&'s self, bytes: &'s [u8]) -> impl Iterator<Item = Code> + 's {
        let step = if self.two_byte { 2 } else { 1 };
        bytes.chunks(step).map(move |c| {
            let code = c.iter().fold(0u32, |acc, b| acc * 256 + u32::from(*b));
            // A trailing odd byte of a two-byte font is its own code: keyed apart from the
            // two-byte code of the same value.
            let key = code | if c.len() < step { 1 << 31 } else { 0 };
            let text = self
                .decoded
                .borrow_mut()
                .entry(key)
                .or_insert_with(|| {
                    self.encoding
                        .as_ref()
                        .and_then(|e| e.bytes_to_string(c).ok())
                        .unwrap_or_default()
                        .replace('\u{fffd}', "")
                        .into()
                })
                .clone();
            Code {
                width: self
                    .widths
                    .get(&code)
                    .copied()
                    .unwrap_or(self.default_width),
                is_space: !self.two_byte && code == 32,
                text,
            }
        })
    }
}

/// Bold and italic from a font's name and descriptor: `Flags` bit 7 is italic, bit 19 force-bold.
pub fn style_of(base_font: &str, flags: i64, italic_angle: f32) -> (bool, bool) {
    // A subset prefix (`BCDEEE+`) is six capitals and a plus.
    let name = base_font.split_once('+').map_or(base_font, |(_, n)| n);
    let lower = name.to_ascii_lowercase();
    let bold = ["bold", "black", "heavy", "semibold", "demi"]
        .iter()
        .any(|w| lower.contains(w))
        || flags & (1 << 18) != 0;
    let italic = lower.contains("italic")
        || lower.contains("oblique")
        || flags & (1 << 6) != 0
        || italic_angle.abs() > 0.5;
    (bold, italic)
}

fn deref_dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    match o {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

fn deref_num(doc: &Document, o: &Object) -> Option<f32> {
    match o {
        Object::Reference(id) => doc.get_object(*id).ok().and_then(num),
        other => num(other),
    }
}

/// A CID font's `W` array: `c [w1 w2 ...]` gives consecutive widths from `c`, `cfirst clast w`
/// one width for a range (capped: a hostile range must not fill memory).
fn read_cid_widths(doc: &Document, w: &[Object], out: &mut HashMap<u32, f32>) {
    let mut i = 0;
    while let Some(first) = w.get(i).and_then(|o| deref_num(doc, o)) {
        let first = first.max(0.0) as u32;
        match w.get(i + 1) {
            Some(Object::Array(list)) => {
                for (k, o) in list.iter().enumerate().take(65_536) {
                    if let Some(v) = deref_num(doc, o) {
                        out.insert(first + k as u32, v);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let (Some(last), Some(v)) = (deref_num(doc, o), w.get(i + 2).and_then(num)) else {
                    break;
                };
                let last = (last.max(0.0) as u32).min(first.saturating_add(65_536));
                for c in first..=last {
                    out.insert(c, v);
                }
                i += 3;
            }
            None => break,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_from_names_and_flags() {
        assert_eq!(style_of("TimesNewRomanPSMT", 34, 0.0), (false, false));
        assert_eq!(
            style_of("ABCDEF+TimesNewRomanPS-BoldMT", 0, 0.0),
            (true, false)
        );
        assert_eq!(style_of("TimesNewRomanPS-ItalicMT", 0, 0.0), (false, true));
        assert_eq!(style_of("Arial-BoldItalicMT", 0, 0.0), (true, true));
        assert_eq!(style_of("Plain", 1 << 6, 0.0), (false, true));
        assert_eq!(style_of("Plain", 1 << 18, -12.0), (true, true));
    }
}
