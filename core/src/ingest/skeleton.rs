//! A whitespace-free view of the normalized text, for finding labels that PDF extraction and page
//! layout break with spaces and line breaks (`自 然 人`, `…只计这一情\n形`). Each skeleton byte
//! maps back to its byte in the normalized text.

/// The text without whitespace and table pipes, with the normalized offset of each byte (kept
/// sparse: a mark after each removed run, where the offset changes).
pub(crate) struct Skeleton {
    pub s: String,
    /// `(skeleton byte, text byte)` marks, ascending.
    marks: Vec<(u32, u32)>,
    text_len: usize,
}

impl Skeleton {
    pub fn new(text: &str) -> Skeleton {
        let mut s = String::with_capacity(text.len());
        let mut marks: Vec<(u32, u32)> = Vec::new();
        let mut removed = true;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() || c == '|' {
                removed = true;
                continue;
            }
            if removed {
                marks.push((u32::try_from(s.len()).unwrap_or(u32::MAX), u32::try_from(i).unwrap_or(u32::MAX)));
                removed = false;
            }
            s.push(c);
        }
        // A page with a space between every few characters has a mark for each: the vector's
        // doubling left up to half of it unused for as long as the reading lasts.
        marks.shrink_to_fit();
        Skeleton { s, marks, text_len: text.len() }
    }

    /// The normalized-text offset of skeleton byte `i` (the text's end past the last byte).
    /// An offset computed by arithmetic (a search window's end) may fall inside a character: it
    /// stands for the character's end, as `find` widens its bounds, so that the text position
    /// is a character boundary and slicing the text there does not fail.
    pub fn text_pos(&self, i: usize) -> usize {
        let mut i = i;
        while i < self.s.len() && !self.s.is_char_boundary(i) {
            i += 1;
        }
        if i >= self.s.len() {
            return self.text_len;
        }
        let k = self.marks.partition_point(|(o, _)| (*o as usize) <= i);
        match k.checked_sub(1).and_then(|k| self.marks.get(k)) {
            Some((o, t)) => *t as usize + (i - *o as usize),
            None => 0,
        }
    }

    /// The normalized-text offset just past skeleton byte range ending at `end` (exclusive).
    pub fn text_end(&self, end: usize) -> usize {
        if end == 0 {
            return 0;
        }
        // The skeleton keeps characters whole: step back over the last one.
        let len = self.s.get(..end).and_then(|s| s.chars().next_back()).map_or(1, char::len_utf8);
        self.text_pos(end - len) + len
    }

    /// The first occurrence of `needle` in `[from, to)`, as a skeleton byte offset.
    pub fn find(&self, needle: &str, from: usize, to: usize) -> Option<usize> {
        // Bounds computed by arithmetic may fall inside a character: widen to whole characters.
        let mut to = to.min(self.s.len());
        while !self.s.is_char_boundary(to) {
            to += 1;
        }
        let mut from = from.min(to);
        while !self.s.is_char_boundary(from) {
            from += 1;
        }
        let hay = self.s.get(from..to)?;
        hay.find(needle).map(|i| i + from)
    }

    /// The first occurrence of any of `needles` in `[from, to)`: (offset, needle length).
    /// At one offset, the needle listed first.
    pub fn find_any(&self, needles: &[&str], from: usize, to: usize) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for n in needles {
            // Once a needle is found at `i`, the others matter only if they start before it:
            // search no further than that (profiles showed these searches running to the end).
            let limit = best.map_or(to, |(i, _)| (i + n.len()).saturating_sub(1).min(to));
            if let Some(i) = self.find(n, from, limit) {
                if best.is_none_or(|(b, _)| i < b) {
                    best = Some((i, n.len()));
                }
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn find_any_is_the_earliest_needle_first_listed_on_ties() {
        let k = Skeleton::new("甲乙丙丁乙丙丁");
        let naive = |needles: &[&str]| {
            needles.iter().filter_map(|n| k.find(n, 0, usize::MAX).map(|i| (i, n.len()))).min_by_key(|(i, _)| *i)
        };
        for needles in [&["丙丁", "乙丙"][..], &["乙丙丁", "乙"], &["乙", "乙丙丁"], &["戊", "丁"], &["戊"]]
        {
            assert_eq!(k.find_any(needles, 0, usize::MAX), naive(needles), "{needles:?}");
        }
    }

    #[test]
    fn an_offset_inside_a_character_maps_to_its_end() {
        let text = "甲 乙丙";
        let k = Skeleton::new(text);
        // Skeleton byte 4 is inside 乙 (bytes 3..6); text byte 7 is inside 乙 (4..7).
        assert_eq!(k.text_pos(4), 7);
        assert!(text.is_char_boundary(k.text_pos(4)));
        assert_eq!(k.text_pos(8), text.len());
        for i in 0..=k.s.len() + 1 {
            assert!(text.is_char_boundary(k.text_pos(i)), "{i}");
        }
    }

    #[test]
    fn finds_labels_across_breaks() {
        let text = "（二）部分公开 只计这一情\n形，不计 | 其他";
        let k = Skeleton::new(text);
        let i = k.find("这一情形", 0, usize::MAX).unwrap_or(usize::MAX);
        let start = k.text_pos(i);
        assert_eq!(text.get(start..start + 3), Some("这"));
        let end = k.text_end(i + "这一情形".len());
        assert_eq!(text.get(end - 3..end), Some("形"));
    }
}
