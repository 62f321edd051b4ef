//! Breaking text into lines by measured width.
//!
//! Lines break at spaces, after hyphens and slashes inside words, and between characters for a
//! word wider than the line.

use super::Fonts;

impl Fonts {
    /// Wraps `text` (already sanitised) into lines of at most `width` points.
    ///
    /// Lines break at spaces, after hyphens and slashes inside words, and, for a word wider
    /// than the line (a long URL or fingerprint), between characters. `\n` always breaks.
    pub fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let space = self.width(" ", size, bold);
        // Each line is gathered here and copied out at its exact size (`take_line`): most
        // reports have thousands of lines, and growing each one from nothing costs several
        // allocations.
        let mut line = String::new();
        for hard in text.split('\n') {
            let mut line_w = 0.0f32;
            for word in hard.split(' ').filter(|w| !w.is_empty()) {
                for (i, piece) in pieces(word).enumerate() {
                    let glue = i == 0 && !line.is_empty();
                    let piece_w = self.width(piece, size, bold);
                    let extra = if glue { space } else { 0.0 };
                    if line_w + extra + piece_w <= width {
                        if glue {
                            line.push(' ');
                        }
                        line.push_str(piece);
                        line_w += extra + piece_w;
                        continue;
                    }
                    if !line.is_empty() {
                        lines.push(take_line(&mut line));
                        line_w = 0.0;
                    }
                    if piece_w <= width {
                        line.push_str(piece);
                        line_w = piece_w;
                        continue;
                    }
                    // Wider than a whole line: break between characters, with a hyphen in a
                    // word of letters (a long German compound), without one in an address or
                    // a number, where a hyphen would change what is written.
                    let hyphenate = word.chars().all(|c| {
                        c.is_alphabetic()
                            || matches!(
                                c,
                                '(' | ')' | ',' | ';' | '.' | ':' | '!' | '?' | '-' | '„' | '“'
                            )
                    });
                    let hyphen_w = if hyphenate {
                        self.width("-", size, bold)
                    } else {
                        0.0
                    };
                    let mut chars = piece.chars().peekable();
                    while let Some(c) = chars.next() {
                        let cw = self.width(c.encode_utf8(&mut [0; 4]), size, bold);
                        let reserve = if chars.peek().is_some() {
                            hyphen_w
                        } else {
                            0.0
                        };
                        if line_w + cw + reserve > width && !line.is_empty() {
                            if hyphenate {
                                line.push('-');
                            }
                            lines.push(take_line(&mut line));
                            line_w = 0.0;
                        }
                        line.push(c);
                        line_w += cw;
                    }
                }
            }
            lines.push(take_line(&mut line));
        }
        lines
    }

    /// `text` cut to `width` with an ellipsis.
    pub(super) fn fit(&self, text: &str, size: f32, bold: bool, width: f32) -> String {
        if self.width(text, size, bold) <= width {
            return text.to_owned();
        }
        let mut out = String::new();
        let ellipsis = self.width("…", size, bold);
        let mut w = 0.0;
        for c in text.chars() {
            let cw = self.width(c.encode_utf8(&mut [0; 4]), size, bold);
            if w + cw + ellipsis > width {
                break;
            }
            out.push(c);
            w += cw;
        }
        let mut out = out.trim_end().to_owned();
        out.push('…');
        out
    }
}

/// A copy of `line` at its size, leaving `line` empty with its capacity for the next one.
pub(super) fn take_line(line: &mut String) -> String {
    let taken = line.as_str().to_owned();
    line.clear();
    taken
}

/// Characters that only modify the emoji before them.
pub(super) fn is_emoji_continuation(c: char) -> bool {
    matches!(c,
        '\u{200d}' | '\u{20e3}' | '\u{fe00}'..='\u{fe0f}' | '\u{1f3fb}'..='\u{1f3ff}' | '\u{e0020}'..='\u{e007f}')
}

/// A word split after its hyphens and slashes ("Datenschutz-Folgen" → "Datenschutz-", "Folgen").
pub(super) fn pieces(word: &str) -> Pieces<'_> {
    Pieces { rest: word }
}

/// The iterator of [`pieces`].
pub(super) struct Pieces<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        // A break after a hyphen or slash that is neither the first nor the last character.
        let cut = self
            .rest
            .char_indices()
            .skip(1)
            .find(|&(i, c)| (c == '-' || c == '/') && i + 1 < self.rest.len())
            .map_or(self.rest.len(), |(i, _)| i + 1);
        let (piece, rest) = self.rest.split_at(cut);
        self.rest = rest;
        Some(piece)
    }
}
