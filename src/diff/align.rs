//! Paragraph alignment by content: which unit of the old document became which unit of the new.
//!
//! Three passes. (1) A patience diff on the units' comparison keys finds the unchanged units.
//! (2) Inside each run the diff replaced, old and new units are paired by word similarity, keeping
//! their order (a small dynamic programme), and a pair is a modification. (3) What is left deleted
//! and inserted is matched across the whole document: an equal key, or a similar enough text, is a
//! move. Matching never looks at numbers or positions, so renumbered paragraphs and shifted annexes
//! still align.
//!
//! Steps (2) and (3) compare every candidate pair, so they are guarded: a region with more than
//! [`PAIR_LIMIT`] candidate pairs is paired by position instead (the i-th deleted unit with the
//! i-th inserted one, when similar enough), and similar-but-edited moves are only looked for when
//! the leftovers are under the same limit (exact moves are always found, by hashing).

use std::collections::HashMap;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::blocks::Unit;

/// The most candidate pairs a quadratic step compares before it falls back to a linear one.
pub const PAIR_LIMIT: usize = 250_000;

/// Two units at least this similar (Dice coefficient on words) in a replaced run are one modified unit.
pub const MODIFY_SIMILARITY: f64 = 0.5;

/// Two units at least this similar, far apart, are one moved (and perhaps edited) unit.
pub const MOVE_SIMILARITY: f64 = 0.75;

/// One step of the alignment, in the new document's order (deletions where they stood).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Old unit `.0` is new unit `.1`, unchanged.
    Equal(usize, usize),
    /// Old unit `.0` became new unit `.1`, edited in place.
    Modify(usize, usize),
    /// Old unit `.0` was removed.
    Delete(usize),
    /// New unit `.0` was added.
    Insert(usize),
    /// Old unit `.0` moved to become new unit `.1` (perhaps edited too).
    Move(usize, usize),
}

/// The alignment and whether a size guard chose a cheaper, less thorough path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alignment {
    /// The steps in reading order.
    pub steps: Vec<Step>,
    /// Set when a size guard fell back to positional pairing or skipped edited-move detection.
    pub guarded: bool,
}

/// Aligns two unit sequences.
pub fn align(old: &[Unit], new: &[Unit]) -> Alignment {
    let old_keys: Vec<&str> = old.iter().map(|u| u.compact.as_str()).collect();
    let new_keys: Vec<&str> = new.iter().map(|u| u.compact.as_str()).collect();
    let ops = capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys);
    // Word bags serve only the units the patience pass did not find unchanged: in a revision
    // that is a few percent of them.
    let (mut old_changed, mut new_changed) = (vec![false; old.len()], vec![false; new.len()]);
    for op in &ops {
        if !matches!(op, DiffOp::Equal { .. }) {
            mark(&mut old_changed, op.old_range());
            mark(&mut new_changed, op.new_range());
        }
    }
    let bags = |units: &[Unit], changed: &[bool]| -> Vec<Vec<u64>> {
        units
            .iter()
            .zip(changed)
            .map(|(u, &c)| if c { bag(&u.key) } else { Vec::new() })
            .collect()
    };
    let old_bags = bags(old, &old_changed);
    let new_bags = bags(new, &new_changed);
    let mut guarded = false;
    let mut steps = Vec::new();
    for op in ops {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => steps.extend((0..len).map(|k| Step::Equal(old_index + k, new_index + k))),
            DiffOp::Delete {
                old_index, old_len, ..
            } => steps.extend((old_index..old_index + old_len).map(Step::Delete)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => steps.extend((new_index..new_index + new_len).map(Step::Insert)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let olds: Vec<usize> = (old_index..old_index + old_len).collect();
                let news: Vec<usize> = (new_index..new_index + new_len).collect();
                guarded |= pair_region(&olds, &news, &old_bags, &new_bags, &mut steps);
            }
        }
    }
    guarded |= find_moves(&mut steps, &old_keys, &new_keys, &old_bags, &new_bags);
    join_splits(&mut steps, &old_keys, &new_keys);
    Alignment { steps, guarded }
}

/// Pairs the old and new units of one replaced run in order; returns whether the guard tripped.
fn pair_region(
    olds: &[usize],
    news: &[usize],
    old_bags: &[Vec<u64>],
    new_bags: &[Vec<u64>],
    steps: &mut Vec<Step>,
) -> bool {
    let sim = |o: usize, n: usize| {
        dice(
            old_bags.get(o).map_or(&[][..], Vec::as_slice),
            new_bags.get(n).map_or(&[][..], Vec::as_slice),
            MODIFY_SIMILARITY,
        )
    };
    let guarded = olds.len().saturating_mul(news.len()) > PAIR_LIMIT;
    let pairs: Vec<(usize, usize)> = if guarded {
        olds.iter()
            .zip(news)
            .filter(|&(&o, &n)| sim(o, n) >= MODIFY_SIMILARITY)
            .map(|(&o, &n)| (o, n))
            .collect()
    } else {
        best_ordered_pairs(olds, news, sim)
    };
    // Emit in order: each pair preceded by the unpaired old and new units before it.
    let (mut oi, mut ni) = (0, 0);
    for (o, n) in pairs
        .iter()
        .copied()
        .chain(std::iter::once((usize::MAX, usize::MAX)))
    {
        while let Some(&x) = olds.get(oi).filter(|&&x| x < o) {
            steps.push(Step::Delete(x));
            oi += 1;
        }
        while let Some(&x) = news.get(ni).filter(|&&x| x < n) {
            steps.push(Step::Insert(x));
            ni += 1;
        }
        if o != usize::MAX {
            steps.push(Step::Modify(o, n));
            oi += 1;
            ni += 1;
        }
    }
    guarded
}

/// The order-keeping pairing of old and new units with the greatest total similarity, counting
/// only pairs at least [`MODIFY_SIMILARITY`] alike (a weighted longest common subsequence).
// Dynamic programming over two tables sized from `n` and `m`: every index is bounded by the loop
// ranges (`i < n`, `j < m`, plus one within the (n+1) x (m+1) table), whatever the input.
#[allow(clippy::indexing_slicing)]
fn best_ordered_pairs(
    olds: &[usize],
    news: &[usize],
    sim: impl Fn(usize, usize) -> f64,
) -> Vec<(usize, usize)> {
    let (n, m) = (olds.len(), news.len());
    let width = m + 1;
    let mut score = vec![0.0f64; (n + 1) * width];
    let mut s = vec![0.0f64; n * m];
    for (i, &o) in olds.iter().enumerate() {
        for (j, &nw) in news.iter().enumerate() {
            let v = sim(o, nw);
            s[i * m + j] = if v >= MODIFY_SIMILARITY { v } else { 0.0 };
        }
    }
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let skip = score[(i + 1) * width + j].max(score[i * width + j + 1]);
            let v = s[i * m + j];
            let take = if v > 0.0 {
                v + score[(i + 1) * width + j + 1]
            } else {
                0.0
            };
            score[i * width + j] = skip.max(take);
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let v = s[i * m + j];
        if v > 0.0 && score[i * width + j] == v + score[(i + 1) * width + j + 1] {
            pairs.push((olds[i], news[j]));
            i += 1;
            j += 1;
        } else if score[i * width + j] == score[(i + 1) * width + j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// Turns a deleted unit and an inserted unit with the same content (or, under the guard, similar
/// content) into one move, shown where the unit now stands. Returns whether the guard tripped.
fn find_moves(
    steps: &mut Vec<Step>,
    old_keys: &[&str],
    new_keys: &[&str],
    old_bags: &[Vec<u64>],
    new_bags: &[Vec<u64>],
) -> bool {
    let deleted: Vec<usize> = steps
        .iter()
        .filter_map(|s| match s {
            Step::Delete(o) => Some(*o),
            _ => None,
        })
        .collect();
    let inserted: Vec<usize> = steps
        .iter()
        .filter_map(|s| match s {
            Step::Insert(n) => Some(*n),
            _ => None,
        })
        .collect();
    if deleted.is_empty() || inserted.is_empty() {
        return false;
    }
    // Exact moves: same key, first come first served.
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for &o in deleted.iter().rev() {
        if let Some(k) = old_keys.get(o) {
            by_key.entry(k).or_default().push(o);
        }
    }
    let mut moved_to: HashMap<usize, usize> = HashMap::new(); // new -> old
    for &n in &inserted {
        if let Some(o) = new_keys
            .get(n)
            .and_then(|k| by_key.get_mut(k))
            .and_then(Vec::pop)
        {
            moved_to.insert(n, o);
        }
    }
    // Edited moves: the most similar remaining pairs, best first.
    let left_old: Vec<usize> = deleted
        .iter()
        .copied()
        .filter(|o| !moved_to.values().any(|v| v == o))
        .collect();
    let left_new: Vec<usize> = inserted
        .iter()
        .copied()
        .filter(|n| !moved_to.contains_key(n))
        .collect();
    let guarded = left_old.len().saturating_mul(left_new.len()) > PAIR_LIMIT;
    if !guarded {
        let mut candidates = Vec::new();
        for &o in &left_old {
            for &n in &left_new {
                let v = dice(
                    old_bags.get(o).map_or(&[][..], Vec::as_slice),
                    new_bags.get(n).map_or(&[][..], Vec::as_slice),
                    MOVE_SIMILARITY,
                );
                if v >= MOVE_SIMILARITY {
                    candidates.push((v, o, n));
                }
            }
        }
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut used_old = std::collections::HashSet::new();
        for (_, o, n) in candidates {
            if !moved_to.contains_key(&n) && used_old.insert(o) {
                moved_to.insert(n, o);
            }
        }
    }
    if moved_to.is_empty() {
        return guarded;
    }
    let moved_from: std::collections::HashSet<usize> = moved_to.values().copied().collect();
    steps.retain(|s| !matches!(s, Step::Delete(o) if moved_from.contains(o)));
    let anchors: Vec<(usize, usize)> = steps
        .iter()
        .filter_map(|s| match s {
            Step::Equal(o, n) | Step::Modify(o, n) => Some((*o, *n)),
            _ => None,
        })
        .collect();
    for s in steps.iter_mut() {
        if let Step::Insert(n) = *s {
            if let Some(&o) = moved_to.get(&n) {
                *s = if crosses_anchor(&anchors, o, n) {
                    Step::Move(o, n)
                } else {
                    Step::Modify(o, n)
                };
            }
        }
    }
    guarded
}

/// Treats a paragraph split in two, or two joined into one, with no word changed, as unchanged:
/// where extraction puts a paragraph break is not reliable. A modification next to an insertion
/// (or deletion) whose texts together equal the other side becomes an equal step, and the
/// insertion (or deletion) is dropped.
fn join_splits(steps: &mut Vec<Step>, old_keys: &[&str], new_keys: &[&str]) {
    let old_key = |i: usize| old_keys.get(i).copied().unwrap_or_default();
    let new_key = |i: usize| new_keys.get(i).copied().unwrap_or_default();
    let joined = |a: &str, b: &str| format!("{a}{b}");
    let mut i = 0;
    while i + 1 < steps.len() {
        let (Some(&first), Some(&second)) = (steps.get(i), steps.get(i + 1)) else {
            break;
        };
        let same = match (first, second) {
            (Step::Insert(a), Step::Modify(o, b)) | (Step::Modify(o, a), Step::Insert(b))
                if b == a + 1 =>
            {
                (old_key(o) == joined(new_key(a), new_key(b))).then_some(Step::Equal(o, a))
            }
            (Step::Delete(a), Step::Modify(b, n)) | (Step::Modify(a, n), Step::Delete(b))
                if b == a + 1 =>
            {
                (new_key(n) == joined(old_key(a), old_key(b))).then_some(Step::Equal(a, n))
            }
            _ => None,
        };
        if let Some(step) = same {
            steps.splice(i..i + 2, [step]);
        }
        i += 1;
    }
}

/// Whether pairing old unit `o` with new unit `n` crosses a unit aligned in place (one is before
/// it on one side and after it on the other): only then is it a move. Otherwise the unit stayed
/// where it was, among blocks that were inserted or deleted around it. `anchors` are the equal
/// and modified pairs, increasing on both sides.
fn crosses_anchor(anchors: &[(usize, usize)], o: usize, n: usize) -> bool {
    let before_old = anchors.partition_point(|&(ao, _)| ao < o);
    let before_new = anchors.partition_point(|&(_, an)| an < n);
    before_old != before_new
}

fn mark(flags: &mut [bool], range: std::ops::Range<usize>) {
    for f in flags.iter_mut().skip(range.start).take(range.len()) {
        *f = true;
    }
}

/// A unit's words as sorted hashes: the multiset [`dice`] compares. (FNV-1a: words are short and
/// not adversarial here, a collision only makes two words count as shared.)
fn bag(key: &str) -> Vec<u64> {
    let mut v: Vec<u64> = key
        .split_whitespace()
        .map(|w| {
            w.bytes().fold(0xcbf2_9ce4_8422_2325, |h: u64, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            })
        })
        .collect();
    v.sort_unstable();
    v
}

/// The Dice coefficient of two word multisets: twice the shared words over all words; 0 without
/// comparing when their sizes alone keep it under `at_least` (most pairs, cheaply).
fn dice(a: &[u64], b: &[u64], at_least: f64) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let bound = (2 * a.len().min(b.len())) as f64 / (a.len() + b.len()) as f64;
    if bound < at_least {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * common) as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(texts: &[&str]) -> Vec<Unit> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Unit::new(format!("/body/{i}"), "paragraph", t.to_string()))
            .collect()
    }

    const A: &str = "The Security Council met on Monday to discuss the situation.";
    const B: &str = "Member States expressed concern about the humanitarian consequences.";
    const C: &str = "The President read a statement on behalf of the members.";
    const D: &str = "I should be grateful if the present letter could be circulated.";

    #[test]
    fn insert_delete_modify_move() {
        let old = units(&[A, B, C, D]);
        let b2 = B.replace("concern", "deep concern");
        let new = units(&[
            C,
            A,
            &b2,
            "A new paragraph entirely unrelated to others here.",
        ]);
        let a = align(&old, &new);
        assert!(!a.guarded);
        assert_eq!(
            a.steps,
            [
                Step::Move(2, 0),
                Step::Equal(0, 1),
                Step::Modify(1, 2),
                Step::Delete(3),
                Step::Insert(3),
            ]
        );
    }

    #[test]
    fn a_paragraph_split_in_two_is_no_change() {
        let old = units(&[A, &format!("{B} {C}"), D]);
        let new = units(&[A, B, C, D]);
        let a = align(&old, &new);
        assert!(
            a.steps.iter().all(|s| matches!(s, Step::Equal(..))),
            "{:?}",
            a.steps
        );
        let back = align(&new, &old);
        assert!(
            back.steps.iter().all(|s| matches!(s, Step::Equal(..))),
            "{:?}",
            back.steps
        );
    }

    #[test]
    fn identical_is_all_equal() {
        let old = units(&[A, B]);
        let a = align(&old, &old);
        assert_eq!(a.steps, [Step::Equal(0, 0), Step::Equal(1, 1)]);
    }
}
