//! Crash harness: kills processes that write files with SIGKILL at random moments and checks
//! that what is on disk is always the old or the new complete file, never a mix or a stub, and
//! that the temporary files a kill leaves behind are gone after the next write into the folder.
//!
//! Three writers are killed in turn:
//! - `plattformcheck new --force` over a filled assessment (a save with a backup),
//! - `plattformcheck export` over an earlier report (a report with a backup),
//! - a save loop: this test binary run again as a child that saves the session over and over,
//!   alternating between two contents, as the app does when the user saves repeatedly.
//!
//! The kills of the two commands come between half and 1.2 times the time a complete run takes
//! (the write is at the end), those of the save loop within its first 0.4 s.
//!
//! It is ignored in `cargo test` (it takes a minute or more); `.ci/run` runs it with
//! `CRASH_RUNS` kills (default 300) and it prints the figures the README reports.

#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use plattformcheck::edit::{Edit, MetaField};
use plattformcheck::session::{Library, Session};

const EXAMPLE: &str = "assets/examples/stadt-musterstadt-tiktok.ron";
/// Set for the child process of the save loop: the file it saves to.
const SAVE_LOOP_ENV: &str = "PLATTFORMCHECK_CRASH_SAVE_LOOP";

/// What one scenario leaves after a kill.
#[derive(Default)]
struct Figures {
    runs: usize,
    /// The process was still running when it was killed.
    killed_running: usize,
    /// A temporary file was left: the kill came while the new file was being written.
    killed_mid_write: usize,
    /// The target held neither the old nor the new content.
    corrupt: usize,
    /// Temporary files still there after the next complete write into the folder.
    leftovers: usize,
    /// How often the target held each of the allowed contents, by its name.
    held: Vec<(&'static str, usize)>,
}

fn runs() -> usize {
    std::env::var("CRASH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300)
}

/// A small deterministic random source (xorshift), so that a failing run can be repeated with the
/// same `CRASH_SEED`.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A duration between `min` and `max`.
    fn between(&mut self, min: Duration, max: Duration) -> Duration {
        let span = u64::try_from(max.saturating_sub(min).as_micros())
            .unwrap_or(u64::MAX)
            .max(1);
        min + Duration::from_micros(self.next() % span)
    }
}

fn temp_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(Result::ok)
        .filter(|e| plattformcheck::fsio::atomic::is_temp_name(&e.file_name().to_string_lossy()))
        .count()
}

/// The target and its backups: each must be one of `allowed`.
fn files_of(path: &Path) -> Vec<PathBuf> {
    std::iter::once(path.to_path_buf())
        .chain(plattformcheck::fsio::backup::backup_paths(path))
        .filter(|p| p.exists())
        .collect()
}

/// Whether the target and each backup hold one of `allowed`; names those that do not.
fn intact(path: &Path, allowed: &[(&str, &[u8])]) -> bool {
    let broken: Vec<String> = files_of(path)
        .iter()
        .filter(|p| {
            let bytes = std::fs::read(p).expect("read");
            !allowed.iter().any(|(_, a)| *a == bytes.as_slice())
        })
        .map(|p| {
            let len = std::fs::metadata(p).map(|m| m.len()).unwrap_or_default();
            format!("{} ({len} bytes)", p.display())
        })
        .collect();
    if !broken.is_empty() {
        eprintln!("neither the old nor the new content: {}", broken.join(", "));
    }
    broken.is_empty()
}

/// Kills `child` after `delay` and reports whether it was still running.
fn kill_after(mut child: Child, delay: Duration) -> bool {
    std::thread::sleep(delay);
    let running = matches!(child.try_wait(), Ok(None));
    // Killing a process that has just ended fails harmlessly; waiting reaps it either way.
    child.kill().ok();
    child.wait().expect("wait for the killed process");
    running
}

fn binary(args: &[&str], dir: &Path, epoch: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_plattformcheck"));
    cmd.args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", epoch)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// How long a complete run of `cmd` takes (median of five).
fn duration_of(mut make: impl FnMut() -> Command) -> Duration {
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            let status = make().status().expect("run");
            assert!(status.success(), "an uninterrupted run succeeds");
            start.elapsed()
        })
        .collect();
    times.sort();
    times[2]
}

/// Where one writer writes, and when and how often to kill it.
struct Scenario<'a> {
    name: &'static str,
    count: usize,
    dir: &'a Path,
    target: &'a Path,
    /// The kill comes between these two times after the start.
    window: (Duration, Duration),
    /// The contents the target and its backups may hold, by name.
    allowed: &'a [(&'static str, &'a [u8])],
}

impl Scenario<'_> {
    /// Runs the rounds: `start` puts the old content in place and starts the writer, which is
    /// killed; `finish` is a complete write into the folder, after which no temporary file may
    /// remain.
    fn run(
        &self,
        random: &mut Random,
        mut start: impl FnMut() -> Child,
        mut finish: impl FnMut(),
    ) -> Figures {
        let mut f = Figures {
            held: self.allowed.iter().map(|(name, _)| (*name, 0)).collect(),
            ..Figures::default()
        };
        for _ in 0..self.count {
            let child = start();
            f.runs += 1;
            let delay = random.between(self.window.0, self.window.1);
            f.killed_running += usize::from(kill_after(child, delay));
            let temps = temp_files(self.dir);
            f.killed_mid_write += usize::from(temps > 0);
            if !intact(self.target, self.allowed) {
                f.corrupt += 1;
            }
            let now = std::fs::read(self.target).ok();
            for ((_, content), (_, held)) in self.allowed.iter().zip(&mut f.held) {
                *held += usize::from(now.as_deref() == Some(*content));
            }
            if temps > 0 {
                finish();
                f.leftovers += temp_files(self.dir);
            }
        }
        let held: Vec<String> = f
            .held
            .iter()
            .map(|(name, n)| format!("{name} {n}"))
            .collect();
        eprintln!(
            "{}: {} runs, {} killed while running, {} killed mid-write (temporary file found), \
             target held {}, {} corrupt files, {} temporary files left after the next write",
            self.name,
            f.runs,
            f.killed_running,
            f.killed_mid_write,
            held.join(" / "),
            f.corrupt,
            f.leftovers
        );
        f
    }
}

/// `plattformcheck new --force` over a filled assessment.
fn new_force(total: usize, random: &mut Random, example: &[u8]) -> Figures {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("T.ron");
    std::fs::write(&target, example).expect("write");
    let args = ["new", "--force", "--checklist", "tiktok", "-o", "T.ron"];
    let window = duration_of(|| binary(&args, dir.path(), "1764547200"));
    let empty = std::fs::read(&target).expect("new content");
    let scenario = Scenario {
        name: "new --force",
        count: total,
        dir: dir.path(),
        target: &target,
        window: (window.mul_f64(0.5), window.mul_f64(1.2)),
        allowed: &[("old", example), ("new", &empty)],
    };
    scenario.run(
        random,
        || {
            std::fs::write(&target, example).expect("reset");
            binary(&args, dir.path(), "1764547200")
                .spawn()
                .expect("spawn")
        },
        || {
            let ok = binary(&args, dir.path(), "1764547200").status();
            assert!(ok.is_ok_and(|s| s.success()), "the next write succeeds");
        },
    )
}

/// `plattformcheck export` over an earlier report.
fn export(total: usize, random: &mut Random) -> Figures {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(EXAMPLE, dir.path().join("A.ron")).expect("copy");
    let args = ["export", "A.ron", "-o", "R.pdf"];
    let target = dir.path().join("R.pdf");
    duration_of(|| binary(&args, dir.path(), "1764547200"));
    let old_report = std::fs::read(&target).expect("old report");
    let window = duration_of(|| binary(&args, dir.path(), "1764633600"));
    let new_report = std::fs::read(&target).expect("new report");
    assert_ne!(
        old_report, new_report,
        "the two reports differ (their dates)"
    );
    let scenario = Scenario {
        name: "export",
        count: total,
        dir: dir.path(),
        target: &target,
        window: (window.mul_f64(0.5), window.mul_f64(1.2)),
        allowed: &[("old", &old_report), ("new", &new_report)],
    };
    scenario.run(
        random,
        || {
            std::fs::write(&target, &old_report).expect("reset");
            binary(&args, dir.path(), "1764633600")
                .spawn()
                .expect("spawn")
        },
        || {
            let ok = binary(&args, dir.path(), "1764633600").status();
            assert!(ok.is_ok_and(|s| s.success()), "the next write succeeds");
        },
    )
}

/// The save loop ([`save_loop_child`]) over an assessment.
fn save_loop(total: usize, random: &mut Random, example: &[u8]) -> Figures {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("T.ron");
    std::fs::write(&target, example).expect("write");
    let (first, second) = loop_contents(&target);
    let scenario = Scenario {
        name: "save loop",
        count: total,
        dir: dir.path(),
        target: &target,
        window: (Duration::ZERO, Duration::from_millis(400)),
        allowed: &[("A", &first), ("B", &second), ("example", example)],
    };
    scenario.run(
        random,
        || {
            Command::new(std::env::current_exe().expect("test binary"))
                .args([
                    "--exact",
                    "save_loop_child",
                    "--ignored",
                    "--test-threads=1",
                ])
                .env(SAVE_LOOP_ENV, &target)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("spawn")
        },
        || {
            let mut session = Session::open(&Library::lazy(), &target).expect("open");
            set_body(&mut session, "Gemeinde A");
            session.save().expect("the next write succeeds");
        },
    )
}

#[test]
#[ignore = "the crash harness (a minute or more); .ci/run runs it"]
fn killed_writes_leave_the_old_or_the_new_file() {
    let total = runs();
    let seed = std::env::var("CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed_c0de);
    eprintln!("crash harness: {total} kills, CRASH_SEED={seed}");
    let mut random = Random(seed);
    let example = std::fs::read(EXAMPLE).expect("example");
    let all = [
        new_force(total / 3, &mut random, &example),
        export(total / 3, &mut random),
        save_loop(total - 2 * (total / 3), &mut random, &example),
    ];
    let sum = |f: fn(&Figures) -> usize| all.iter().map(f).sum::<usize>();
    eprintln!(
        "crash harness, total: {} runs, {} killed while running, {} mid-write, {} corrupt, {} left over",
        sum(|f| f.runs),
        sum(|f| f.killed_running),
        sum(|f| f.killed_mid_write),
        sum(|f| f.corrupt),
        sum(|f| f.leftovers)
    );
    assert_eq!(sum(|f| f.corrupt), 0, "no file is ever corrupt");
    assert_eq!(
        sum(|f| f.leftovers),
        0,
        "no temporary file survives the next write"
    );
    assert!(
        sum(|f| f.killed_mid_write) > 0,
        "some kills landed mid-write (else the harness tests nothing)"
    );
}

fn set_body(session: &mut Session, body: &str) {
    session
        .wizard_mut()
        .apply(Edit::Meta(MetaField::PublicBody, body.to_owned()));
}

/// The two contents the save loop alternates between, as saved files.
fn loop_contents(target: &Path) -> (Vec<u8>, Vec<u8>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("T.ron");
    std::fs::copy(target, &path).expect("copy");
    let mut session = Session::open(&Library::lazy(), &path).expect("open");
    let mut contents = Vec::new();
    for body in ["Gemeinde A", "Gemeinde B"] {
        set_body(&mut session, body);
        session.save().expect("save");
        contents.push(std::fs::read(&path).expect("read"));
    }
    let second = contents.pop().expect("two");
    let first = contents.pop().expect("two");
    (first, second)
}

/// The child of the save loop: saves the session to `$PLATTFORMCHECK_CRASH_SAVE_LOOP` over and
/// over until it is killed. Does nothing when run by itself.
#[test]
#[ignore = "run by the crash harness as its child"]
fn save_loop_child() {
    let Some(target) = std::env::var_os(SAVE_LOOP_ENV) else {
        return;
    };
    let target = PathBuf::from(target);
    let mut session = Session::open(&Library::lazy(), &target).expect("open");
    for body in ["Gemeinde A", "Gemeinde B"].iter().cycle() {
        set_body(&mut session, body);
        session.save().expect("save");
    }
}
