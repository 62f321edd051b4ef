//! Starting the desktop app: the window, the renderer, and what happens when neither works.
//!
//! The app draws with OpenGL 2 (eframe's glow renderer) everywhere. On Windows, where remote
//! desktop sessions, virtual machines and the basic display driver often offer only OpenGL 1.1,
//! a failed OpenGL start is retried with wgpu: Direct3D 12 (which includes Windows' software
//! rasteriser WARP), then Vulkan. If that fails too, a message box says what is missing and what
//! to do; the command line needs no graphics at all.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Instant;

use super::{APP_ID, App, Prefs, files, prefs, style};
use crate::checklist::LoadReport;
use crate::session::Library;

/// Runs the app (see [`run`]); if its window cannot open, says why and what to do, on the
/// console and, on Windows, in a message box (the GUI binary has no console).
pub fn launch(file: Option<&Path>) -> ExitCode {
    match run(file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(cause) => {
            let text = start_failure(&cause);
            eprintln!("plattformcheck: cannot start the desktop app: {cause}\n\n{text}");
            show_start_failure(&text);
            ExitCode::FAILURE
        }
    }
}

/// The message of a failed start: both languages (the preferences may be what failed to
/// load), then the technical cause.
pub fn start_failure(cause: &str) -> String {
    format!(
        "{}\n\n{}\n\n({})",
        crate::i18n::ui::DE.start_failed,
        crate::i18n::ui::EN.start_failed,
        crate::text::printable(cause)
    )
}

#[cfg(windows)]
fn show_start_failure(text: &str) {
    // The system's own message box (MessageBoxW): it needs no OpenGL and no console.
    let _shown: rfd::MessageDialogResult = rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("Plattform-Check")
        .set_description(text)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
}

#[cfg(not(windows))]
fn show_start_failure(_text: &str) {
    // Linux and macOS users start it from a terminal or a desktop file whose output the
    // session logs; rfd's dialog there needs a portal or zenity, which may be the very thing
    // that is missing, and can block.
}

/// What the app needs once its window is there; shared by the attempts with each renderer
/// (the first may fail before it ever builds the app).
struct Start {
    file: Option<PathBuf>,
    dir: Option<PathBuf>,
    loaded: Option<prefs::Loaded>,
    builtins: Option<JoinHandle<LoadReport>>,
    started: Instant,
    /// Whether a window got as far as building the app: an error after that is not a missing
    /// renderer, and another attempt would start the work over.
    created: bool,
}

impl Start {
    /// Builds the app in the new window's context.
    fn app(&mut self, cc: &eframe::CreationContext<'_>) -> App {
        self.created = true;
        style::install_fonts(&cc.egui_ctx);
        let (prefs, problem) = self
            .loaded
            .take()
            .map_or_else(|| (Prefs::default(), None), |l| (l.prefs, l.problem));
        let library = self
            .builtins
            .take()
            .and_then(|b| b.join().ok())
            .map_or_else(Library::with_builtins, Library::from_builtins);
        let mut app = App::with_library(prefs, self.dir.clone(), library);
        if let Some(problem) = problem {
            app.error(problem);
        }
        // `PLATTFORMCHECK_TIMING=1` prints the time to the first frame (for the benchmark
        // figures in the README).
        app.started = std::env::var_os("PLATTFORMCHECK_TIMING").map(|_| self.started);
        if let Some(file) = &self.file {
            app.open_any(file);
        }
        app
    }
}

/// Opens the window and runs the app until it is closed; `file` (from the command line or a
/// double-click) is opened first: an assessment, or a checklist file to begin one with.
///
/// # Errors
/// No renderer could open the window; the text names each attempt's cause.
pub fn run(file: Option<&Path>) -> Result<(), String> {
    let started = Instant::now();
    // Parsing the built-in checklists (some 800 KB of RON) takes milliseconds; the window and
    // its GL context take longer, so both happen at once.
    let builtins = std::thread::spawn(crate::builtin::load_all);
    let dir = files::data_dir();
    let loaded = dir
        .as_deref()
        .map(|d| prefs::load(d, prefs::old_storage_file().as_deref()));
    let start = Arc::new(Mutex::new(Start {
        file: file.map(Path::to_path_buf),
        dir: dir.clone(),
        loaded,
        builtins: Some(builtins),
        started,
        created: false,
    }));
    let attempt = |renderer: Renderer| {
        let start = Arc::clone(&start);
        eframe::run_native(
            "Plattform-Check",
            options(dir.as_deref(), renderer),
            Box::new(move |cc| {
                // A panic in an earlier attempt leaves nothing half-done that matters here.
                let mut start = start.lock().unwrap_or_else(PoisonError::into_inner);
                Ok(Box::new(start.app(cc)))
            }),
        )
        .map_err(|e| format!("{}: {e}", renderer.name()))
    };
    // eframe keeps its event loop between runs, so after a failed attempt another renderer can
    // open the window.
    let mut causes = Vec::new();
    for renderer in Renderer::ALL {
        match attempt(renderer) {
            Ok(()) => return Ok(()),
            Err(cause) => causes.push(cause),
        }
        if start.lock().unwrap_or_else(PoisonError::into_inner).created {
            break;
        }
    }
    Err(causes.join("; "))
}

/// The renderers tried, in order.
#[derive(Clone, Copy)]
enum Renderer {
    /// OpenGL 2 or newer (eframe's glow renderer): everywhere, first.
    OpenGl,
    /// Direct3D 12 through wgpu; Windows' WARP software rasteriser stands in where there is no
    /// graphics driver (remote desktop, the basic display driver).
    #[cfg(windows)]
    Direct3d12,
    /// Vulkan through wgpu.
    #[cfg(windows)]
    Vulkan,
}

impl Renderer {
    #[cfg(windows)]
    const ALL: [Self; 3] = [Self::OpenGl, Self::Direct3d12, Self::Vulkan];
    #[cfg(not(windows))]
    const ALL: [Self; 1] = [Self::OpenGl];

    fn name(self) -> &'static str {
        match self {
            Self::OpenGl => "OpenGL",
            #[cfg(windows)]
            Self::Direct3d12 => "Direct3D 12 (wgpu)",
            #[cfg(windows)]
            Self::Vulkan => "Vulkan (wgpu)",
        }
    }
}

/// wgpu restricted to one backend, so that a backend that fails leaves the next to be tried.
#[cfg(windows)]
fn wgpu_with(backends: eframe::wgpu::Backends) -> eframe::WgpuConfiguration {
    use eframe::egui_wgpu::{WgpuSetup, WgpuSetupCreateNew};
    let mut setup = WgpuSetupCreateNew::without_display_handle();
    setup.instance_descriptor.backends = backends;
    eframe::WgpuConfiguration {
        wgpu_setup: WgpuSetup::CreateNew(setup),
        ..Default::default()
    }
}

fn options(dir: Option<&Path>, renderer: Renderer) -> eframe::NativeOptions {
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")).ok();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Plattform-Check")
        .with_app_id(APP_ID)
        .with_inner_size([1200.0, 780.0])
        .with_min_inner_size([960.0, 600.0]);
    if let Some(icon) = icon {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        // eframe's own state (window size and place) in the app's one folder, too.
        persistence_path: dir.map(|d| d.join(prefs::WINDOW_FILE)),
        ..Default::default()
    };
    match renderer {
        Renderer::OpenGl => options,
        #[cfg(windows)]
        Renderer::Direct3d12 => eframe::NativeOptions {
            renderer: eframe::Renderer::Wgpu,
            wgpu_options: wgpu_with(eframe::wgpu::Backends::DX12),
            ..options
        },
        #[cfg(windows)]
        Renderer::Vulkan => eframe::NativeOptions {
            renderer: eframe::Renderer::Wgpu,
            wgpu_options: wgpu_with(eframe::wgpu::Backends::VULKAN),
            ..options
        },
    }
}
