//! Cost of the PDF report for the largest example assessment: building the report model,
//! laying it out, and the whole build + render to PDF bytes (what `plattformcheck export` does
//! after loading the files, before writing the result).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use plattformcheck::report::{self, layout, pdf};
use plattformcheck::scoring::score;
use plattformcheck::text::Lang;
use time::macros::date;

/// The example file with the most content.
fn largest_example() -> PathBuf {
    std::fs::read_dir("assets/examples")
        .expect("assets/examples exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .expect("an example")
}

fn bench(c: &mut Criterion) {
    let path = largest_example();
    let (checklist, assessment) = plattformcheck::session::open_file(&path, None)
        .expect("the example opens")
        .into_parts();
    let s = score(&checklist, &assessment);
    let today = date!(2026 - 11 - 22);
    let build = || report::build(&checklist, &assessment, &s, Lang::De, "bench", today);
    let doc = build();

    let mut group = c.benchmark_group("export");
    group.sample_size(30);
    group.bench_function("build report model", |b| b.iter(|| black_box(build())));
    // With the fonts read afresh each time, as each export does (their advance widths are
    // looked up on first use).
    group.bench_function("layout", |b| {
        b.iter(|| {
            let fonts = layout::Fonts::new().expect("fonts");
            black_box(layout::layout(&doc, &fonts).pages.len())
        });
    });
    group.bench_function("build + render PDF (largest example)", |b| {
        b.iter(|| {
            let (bytes, _) = pdf::render(&build()).expect("renders");
            black_box(bytes.len())
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
