//! Nothing the user made is overwritten or lost: the PDF export refuses its own input and any
//! file that is not an earlier report, backups rotate instead of replacing each other, saves
//! keep the file's permissions, long names and crashes leave no temporary files behind, and
//! pipes or full disks neither hang nor panic the command line.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::outcome;
use plattformcheck::fsio::{atomic, backup};
use plattformcheck::store;

const EXAMPLE: &str = "assets/examples/stadt-musterstadt-tiktok.ron";

/// Runs the binary with `args` in the package root; kills it and fails if it takes over 20 s
/// (a hang on a FIFO is what some of these tests look for).
fn run_bounded(args: &[&str]) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_plattformcheck"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().ok();
            panic!("plattformcheck {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    outcome(&child.wait_with_output().expect("output"))
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

/// A copy of the example in a fresh folder.
fn example_copy(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    fs::copy(EXAMPLE, &path).expect("copy example");
    path
}

#[test]
fn export_never_replaces_its_own_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = example_copy(dir.path(), "A.ron");
    let before = fs::read(&a).expect("read");
    for target in [a.clone(), dir.path().join(".").join("A.ron")] {
        let (code, stdout, stderr) = run_bounded(&["export", s(&a), "-o", s(&target)]);
        assert_eq!(code, Some(1), "refused\nstdout: {stdout}\nstderr: {stderr}");
        assert!(
            stderr.contains("A.ron: not written: this is the assessment the report is made from"),
            "{stderr}"
        );
    }
    #[cfg(unix)]
    {
        let link = dir.path().join("link.pdf");
        fs::hard_link(&a, &link).expect("hard link");
        let (code, _, stderr) = run_bounded(&["export", s(&a), "-o", s(&link)]);
        assert_eq!(
            code,
            Some(1),
            "a hard link to the input is the input: {stderr}"
        );
    }
    assert_eq!(fs::read(&a).expect("read"), before, "assessment untouched");
    assert!(
        !backup::backup_path(&a).exists(),
        "nothing was even backed up"
    );
}

#[test]
fn export_refuses_to_replace_files_that_are_not_its_reports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = example_copy(dir.path(), "A.ron");
    let newer = dir.path().join("neu.ron");
    fs::write(&newer, "Assessment(format_version: 9, signatures: [])").expect("write");
    let foreign = dir.path().join("fremd.pdf");
    fs::write(
        &foreign,
        b"%PDF-1.7\n1 0 obj << /Producer (Word) >> endobj\n%%EOF\n",
    )
    .expect("w");
    let text = dir.path().join("notiz.pdf");
    fs::write(&text, "Notizen der DSB").expect("write");
    for (target, what) in [
        (&newer, "not a PDF file"),
        (&foreign, "a PDF that Plattform-Check did not write"),
        (&text, "not a PDF file"),
    ] {
        let before = fs::read(target).expect("read");
        let (code, _, stderr) = run_bounded(&["export", s(&a), "-o", s(target)]);
        assert_eq!(code, Some(1), "refused: {stderr}");
        assert!(
            stderr.contains(&format!("not overwritten: the file exists and is {what}")),
            "{stderr}"
        );
        assert_eq!(fs::read(target).expect("read"), before, "untouched");
    }
    let (code, _, stderr) = run_bounded(&["export", s(&a), "-o", s(dir.path())]);
    assert_eq!(code, Some(1), "a folder is refused: {stderr}");
}

#[test]
fn export_over_an_earlier_report_keeps_it_as_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = example_copy(dir.path(), "A.ron");
    let pdf = dir.path().join("bericht.pdf");
    let (code, _, stderr) = run_bounded(&["export", s(&a), "-o", s(&pdf)]);
    assert_eq!(code, Some(0), "{stderr}");
    let first = fs::read(&pdf).expect("first report");
    let (code, stdout, stderr) = run_bounded(&["export", s(&a), "-o", s(&pdf), "--lang", "en"]);
    assert_eq!(code, Some(0), "an earlier report is replaced: {stderr}");
    assert!(stdout.contains("the earlier report is kept as"), "{stdout}");
    assert_eq!(
        fs::read(backup::backup_path(&pdf)).expect("backup"),
        first,
        "the earlier report is the backup"
    );
    assert_ne!(fs::read(&pdf).expect("second"), first, "new report written");
}

#[test]
fn new_force_twice_keeps_the_original() {
    let dir = tempfile::tempdir().expect("temp dir");
    let t = example_copy(dir.path(), "T.ron");
    let original = fs::read(&t).expect("read");
    for _ in 0..3 {
        let (code, _, stderr) =
            run_bounded(&["new", "--checklist", "tiktok", "-o", s(&t), "--force"]);
        assert_eq!(code, Some(0), "{stderr}");
    }
    let kept: Vec<Vec<u8>> = backup::backup_paths(&t)
        .iter()
        .filter_map(|p| fs::read(p).ok())
        .collect();
    assert!(
        kept.contains(&original),
        "the original is still among the {} backups",
        kept.len()
    );
}

#[test]
fn backups_rotate_and_keep_at_most_five() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.ron");
    let mut a = store::load(Path::new(EXAMPLE)).expect("example");
    for n in 0..8 {
        a.metadata.unit = format!("Version {n}");
        store::save(&path, &a).expect("save");
    }
    let units: Vec<String> = backup::backup_paths(&path)
        .iter()
        .map(|p| store::load(p).expect("backup loads").metadata.unit)
        .collect();
    assert_eq!(
        units,
        [
            "Version 6",
            "Version 5",
            "Version 4",
            "Version 3",
            "Version 2"
        ],
        "newest first"
    );
    // Saving the same content again changes no backup.
    store::save(&path, &a).expect("save again");
    let again: Vec<String> = backup::backup_paths(&path)
        .iter()
        .map(|p| store::load(p).expect("backup loads").metadata.unit)
        .collect();
    assert_eq!(again, units, "an unchanged save rotates nothing");
    let files = fs::read_dir(dir.path()).expect("list").count();
    assert_eq!(files, 1 + backup::KEEP, "the file and five backups");
}

#[cfg(unix)]
#[test]
fn saving_keeps_the_file_mode() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = example_copy(dir.path(), "privat.ron");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).expect("chmod");
    let mut a = store::load(&path).expect("load");
    a.metadata.unit = "Personalrat".into();
    store::save(&path, &a).expect("save");
    let mode = |p: &Path| fs::metadata(p).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600, "the file stays private");
    assert_eq!(
        mode(&backup::backup_path(&path)),
        0o600,
        "so does its backup"
    );
}

#[test]
fn a_read_only_file_is_not_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = example_copy(dir.path(), "archiv.ron");
    let before = fs::read(&path).expect("read");
    let mut perms = fs::metadata(&path).expect("stat").permissions();
    perms.set_readonly(true);
    fs::set_permissions(&path, perms).expect("chmod");
    let mut a = store::load(&path).expect("load");
    a.metadata.unit = "geändert".into();
    let err = store::save(&path, &a).expect_err("read-only");
    assert!(err.to_string().contains("read-only"), "{err}");
    assert_eq!(fs::read(&path).expect("read"), before, "untouched");
    assert!(!backup::backup_path(&path).exists(), "no backup made");
}

#[test]
fn long_file_names_save_twice_and_leave_no_temp_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut a = store::load(Path::new(EXAMPLE)).expect("example");
    for len in [241, 248, 251, 255] {
        let name = format!("{}.ron", "b".repeat(len - 4));
        let path = dir.path().join(&name);
        store::save(&path, &a).expect("first save");
        a.metadata.unit = format!("{len}");
        store::save(&path, &a).expect("second save");
        assert_eq!(
            store::load(&path).expect("load").metadata.unit,
            format!("{len}")
        );
        let backup = backup::backup_path(&path);
        assert!(backup.exists(), "backup {} made", backup.display());
    }
    let temps: Vec<String> = fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(temps.is_empty(), "no temporary files: {temps:?}");
}

#[test]
fn stale_temp_files_of_this_program_are_cleaned_and_nothing_else() {
    let dir = tempfile::tempdir().expect("temp dir");
    let stale = dir.path().join(atomic::temp_name("a.ron", 4_000_000, 0));
    fs::write(&stale, "half a file").expect("write");
    let live = dir.path().join(atomic::temp_name("b.ron", 4_000_001, 0));
    let live_file = fs::File::create(&live).expect("create");
    live_file.lock().expect("a writer's lock");
    let others = [".a.ron.tmp", "a.ron.plattformcheck-1-1.tmp", ".notes.swp"];
    for other in others {
        fs::write(dir.path().join(other), "not ours").expect("write");
    }
    let a = store::load(Path::new(EXAMPLE)).expect("example");
    store::save(&dir.path().join("c.ron"), &a).expect("save");
    assert!(!stale.exists(), "the leftover of a crash is gone");
    assert!(live.exists(), "a file another writer holds is kept");
    for other in others {
        assert!(
            dir.path().join(other).exists(),
            "{other} is not ours and stays"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_by_every_command_without_hanging() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("f.ron");
    let status = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(status.success(), "mkfifo");
    let pdf = dir.path().join("x.pdf");
    let runs: [&[&str]; 5] = [
        &["score", s(&fifo)],
        &["export", s(&fifo), "-o", s(&pdf)],
        &["check", s(&fifo)],
        &["new", "--checklist", "tiktok", "-o", s(&fifo), "--force"],
        &["export", EXAMPLE, "-o", s(&fifo)],
    ];
    for args in runs {
        let (code, _, stderr) = run_bounded(args);
        assert_eq!(code.map(|c| c != 0), Some(true), "{args:?} fails: {stderr}");
        assert!(
            stderr.contains("f.ron") && stderr.contains("not a regular file"),
            "{args:?}: {stderr}"
        );
    }
    assert!(!pdf.exists(), "no report from a FIFO");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_stdout_is_an_error_not_a_panic() {
    for args in [
        vec!["score", EXAMPLE],
        vec!["checklist", "show", "tiktok", "--json"],
        vec!["checklist", "list"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_plattformcheck"))
            .args(&args)
            .stdout(fs::File::create("/dev/full").expect("/dev/full"))
            .output()
            .expect("runs");
        let (code, _, stderr) = outcome(&out);
        assert_eq!(code, Some(3), "{args:?}: exit 3: {stderr}");
        assert!(
            stderr.contains("cannot write to standard output: the disk is full"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_plattformcheck"))
        .args(["checklist", "show", "tiktok", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut head = [0u8; 20];
    stdout.read_exact(&mut head).expect("the first bytes");
    drop(stdout); // as `| head -c 20` does
    let out = child.wait_with_output().expect("ends");
    let (code, _, stderr) = outcome(&out);
    assert_eq!(code, Some(0), "quiet success: {stderr}");
    assert!(stderr.is_empty(), "nothing said: {stderr}");
}

#[test]
fn a_missing_folder_is_named_as_such() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("fehlt");
    let pdf = missing.join("x.pdf");
    let (code, _, stderr) = run_bounded(&["export", EXAMPLE, "-o", s(&pdf)]);
    assert_eq!(code, Some(3), "{stderr}");
    assert!(
        stderr.contains(&format!("the folder {} does not exist", missing.display())),
        "{stderr}"
    );
    let ron = missing.join("x.ron");
    let (code, _, stderr) = run_bounded(&["new", "--checklist", "tiktok", "-o", s(&ron)]);
    assert_eq!(code, Some(3), "{stderr}");
    assert!(
        stderr.contains("does not exist") && !stderr.contains("unchanged"),
        "{stderr}"
    );
}
