//! Synthetic checklists of any size, for benchmarks and stress tests.
//!
//! Valid checklist text with `n` questions, each shown only when the one before it is answered
//! "ja", so that the whole checklist is one chain of conditions (the worst case for visibility
//! and cycle checks). The text is terse, so that 15,000 questions fit the 5 MiB file limit.

use std::fmt::Write as _;

/// RON text of a valid checklist with `n` questions in sections of 50, chained by conditions.
pub fn chain(n: usize) -> String {
    let mut o = String::with_capacity(n * 600 + 4096);
    o.push_str(
        r#"Checklist(
    id: "synthetisch",
    version: "1.0.0",
    date: "2026-12-01",
    title: (de: "Synthetische Checkliste", en: "Synthetic checklist"),
    description: (de: "Erzeugt für Messungen.", en: "Generated for measurements."),
    sources: [Source(key: "S", title: "Quelle", publisher: "Test", url: "https://example.org/", date: "2026")],
    matrix: Matrix(
        severity_levels: [(de: "1", en: "1"), (de: "2", en: "2"), (de: "3", en: "3"), (de: "4", en: "4")],
        likelihood_levels: [(de: "1", en: "1"), (de: "2", en: "2"), (de: "3", en: "3"), (de: "4", en: "4")],
        cells: [[Gering, Gering, Gering, Risiko], [Gering, Risiko, Risiko, Risiko],
                [Gering, Risiko, Hoch, Hoch], [Risiko, Risiko, Hoch, Hoch]],
        sources: ["S"], note: (de: "Vorläufig.", en: "Provisional."), verified: false,
    ),
    sections: [
"#,
    );
    let sections = n.div_ceil(50).max(1);
    for s in 0..sections {
        writeln!(
            o,
            "Section(id:\"S{s}\",title:(de:\"A{s}\",en:\"S{s}\"),questions:["
        )
        .ok();
        for i in (s * 50)..((s + 1) * 50).min(n) {
            o.push_str("Question(");
            write!(o, "id:\"Q{i}\",text:(de:\"F{i}?\",en:\"Q{i}?\"),").ok();
            o.push_str("why:(de:\"W.\",en:\"W.\"),legal:[\"Art. 5\"],sources:[\"S\"],");
            if i > 0 {
                write!(o, "show_if:When(question:\"Q{}\",any_of:[\"ja\"]),", i - 1).ok();
            }
            o.push_str("options:[Option(id:\"ja\",label:(de:\"J\",en:\"Y\")),");
            o.push_str("Option(id:\"nein\",label:(de:\"N\",en:\"N\"),finding:Finding(");
            o.push_str("severity:2,likelihood:2,measure:(de:\"M.\",en:\"M.\")))]),\n");
        }
        o.push_str("]),\n");
    }
    o.push_str("    ],\n)\n");
    o
}
