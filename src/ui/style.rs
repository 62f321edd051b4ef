//! Fonts, colours and sizes: `DejaVu` Sans (shipped in assets/) so every glyph renders alike on
//! every machine and matches the PDF; light/dark themes; text size; projector mode.

use std::sync::Arc;

use egui::{Color32, FontData, FontDefinitions, FontFamily};

use crate::risk::RiskClass;

/// The bold font family name.
pub const BOLD: &str = "dejavu-bold";

/// Makes `DejaVu` Sans the first font of every family and adds a bold family.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu".into(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../assets/fonts/DejaVuSans.ttf"
        ))),
    );
    fonts.font_data.insert(
        BOLD.into(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../assets/fonts/DejaVuSans-Bold.ttf"
        ))),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, "dejavu".into());
    }
    let mut bold = vec![BOLD.to_owned()];
    bold.extend(
        fonts
            .families
            .get(&FontFamily::Proportional)
            .cloned()
            .unwrap_or_default(),
    );
    fonts.families.insert(FontFamily::Name(BOLD.into()), bold);
    ctx.set_fonts(fonts);
}

/// How much projector mode enlarges everything (on top of the user's text size).
pub const PROJECTOR_ZOOM: f32 = 1.35;

/// Applies theme and size.
pub fn apply(ctx: &egui::Context, dark: bool, zoom: f32, projector: bool) {
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    // Projector mode: larger text and stronger contrast for rooms with daylight.
    let factor = if projector {
        zoom * PROJECTOR_ZOOM
    } else {
        zoom
    };
    ctx.set_zoom_factor(factor);
    // Ctrl + and Ctrl − are the app's own commands, which keep the size in the preferences;
    // egui's built-in keyboard zoom would change it behind their back.
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        // A clearly visible keyboard focus.
        style.visuals.selection.stroke.width = 2.0;
    });
    let (light_text, dark_text) = if projector {
        (Color32::BLACK, Color32::WHITE)
    } else {
        (Color32::from_gray(20), Color32::from_gray(225))
    };
    ctx.style_mut_of(egui::Theme::Light, |style| {
        style.visuals.widgets.noninteractive.fg_stroke.color = light_text;
    });
    ctx.style_mut_of(egui::Theme::Dark, |style| {
        style.visuals.widgets.noninteractive.fg_stroke.color = dark_text;
    });
}

/// The colour of the keyboard focus ring: dark blue on the light theme, light blue on the dark.
///
/// Both are above the 3:1 of WCAG 2.1, 1.4.11 (non-text contrast) against egui's panels and
/// buttons: 5.9:1 on the light panel (grey 248) and 5.0:1 on a light button (grey 230); 9.2:1 on
/// the dark panel (grey 27) and 5.9:1 on a dark button (grey 60).
pub fn focus_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(153, 193, 241)
    } else {
        Color32::from_rgb(26, 95, 180)
    }
}

/// Draws a ring around the widget that has the keyboard focus, whatever kind it is: egui marks a
/// focused button only by a shade of grey, which is hard to see (grey on grey in the side list).
pub fn focus_ring(ctx: &egui::Context, dark: bool) {
    let Some(id) = ctx.memory(egui::Memory::focused) else {
        return;
    };
    let Some(response) = ctx.read_response(id) else {
        return;
    };
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("focus-ring"),
    ));
    painter.rect_stroke(
        response.rect.expand(2.0),
        4.0,
        egui::Stroke::new(2.5, focus_color(dark)),
        egui::StrokeKind::Outside,
    );
}

/// The traffic-light colour of a class.
pub fn class_color(class: RiskClass) -> Color32 {
    match class {
        RiskClass::Gering => Color32::from_rgb(46, 125, 50),
        RiskClass::Risiko => Color32::from_rgb(230, 160, 0),
        RiskClass::Hoch => Color32::from_rgb(198, 40, 40),
    }
}

/// Text colour readable on [`class_color`].
pub fn on_class_color(class: RiskClass) -> Color32 {
    match class {
        RiskClass::Risiko => Color32::BLACK,
        _ => Color32::WHITE,
    }
}
