//! Frame cost of the desktop app: one egui pass (layout) plus tessellation, headless, for the
//! walkthrough and result screens of the largest example and of generated checklists of 500
//! and 2,000 questions, next to an empty egui frame. No GPU work is included: that part depends
//! on the driver, not on this app.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use plattformcheck::ui::action::{Action, ChecklistChoice, Edit};
use plattformcheck::ui::{App, Prefs, style};
use plattformcheck::wizard::Step;

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut App) -> usize {
    let out = ctx.run_ui(input(), |ui| app.show(ui));
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

/// The Gymnasium example (`TikTok` checklist, 55 questions, every field filled) at `step`.
fn app_at(step: Step) -> (egui::Context, App) {
    let ctx = egui::Context::default();
    style::install_fonts(&ctx);
    let mut app = App::new(Prefs::default(), None);
    app.apply(Action::OpenExample(1));
    app.apply(Action::Go(step));
    // Warm up: fonts, galley caches and the style settle over the first frames.
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    (ctx, app)
}

/// A generated checklist of `n` questions in one chain of conditions (`checklist::synthetic`),
/// every question answered "ja" so that all are shown, at `step`.
fn synthetic_at(n: usize, step: &dyn Fn(usize) -> Step) -> (egui::Context, App, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("gross.ron");
    std::fs::write(&path, plattformcheck::checklist::synthetic::chain(n)).expect("write");
    let ctx = egui::Context::default();
    style::install_fonts(&ctx);
    let mut app = App::new(Prefs::default(), None);
    app.apply(Action::New(ChecklistChoice::File(path)));
    for i in 0..n {
        app.apply(Action::Edit(Edit::Answer {
            question: format!("Q{i}").as_str().into(),
            choice: "ja".into(),
        }));
    }
    app.apply(Action::Go(step(n)));
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    (ctx, app, dir)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    let empty = egui::Context::default();
    style::install_fonts(&empty);
    group.bench_function("empty egui frame", |b| {
        b.iter(|| {
            let out = empty.run_ui(input(), |ui| {
                egui::CentralPanel::default().show(ui, |_| {});
            });
            black_box(empty.tessellate(out.shapes, out.pixels_per_point).len())
        });
    });
    let (ctx, mut app) = app_at(Step::Question("A6.5".into()));
    group.bench_function("walkthrough: question with finding and measure", |b| {
        b.iter(|| black_box(frame(&ctx, &mut app)));
    });
    let (ctx, mut app) = app_at(Step::Result);
    group.bench_function("result screen (39 findings)", |b| {
        b.iter(|| black_box(frame(&ctx, &mut app)));
    });
    for n in [500, 2000] {
        let (ctx, mut app, _dir) = synthetic_at(n, &|n| {
            Step::Question(format!("Q{}", n / 2).as_str().into())
        });
        group.bench_function(format!("question screen, {n} questions"), |b| {
            b.iter(|| black_box(frame(&ctx, &mut app)));
        });
        let (ctx, mut app, _dir) = synthetic_at(n, &|_| Step::Result);
        group.bench_function(format!("result screen, {n} questions"), |b| {
            b.iter(|| black_box(frame(&ctx, &mut app)));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
