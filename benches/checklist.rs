//! Cost of loading (parse + validate) and of the visibility of every question, for synthetic
//! checklists of 500, 2,000 and 15,000 questions in one chain of conditions (the worst case;
//! 15,000 is about what the 5 MiB limit on checklist files admits).

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use plattformcheck::checklist::{load, synthetic};
use plattformcheck::choice::Choice;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("checklist");
    group.sample_size(10);
    for n in [500, 2_000, 15_000] {
        let text = synthetic::chain(n);
        group.bench_with_input(BenchmarkId::new("load", n), &text, |b, text| {
            b.iter(|| black_box(load::parse_str(Path::new("s.ron"), text).0.is_some()));
        });
        let checklist = load::parse_str(Path::new("s.ron"), &text)
            .0
            .expect("the synthetic checklist is valid");
        let answers: BTreeMap<String, Choice> = (0..n)
            .map(|i| (format!("Q{i}"), Choice::from("ja")))
            .collect();
        let answer_of = |id: &str| answers.get(id);
        group.bench_function(BenchmarkId::new("visibility", n), |b| {
            b.iter(|| black_box(checklist.visibility(&answer_of).count()));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
