//! The app's commands, each describing itself: its label, its keyboard shortcut and the action it
//! sends, in one place.
//!
//! Menus and buttons show them with their shortcut in the tooltip, and the keyboard handler listens
//! for the same shortcuts, so the two can never disagree.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::action::{Action, FilePurpose};
use crate::i18n::ui::UiText;

/// A command with a label and, for most, a shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Back to the start screen.
    Home,
    /// Open an assessment.
    Open,
    /// Save to the current file.
    Save,
    /// Save under a new name.
    SaveAs,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Normal text size.
    ZoomReset,
    /// The result of the open assessment.
    Result,
}

impl Command {
    /// Every command, those with longer shortcuts first (Ctrl+Shift+S must be taken before
    /// Ctrl+S, which it also matches).
    pub const ALL: [Self; 10] = [
        Self::SaveAs,
        Self::Save,
        Self::Open,
        Self::Undo,
        Self::Redo,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ZoomReset,
        Self::Result,
        Self::Home,
    ];

    /// The label on buttons and in menus.
    pub fn label(self, s: &UiText) -> &'static str {
        match self {
            Self::Home => s.home,
            Self::Open => s.open,
            Self::Save => s.save,
            Self::SaveAs => s.save_as,
            Self::Undo => s.undo,
            Self::Redo => s.redo,
            Self::ZoomIn => s.larger,
            Self::ZoomOut => s.smaller,
            Self::ZoomReset => s.normal_size,
            Self::Result => s.result_title,
        }
    }

    /// What it does, where the label alone does not say.
    pub fn tooltip(self, s: &UiText) -> Option<&'static str> {
        match self {
            Self::Home => Some(s.home_tip),
            Self::Result => Some(s.result_tip),
            _ => None,
        }
    }

    /// Its keyboard shortcuts, the one shown first.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const CMD: Modifiers = Modifiers::COMMAND;
        const fn k(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(modifiers, key)
        }
        const OPEN: &[KeyboardShortcut] = &[k(CMD, Key::O)];
        const SAVE: &[KeyboardShortcut] = &[k(CMD, Key::S)];
        const SAVE_AS: &[KeyboardShortcut] = &[k(CMD.plus(Modifiers::SHIFT), Key::S)];
        const UNDO: &[KeyboardShortcut] = &[k(CMD, Key::Z)];
        const REDO: &[KeyboardShortcut] = &[k(CMD, Key::Y)];
        // Ctrl+= is Ctrl++ without Shift on many layouts.
        const ZOOM_IN: &[KeyboardShortcut] = &[k(CMD, Key::Plus), k(CMD, Key::Equals)];
        const ZOOM_OUT: &[KeyboardShortcut] = &[k(CMD, Key::Minus)];
        const ZOOM_RESET: &[KeyboardShortcut] = &[k(CMD, Key::Num0)];
        const RESULT: &[KeyboardShortcut] = &[k(CMD, Key::R)];
        match self {
            Self::Home => &[],
            Self::Open => OPEN,
            Self::Save => SAVE,
            Self::SaveAs => SAVE_AS,
            Self::Undo => UNDO,
            Self::Redo => REDO,
            Self::ZoomIn => ZOOM_IN,
            Self::ZoomOut => ZOOM_OUT,
            Self::ZoomReset => ZOOM_RESET,
            Self::Result => RESULT,
        }
    }

    /// The shortcut shown beside its label.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.shortcuts().first().copied()
    }

    /// Whether its shortcut also acts while a text field has focus. Undo and redo then belong
    /// to the text field (egui's own undo of the typing).
    pub fn while_typing(self) -> bool {
        !matches!(self, Self::Undo | Self::Redo)
    }

    /// The action it sends.
    pub fn action(self) -> Action {
        match self {
            Self::Home => Action::Home,
            Self::Open => Action::ShowFileDialog(FilePurpose::Open),
            Self::Save => Action::Save,
            Self::SaveAs => Action::ShowFileDialog(FilePurpose::SaveAs),
            Self::Undo => Action::Undo,
            Self::Redo => Action::Redo,
            Self::ZoomIn => Action::Zoom(1),
            Self::ZoomOut => Action::Zoom(-1),
            Self::ZoomReset => Action::Zoom(0),
            Self::Result => Action::Go(crate::wizard::Step::Result),
        }
    }

    /// The tooltip text: what it does and its shortcut, as egui writes shortcuts on this
    /// platform ("Ctrl+S", "⌘S").
    pub fn hover_text(self, ctx: &egui::Context, s: &UiText) -> String {
        let shortcut = self.shortcut().map(|k| ctx.format_shortcut(&k));
        match (self.tooltip(s), shortcut) {
            (Some(tip), Some(k)) => format!("{tip} ({k})"),
            (Some(tip), None) => tip.to_owned(),
            (None, Some(k)) => k,
            (None, None) => String::new(),
        }
    }

    /// A button for the command; returns its action when clicked.
    pub fn button(self, ui: &mut egui::Ui, s: &UiText, enabled: bool) -> Option<Action> {
        let hover = self.hover_text(ui.ctx(), s);
        let response = ui.add_enabled(enabled, egui::Button::new(self.label(s)));
        let response = if hover.is_empty() {
            response
        } else {
            response.on_hover_text(hover)
        };
        response.clicked().then(|| self.action())
    }

    /// A menu entry for the command, with its shortcut beside the label.
    pub fn menu_item(self, ui: &mut egui::Ui, s: &UiText) -> Option<Action> {
        let mut button = egui::Button::new(self.label(s));
        if let Some(k) = self.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&k));
        }
        ui.add(button).clicked().then(|| self.action())
    }

    /// Takes the shortcuts pressed this frame from the input and returns their actions.
    pub fn pressed(ctx: &egui::Context, typing: bool) -> Vec<Action> {
        ctx.input_mut(|i| {
            Self::ALL
                .into_iter()
                .filter(|c| !typing || c.while_typing())
                .filter(|c| c.shortcuts().iter().any(|k| i.consume_shortcut(k)))
                .map(Self::action)
                .collect()
        })
    }
}
