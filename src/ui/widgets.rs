//! Small reusable widgets: class badges, labelled text and date fields, level pickers. They
//! return what the user changed; they never change the assessment themselves.

use egui::{Color32, RichText, Ui};

use super::style::{class_color, on_class_color};
use crate::risk::{Level, RiskClass};
use crate::text::{Lang, Text};

/// A filled badge with the class name written out (readable without colour).
pub fn class_badge(ui: &mut Ui, class: RiskClass, lang: Lang) -> egui::Response {
    let text = RichText::new(format!(" {} ", class.name(lang)))
        .color(on_class_color(class))
        .strong();
    // A badge never breaks inside: in a wrapping row it moves to the next line as a whole when
    // the rest of the line is too short for it.
    let width = egui::WidgetText::from(text.clone())
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Body,
        )
        .size()
        .x
        + 10.0;
    if ui.layout().main_wrap && ui.available_size_before_wrap().x < width {
        ui.end_row();
    }
    egui::Frame::new()
        .fill(class_color(class))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(4, 1))
        .show(ui, |ui| ui.add(egui::Label::new(text).extend()))
        .response
}

/// A labelled single- or multi-line text field; returns the new text when it changed.
pub fn text_field(
    ui: &mut Ui,
    label: &str,
    value: &str,
    multiline: bool,
    required: bool,
) -> Option<String> {
    text_field_focused(ui, label, value, (multiline, required), false)
}

/// [`text_field`] that takes the keyboard focus when `focus` is set (the field that a button
/// just made appear, so that Tab goes on from there and not from the top of the window).
pub fn text_field_focused(
    ui: &mut Ui,
    label: &str,
    value: &str,
    (multiline, required): (bool, bool),
    focus: bool,
) -> Option<String> {
    let shown = if required {
        format!("{label} *")
    } else {
        label.to_owned()
    };
    let label_response = ui.label(shown);
    let mut buffer = value.to_owned();
    let edit = if multiline {
        egui::TextEdit::multiline(&mut buffer)
            .desired_rows(3)
            .desired_width(f32::INFINITY)
    } else {
        egui::TextEdit::singleline(&mut buffer).desired_width(f32::INFINITY)
    };
    let response = ui.add(edit).labelled_by(label_response.id);
    if focus {
        response.request_focus();
    }
    response.changed().then_some(buffer)
}

/// A date field, shown as the language writes dates; returns the new date when it changed.
///
/// It keeps half-typed text until it is a date (German `TT.MM.JJJJ` or ISO `JJJJ-MM-TT`, in
/// either language); an emptied field gives `None`.
pub fn date_field(
    ui: &mut Ui,
    label: &str,
    value: Option<time::Date>,
    lang: Lang,
) -> Option<Option<time::Date>> {
    let s = &crate::i18n::tr(lang).ui;
    let current = value
        .map(|d| crate::dates::shown(d, lang))
        .unwrap_or_default();
    let label_response = ui.label(label);
    let id = label_response.id.with("date-buffer");
    let mut buffer: String = ui
        .data_mut(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| current.clone());
    let mut out = None;
    ui.horizontal(|ui| {
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut buffer)
                    .desired_width(110.0)
                    .hint_text(s.date_placeholder),
            )
            .labelled_by(label_response.id);
        let parsed = crate::dates::parse_input(&buffer);
        let empty = buffer.trim().is_empty();
        let valid = empty || parsed.is_some();
        if response.changed() && valid && parsed != value {
            out = Some(parsed);
        }
        if !response.has_focus() && valid && buffer != current && out.is_none() {
            // Left the field, or changed elsewhere (undo, another screen): show the stored value
            // as the language writes dates. A text that is not a date stays, with its hint.
            buffer = current.clone();
        }
        if !valid {
            ui.colored_label(Color32::from_rgb(198, 40, 40), s.date_hint);
        }
        if ui.small_button(s.today).clicked() {
            let t = crate::dates::today();
            buffer = crate::dates::shown(t, lang);
            out = Some(Some(t));
        }
    });
    ui.data_mut(|d| d.insert_temp(id, buffer));
    out
}

/// A picker for a level from `min` to 4 (or none); returns the new value when it changed.
pub fn level_picker(
    ui: &mut Ui,
    label: &str,
    (id_salt, min): (&str, Level),
    value: Option<Level>,
    names: &[Text; 4],
    lang: Lang,
) -> Option<Option<Level>> {
    let name = |l: Option<Level>| match l {
        Some(l) => format!("{} {}", l.get(), names[l.index()].get(lang)),
        None => "—".to_owned(),
    };
    let label_response = ui.label(label);
    let mut chosen = value;
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(name(value))
        .show_ui(ui, |ui| {
            for n in min.get()..=4u8 {
                let l = Level::new(n);
                ui.selectable_value(&mut chosen, l, name(l));
            }
        })
        .response
        .labelled_by(label_response.id);
    (chosen != value).then_some(chosen)
}

/// A heading in the bold font.
pub fn heading(ui: &mut Ui, text: impl Into<String>) {
    ui.label(
        RichText::new(text.into())
            .size(20.0)
            .family(egui::FontFamily::Name(super::style::BOLD.into())),
    );
}

/// A sub-heading in the bold font.
pub fn subheading(ui: &mut Ui, text: impl Into<String>) {
    ui.label(
        RichText::new(text.into())
            .size(15.0)
            .family(egui::FontFamily::Name(super::style::BOLD.into())),
    );
}

/// Files dragged onto the window.
///
/// While one hovers, a veil with `hint` says that dropping
/// opens it; a dropped file becomes [`Action::OpenAny`] (the first one, if several: the app
/// holds one assessment at a time).
pub fn drop_target(ctx: &egui::Context, hint: &str, actions: &mut Vec<super::action::Action>) {
    let (hovering, dropped) = ctx.input(|i| {
        (
            !i.raw.hovered_files.is_empty(),
            i.raw.dropped_files.first().map(|f| f.path().to_path_buf()),
        )
    });
    if hovering {
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("file drop veil"),
        ));
        let screen = ctx.content_rect();
        let visuals = ctx.global_style().visuals.clone();
        painter.rect_filled(screen, 0.0, visuals.extreme_bg_color.gamma_multiply(0.85));
        painter.text(
            screen.center(),
            egui::Align2::CENTER_CENTER,
            hint,
            egui::FontId::proportional(24.0),
            visuals.strong_text_color(),
        );
    }
    if let Some(path) = dropped {
        actions.push(super::action::Action::OpenAny(path));
    }
}
