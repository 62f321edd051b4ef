//! The app: owns the open assessment, preferences and dialogs; draws the screens and applies the
//! actions they return, once per frame.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use super::action::{Action, Edit, FilePurpose};
pub use super::state::{Dialog, Message, Prefs, View, document_name};
use super::{files, screens, style};
use crate::i18n::{self, ui::UiText};
use crate::session::autosave::{self, AutosaveFile};
use crate::session::{ExportFormat, Library, OpenError, Session};
use crate::text::Lang;
use crate::wizard::{Step, Wizard};

/// The Plattform-Check desktop app.
pub struct App {
    /// Preferences.
    pub prefs: Prefs,
    /// Built-in checklists and the own ones loaded in this session.
    pub library: Library,
    /// The open assessment.
    pub doc: Option<Session>,
    /// The open dialog.
    pub dialog: Option<Dialog>,
    /// Messages.
    pub messages: Vec<Message>,
    /// Autosave found at start, offered for restoring.
    pub restore: Option<AutosaveFile>,
    /// Folder for the autosave file (`None`: no autosave).
    pub data_dir: Option<PathBuf>,
    /// When the next autosave is due.
    autosave_due: Option<Instant>,
    /// A system file dialog running on another thread.
    pending: Option<(FilePurpose, Receiver<Option<PathBuf>>, Instant)>,
    /// The window may close (after the unsaved-changes question).
    pub allow_close: bool,
    /// Set when the app wants the window closed.
    pub close_now: bool,
    /// The exercise, while one runs (see `workshop.rs`).
    pub workshop: Option<super::state::Workshop>,
    /// What to do once a file that had no name yet is saved through the dialog ("Speichern"
    /// when closing or leaving a never-saved assessment).
    after_save: Option<Box<Action>>,

    /// Applied zoom, to notice when it must be set again.
    applied_style: Option<(bool, f32, bool)>,
    /// Window title last sent.
    applied_title: Option<String>,
    /// The next frame focuses the dialog's input field.
    pub focus_dialog: bool,
    /// Whether the file dialog's path names an existing file (looked up when it changes, never
    /// while drawing).
    pub dialog_target_exists: bool,
    /// Recent files that were not found when the list last changed (looked up then, not while
    /// drawing).
    pub missing_recent: Vec<PathBuf>,
    /// Set when the time to the first frame is to be reported.
    pub started: Option<Instant>,
    /// The preferences as last written to `prefs.ron` (they are written when they change).
    prefs_written: Prefs,
}

/// Name of the autosave file in the data folder.
pub const AUTOSAVE_FILE: &str = autosave::FILE_NAME;

impl App {
    /// The app with these preferences, keeping its autosave in `data_dir`.
    pub fn new(prefs: Prefs, data_dir: Option<PathBuf>) -> Self {
        Self::with_library(prefs, data_dir, Library::with_builtins())
    }

    /// [`Self::new`] with the built-in checklists already parsed (`run` parses them on a thread
    /// while the window opens, which takes longer).
    pub fn with_library(prefs: Prefs, data_dir: Option<PathBuf>, library: Library) -> Self {
        let mut messages = Vec::new();
        let restore = match data_dir
            .as_ref()
            .map(|d| autosave::read(&d.join(AUTOSAVE_FILE)))
        {
            Some(Ok(found)) => found,
            Some(Err(err)) => {
                messages.push(Message {
                    error: true,
                    text: err.to_string(),
                    open: None,
                    both: None,
                });
                None
            }
            None => None,
        };
        let prefs_at_start = prefs.clone();
        let mut app = Self {
            prefs,
            library,
            doc: None,
            dialog: None,
            messages,
            restore,
            data_dir,
            autosave_due: None,
            pending: None,
            allow_close: false,
            close_now: false,
            after_save: None,
            workshop: None,

            applied_style: None,
            applied_title: None,
            started: None,
            focus_dialog: false,
            dialog_target_exists: false,
            missing_recent: Vec::new(),
            prefs_written: prefs_at_start,
        };
        app.look_up_recent();
        app
    }

    /// The strings of the current language.
    pub fn tr(&self) -> &'static UiText {
        &i18n::tr(self.prefs.lang).ui
    }

    pub(super) fn error(&mut self, text: String) {
        self.messages.push(Message {
            error: true,
            text,
            open: None,
            both: None,
        });
    }

    /// A message from the translation table, in both languages (see [`Message::translated`]).
    pub(super) fn say(&mut self, error: bool, text: impl Fn(&'static UiText) -> String) {
        let message = Message::translated(error, |lang| text(&i18n::tr(lang).ui), self.prefs.lang);
        self.messages.push(message);
    }

    /// Whether there are unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.doc.as_ref().is_some_and(Session::is_dirty)
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        let edits = action.edits();
        if let Some(action) = self
            .apply_open(action)
            .and_then(|a| self.apply_review(a))
            .and_then(|a| self.apply_workshop(a))
        {
            self.apply_core(action);
        }
        if edits && self.doc.is_some() {
            self.autosave_due
                .get_or_insert_with(|| Instant::now() + Duration::from_millis(800));
        }
    }

    /// Applies an action that is not the review's (see `review.rs`).
    fn apply_core(&mut self, action: Action) {
        match action {
            Action::ShowFileDialog(purpose) => self.show_file_dialog(purpose),
            Action::Browse(purpose) => {
                let start = self.default_path(purpose);
                self.pending = Some((
                    purpose,
                    files::spawn_dialog(purpose, &start),
                    Instant::now(),
                ));
            }
            Action::Save => {
                self.save_checked();
            }
            Action::SaveTo(path) => {
                if self.save_to(&path) {
                    self.dialog = None;
                    if let Some(then) = self.after_save.take() {
                        self.apply(*then);
                    }
                }
            }
            Action::Go(step) => self.with_wizard(|w| w.go(step)),
            Action::Next => self.with_wizard(Wizard::next),
            Action::Back => self.with_wizard(Wizard::back),
            Action::Edit(edit) => self.guarded_edit(edit),
            Action::ConfirmedEdit(edit) => self.apply_edit(edit),
            Action::Undo => self.with_wizard(|w| {
                w.undo();
            }),
            Action::Redo => self.with_wizard(|w| {
                w.redo();
            }),
            Action::SetLang(lang) => {
                self.prefs.lang = lang;
                for m in &mut self.messages {
                    m.switch(lang);
                }
            }
            Action::SetDark(dark) => self.prefs.dark = dark,
            Action::Zoom(step) => {
                self.prefs.zoom = match step {
                    0 => 1.0,
                    s => (self.prefs.zoom + 0.1 * f32::from(s)).clamp(0.7, 2.5),
                };
            }
            Action::SetProjector(on) => self.prefs.projector = on,
            Action::CloseRequested
            | Action::DiscardAndClose
            | Action::SaveAndClose
            | Action::Leave(_)
            | Action::DiscardAndDo(_)
            | Action::SaveAndDo(_) => self.apply_leaving(action),
            Action::ExportPdf(path, lang) => {
                if self.export_pdf(&path, lang) {
                    self.dialog = None;
                }
            }
            Action::SetReportLang(lang) => self.prefs.report_lang = lang,
            Action::OpenExternal(path) => self.open_external(&path),
            Action::CancelDialog => {
                self.dialog = None;
                self.after_save = None;
            }
            Action::AskReset => self.dialog = Some(Dialog::ConfirmReset),
            Action::DialogPathEdited => self.look_up_dialog_target(),
            Action::RestoreAutosave => self.restore_autosave(),
            Action::DiscardAutosave => {
                self.restore = None;
                self.delete_autosave();
            }
            Action::Home => self.leave_then(Action::Home, |app| app.set_doc(None)),
            // `Copy` is handled in `show`, which has the egui context; the review's actions by
            // `apply_review`, the workshop's by `apply_workshop`, opening by `apply_open`.
            Action::New(_)
            | Action::OpenAny(_)
            | Action::OpenExample(_)
            | Action::Open(_)
            | Action::Copy(_)
            | Action::StartWorkshop(_)
            | Action::ShowSolution
            | Action::RestartWorkshop
            | Action::SetMode(_)
            | Action::Submit
            | Action::SubmitAs(_)
            | Action::ShowChangesSince(_)
            | Action::CompareWith(_)
            | Action::VerifyPdf(_)
            | Action::ExportCalendar(_)
            | Action::OverwriteSave
            | Action::ShowDiskChanges
            | Action::OpenTakingLock(_) => {}
            Action::DismissMessage(i) => {
                if i < self.messages.len() {
                    self.messages.remove(i);
                }
            }
        }
    }

    fn show_file_dialog(&mut self, purpose: FilePurpose) {
        let path = self.default_path(purpose).display().to_string();
        self.dialog = Some(Dialog::File { purpose, path });
        self.focus_dialog = true;
        self.look_up_dialog_target();
    }

    /// Applies an edit that passed [`Self::guarded_edit`] (or was confirmed there).
    fn apply_edit(&mut self, edit: Edit) {
        if matches!(self.dialog, Some(Dialog::ConfirmNewRound(_))) {
            self.dialog = None;
        }
        self.with_wizard(|w| {
            let reset = edit == Edit::ResetAnswers;
            w.apply(edit);
            if reset {
                w.go(Step::Metadata);
            }
        });
    }

    /// Hands `path` to the system's default program. That program runs on its own: whether one
    /// exists for the file type shows only there, so the message says where the file is.
    fn open_external(&mut self, path: &Path) {
        match opener::open(path) {
            Ok(()) => self.say(false, |s| {
                format!("{}: {}", s.msg_handed_over, path.display())
            }),
            Err(err) => self.say(true, |s| {
                format!("{}: {}: {err}", path.display(), s.msg_open_failed)
            }),
        }
    }

    /// Closing the window or leaving the assessment, with the unsaved-changes question.
    fn apply_leaving(&mut self, action: Action) {
        match action {
            Action::CloseRequested => {
                if self.is_dirty() {
                    self.dialog = Some(Dialog::ConfirmClose);
                } else {
                    self.close();
                }
            }
            Action::DiscardAndClose => {
                self.delete_autosave();
                self.close();
            }
            Action::SaveAndClose => {
                self.apply(Action::Save);
                if !self.is_dirty() {
                    self.close();
                } else {
                    self.continue_after_save_as(Action::CloseRequested);
                }
            }
            Action::Leave(then) => self.leave_then(*then.clone(), |app| app.apply(*then)),
            Action::DiscardAndDo(then) => {
                if let Some(doc) = &mut self.doc {
                    doc.mark_clean();
                }
                self.delete_autosave();
                self.dialog = None;
                self.apply(*then);
            }
            Action::SaveAndDo(then) => {
                self.dialog = None;
                self.apply(Action::Save);
                if !self.is_dirty() {
                    self.apply(*then);
                } else {
                    self.continue_after_save_as(*then);
                }
            }
            _ => {}
        }
    }

    /// When saving opened the "save as" dialog (the file has no name yet), `then` runs once the
    /// user has saved there; cancelling the dialog forgets it.
    fn continue_after_save_as(&mut self, then: Action) {
        if matches!(
            self.dialog,
            Some(Dialog::File {
                purpose: FilePurpose::SaveAs,
                ..
            })
        ) {
            self.after_save = Some(Box::new(then));
        }
    }

    fn with_wizard(&mut self, f: impl FnOnce(&mut Wizard)) {
        if let Some(doc) = &mut self.doc {
            f(doc.wizard_mut());
        }
    }

    /// Runs `then` now, or first asks about unsaved changes (and runs `retry` afterwards).
    pub(super) fn leave_then(&mut self, retry: Action, then: impl FnOnce(&mut Self)) {
        if self.is_dirty() {
            self.dialog = Some(Dialog::ConfirmLeave(Box::new(retry)));
        } else {
            then(self);
        }
    }

    fn close(&mut self) {
        self.release_lock();
        self.allow_close = true;
        self.close_now = true;
        self.dialog = None;
    }

    /// Saves the open assessment to `path`; returns whether it worked.
    pub fn save_to(&mut self, path: &Path) -> bool {
        let Some(doc) = &mut self.doc else {
            return false;
        };
        let before = doc.path().map(Path::to_path_buf);
        match doc.save_as(path) {
            Ok(()) => {
                if before.as_deref() != Some(path) {
                    // Saved under a new name: the lock moves with the file.
                    if let Some(old) = &before {
                        crate::session::lock::release(old);
                    }
                    crate::session::lock::take(path);
                }
                self.saved(path);
                true
            }
            Err(err) => {
                self.error(err.to_string());
                false
            }
        }
    }

    /// After a save: remembered, autosave gone, and said so.
    pub(super) fn saved(&mut self, path: &Path) {
        self.remember(path);
        self.delete_autosave();
        self.say(false, |s| format!("{} {}", s.msg_saved, path.display()));
    }

    /// Builds and writes the PDF report; returns whether it worked. Rendering takes a few
    /// milliseconds, so it runs here rather than on a thread.
    pub fn export_pdf(&mut self, path: &Path, lang: Lang) -> bool {
        let s = self.tr();
        let Some(doc) = &self.doc else { return false };
        let exported = match doc.export(ExportFormat::Pdf, lang, path) {
            Ok(exported) => exported,
            Err(err) => {
                self.error(format!("{}: {err}", s.msg_pdf_failed));
                return false;
            }
        };
        for w in &exported.warnings {
            self.error(format!("{}: {w}", path.display()));
        }
        let provisional = exported.open_questions() > 0;
        let mut message = Message::translated(
            false,
            |lang| {
                let s = &i18n::tr(lang).ui;
                let mut text = format!("{} {}", s.msg_pdf_saved, path.display());
                if provisional {
                    text.push_str(&format!(" — {}", s.msg_pdf_provisional));
                }
                text
            },
            self.prefs.lang,
        );
        message.open = Some(path.to_path_buf());
        self.messages.push(message);
        true
    }

    pub(super) fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.prefs.recent.retain(|p| p != &path);
        self.prefs.recent.insert(0, path);
        self.prefs.recent.truncate(8);
        self.look_up_recent();
    }

    /// Notes which recent files are missing, for the start screen to grey them out.
    pub fn look_up_recent(&mut self) {
        self.missing_recent = self
            .prefs
            .recent
            .iter()
            .filter(|p| !p.exists())
            .cloned()
            .collect();
    }

    /// Notes whether the file dialog's path names an existing file (to warn before replacing
    /// it).
    fn look_up_dialog_target(&mut self) {
        self.dialog_target_exists = match &self.dialog {
            Some(Dialog::File { path, .. }) => Path::new(path.trim()).is_file(),
            _ => false,
        };
    }

    fn autosave_path(&self) -> Option<PathBuf> {
        self.data_dir.as_ref().map(|d| d.join(AUTOSAVE_FILE))
    }

    /// Writes the autosave file if one is due (or `force`).
    pub fn autosave(&mut self, force: bool) {
        let due = self
            .autosave_due
            .is_some_and(|t| force || Instant::now() >= t);
        if !due {
            return;
        }
        self.autosave_due = None;
        let (Some(path), Some(doc)) = (self.autosave_path(), &self.doc) else {
            return;
        };
        if !doc.is_dirty() {
            return;
        }
        if let Err(err) = doc.autosave(&path, now_text()) {
            self.error(err.to_string());
        }
    }

    /// Writes the preferences to the app's folder if they changed since the last write. A
    /// failed write is reported once, not every frame.
    pub fn persist_prefs(&mut self) {
        if self.prefs == self.prefs_written {
            return;
        }
        self.prefs_written = self.prefs.clone();
        let Some(dir) = self.data_dir.clone() else {
            return;
        };
        if let Err(err) = super::prefs::save(&dir, &self.prefs) {
            let path = dir.join(super::prefs::FILE_NAME);
            self.error(crate::fsio::write_message(&path, &err));
        }
    }

    fn delete_autosave(&mut self) {
        self.autosave_due = None;
        if let Some(path) = self.autosave_path() {
            autosave::remove(&path);
        }
    }

    fn restore_autosave(&mut self) {
        let Some(file) = self.restore.take() else {
            return;
        };
        if let Some(path) = &file.checklist_file
            && !self.library.own().iter().any(|(p, _)| p == path)
        {
            // A checklist of one's own that no longer loads leaves the restore to say which
            // checklist is missing.
            self.library.load_own(path).ok();
        }
        let at = file.at.clone();
        match Session::recover(&self.library, file) {
            Ok(mut session) => {
                // Back where the user was: the question, if it is still one, else the result.
                let step = at
                    .filter(|id| session.wizard().is_visible(id))
                    .map_or(Step::Result, |id| Step::Question(id.as_str().into()));
                session.wizard_mut().go(step);
                self.set_doc(Some(session));
            }
            Err(OpenError::Mismatch { .. }) => {
                self.say(true, |s| s.msg_autosave_mismatch.to_owned());
            }
            Err(err) => self.open_failed(err),
        }
    }

    /// Takes the result of a finished system file dialog, if any.
    fn poll_file_dialog(&mut self) -> Option<Action> {
        let (purpose, rx, since) = self.pending.as_ref()?;
        let (purpose, since) = (*purpose, *since);
        match rx.try_recv() {
            Ok(Some(path)) => {
                self.pending = None;
                // Fill the in-app field; the user confirms there (also where no system dialog exists).
                self.dialog = Some(Dialog::File {
                    purpose,
                    path: path.display().to_string(),
                });
                self.focus_dialog = true;
                self.look_up_dialog_target();
                None
            }
            Ok(None) | Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.pending = None;
                // Nobody cancels a dialog within a moment: an answer that quick means the system
                // has no file dialog (no desktop portal). Say so; the path field stays.
                if since.elapsed() < Duration::from_millis(400) {
                    self.say(false, |s| s.msg_no_system_dialog.to_owned());
                }
                None
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => None,
        }
    }

    /// "name* – Plattform-Check": the file, and a star for unsaved changes.
    fn window_title(&self) -> String {
        let Some(doc) = &self.doc else {
            return "Plattform-Check".to_owned();
        };
        let name = document_name(doc, self.tr());
        let star = if doc.is_dirty() { "*" } else { "" };
        format!("{name}{star} – Plattform-Check")
    }

    /// The read-only view of this frame that the screens draw.
    fn view(&self, dialog_open: bool) -> View<'_> {
        View {
            prefs: &self.prefs,
            library: &self.library,
            doc: self.doc.as_ref(),
            messages: &self.messages,
            restore: self.restore.as_ref(),
            missing_recent: &self.missing_recent,
            dialog_open,
            file_dialog_pending: self.pending.is_some(),
            dialog_target_exists: self.dialog_target_exists,
            focus_dialog: self.focus_dialog,
            workshop: self.workshop.as_ref(),
        }
    }

    /// Whether a system file dialog is open.
    pub fn file_dialog_pending(&self) -> bool {
        self.pending.is_some()
    }

    /// Draws the whole app into `ui` and applies what the user did.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let style_key = (self.prefs.dark, self.prefs.zoom, self.prefs.projector);
        if self.applied_style != Some(style_key) {
            style::apply(&ctx, self.prefs.dark, self.prefs.zoom, self.prefs.projector);
            self.applied_style = Some(style_key);
        }
        let mut actions = Vec::new();
        if let Some(a) = self.poll_file_dialog() {
            actions.push(a);
        }
        if self.pending.is_some() {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        let title = self.window_title();
        if self.applied_title.as_deref() != Some(title.as_str()) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.applied_title = Some(title);
        }
        let mut dialog = self.dialog.take();
        {
            let view = self.view(dialog.is_some());
            screens::keyboard(&ctx, &view, &mut actions);
            screens::top_bar(ui, &view, &mut actions);
            match view.doc {
                None => screens::start::ui(ui, &view, &mut actions),
                Some(_) => screens::workspace(ui, &view, &mut actions),
            }
            if let Some(dialog) = dialog.as_mut() {
                screens::dialogs::ui(&ctx, &view, dialog, &mut actions);
            }
        }
        style::focus_ring(&ctx, self.prefs.dark);
        super::widgets::drop_target(&ctx, self.tr().drop_hint, &mut actions);
        self.focus_dialog = false;
        self.dialog = dialog;
        for action in actions {
            if let Action::Copy(text) = &action {
                ctx.copy_text(text.clone());
            }
            self.apply(action);
        }
        let before = self.messages.len();
        self.autosave(false);
        if self.messages.len() > before {
            // An autosave that failed says so now, not at the next input.
            ctx.request_repaint();
        }
        if let Some(due) = self.autosave_due {
            ctx.request_repaint_after(due.saturating_duration_since(Instant::now()));
        }
        self.persist_prefs();
    }
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            }
            self.apply(Action::CloseRequested);
        }
        if self.close_now {
            self.close_now = false;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
        if let Some(started) = self.started.take() {
            eprintln!("first frame after {} ms", started.elapsed().as_millis());
        }
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        // eframe's storage keeps only the window's size and place; the preferences have their
        // own file, written when they change.
        self.persist_prefs();
        // Work in progress survives even a kill right after this point.
        self.autosave(true);
    }
}

fn now_text() -> String {
    let now = time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");
    now.format(format).unwrap_or_default()
}
