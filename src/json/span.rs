//! Where a JSON Pointer lands in JSON text: a small scanner over the source that walks to the
//! pointed value and returns its byte offset, so a schema error on `/body/3/text` can name the
//! line and column the user sees.
//!
//! serde_json's `Value` forgets positions; re-scanning the text for the few values that have an
//! error is cheaper and simpler than building a position-carrying tree for every file.

/// The byte offset in `text` of the value `pointer` designates (`""` is the whole document), or
/// of the nearest enclosing value that exists. `None` only if `text` holds no JSON value at all.
pub fn locate(text: &str, pointer: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    if pos >= bytes.len() {
        return None;
    }
    let tokens = pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"));
    for token in tokens {
        match find_child(bytes, pos, &token) {
            Some(child) => pos = child,
            None => break,
        }
    }
    Some(pos)
}

/// The offset of the child `token` of the container starting at `pos`.
fn find_child(bytes: &[u8], pos: usize, token: &str) -> Option<usize> {
    match bytes.get(pos)? {
        b'{' => {
            let mut i = skip_ws(bytes, pos + 1);
            loop {
                if bytes.get(i)? != &b'"' {
                    return None;
                }
                let key_end = skip_string(bytes, i)?;
                let key: Option<String> = bytes
                    .get(i..key_end)
                    .and_then(|raw| std::str::from_utf8(raw).ok())
                    .and_then(|raw| serde_json::from_str(raw).ok());
                i = skip_ws(bytes, key_end);
                if bytes.get(i)? != &b':' {
                    return None;
                }
                let value = skip_ws(bytes, i + 1);
                if key.as_deref() == Some(token) {
                    return Some(value);
                }
                i = skip_ws(bytes, skip_value(bytes, value)?);
                match bytes.get(i)? {
                    b',' => i = skip_ws(bytes, i + 1),
                    _ => return None,
                }
            }
        }
        b'[' => {
            let index: usize = token.parse().ok()?;
            let mut i = skip_ws(bytes, pos + 1);
            for _ in 0..index {
                i = skip_ws(bytes, skip_value(bytes, i)?);
                match bytes.get(i)? {
                    b',' => i = skip_ws(bytes, i + 1),
                    _ => return None,
                }
            }
            match bytes.get(i)? {
                b']' => None,
                _ => Some(i),
            }
        }
        _ => None,
    }
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while matches!(bytes.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// The offset just past the string starting (with its quote) at `i`.
fn skip_string(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    loop {
        match bytes.get(j)? {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
}

/// The offset just past the value starting at `i`. Iterative, so deep nesting cannot overflow
/// the stack.
fn skip_value(bytes: &[u8], i: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut j = i;
    loop {
        match bytes.get(j)? {
            b'"' => j = skip_string(bytes, j)?,
            b'{' | b'[' => {
                depth += 1;
                j += 1;
            }
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                j += 1;
            }
            _ if depth == 0 => {
                // A scalar: runs until a delimiter.
                while !matches!(
                    bytes.get(j),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    j += 1;
                }
                return Some(j);
            }
            _ => j += 1,
        }
        if depth == 0 {
            return Some(j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str =
        "{\n  \"a\": 1,\n  \"b/c\": {\"x\": [10, {\"y\": \"z\\\"]\"}, 30]},\n  \"d\": \"\"\n}";

    fn at(pointer: &str) -> &'static str {
        let i = locate(DOC, pointer).unwrap();
        &DOC[i..]
    }

    #[test]
    fn walks_objects_and_arrays() {
        assert!(at("").starts_with("{\n"));
        assert!(at("/a").starts_with("1,"));
        assert!(at("/b~1c/x").starts_with("[10"));
        assert!(at("/b~1c/x/1/y").starts_with("\"z"));
        assert!(at("/b~1c/x/2").starts_with("30]"));
        assert!(at("/d").starts_with("\"\"\n}"));
    }

    #[test]
    fn missing_member_points_at_its_container() {
        assert!(at("/b~1c/nope").starts_with("{\"x\""));
        assert!(at("/b~1c/x/9").starts_with("[10"));
    }

    #[test]
    fn broken_text_does_not_panic() {
        for text in ["", "{", "{\"a\"", "[1,", "{\"a\":[1,2", "\"\\"] {
            let _ = locate(text, "/a/1/b");
        }
        assert_eq!(locate("  ", ""), None);
    }
}
